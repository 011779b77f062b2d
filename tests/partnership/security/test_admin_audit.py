"""The audit log in the admin: read, never added to, changed or deleted."""

from django.urls import reverse
from django.utils import timezone

from partnership.models import AuditEvent, AuditKind


def test_staff_read_the_log_in_the_admin_but_change_nothing(admin_client, db):
    event = AuditEvent.objects.create(at=timezone.now(), kind=AuditKind.LOGIN_FAILED, username="mo.member")

    listing = admin_client.get(reverse("admin:partnership_auditevent_changelist"))
    assert listing.status_code == 200
    assert "mo.member" in listing.content.decode()
    assert 'name="action"' not in listing.content.decode()  # no delete action

    page = admin_client.get(reverse("admin:partnership_auditevent_change", args=[event.pk])).content.decode()
    assert 'name="_save"' not in page
    assert admin_client.get(reverse("admin:partnership_auditevent_add")).status_code == 403
    assert (
        admin_client.post(reverse("admin:partnership_auditevent_delete", args=[event.pk]), {"post": "yes"}).status_code
        == 403
    )
    assert AuditEvent.objects.filter(pk=event.pk).exists()
