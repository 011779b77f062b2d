"""Whoever's password or second factor changes is told by email, with when and from where, and
how to take the account back if it was not them; every other entry of the audit log sends
nothing. The email goes once the change is committed, and a mail server that fails leaves the
change made."""

import logging
import re

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from partnership.accounts import security_notices
from tests.factories import PASSWORD
from tests.helpers import sign_in_through_form, signed_in
from tests.partnership.accounts.two_factor_helpers import REMOVE, SET_UP, app_for, code_now, signed_in_with_code

NEW = "a-long-and-uncommon-passphrase"


@pytest.fixture(autouse=True)
def site(settings):
    settings.SITE_URL = "https://governance.example.org"
    settings.SITE_NAME = "Warwickshire partnerships"


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Runs what waits for the commit, as the end of a real request's transaction does."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


def change_password(client, new=NEW):
    return client.post(
        reverse("password_change"), {"old_password": PASSWORD, "new_password1": new, "new_password2": new}
    )


def test_a_changed_password_is_told_to_its_owner(client, member, committed):
    signed_in(client, member)
    with committed():
        assert change_password(client, new=NEW).status_code == 302
    (message,) = mail.outbox
    assert message.to == [member.email]
    assert message.subject == "Warwickshire partnerships: Your password was changed"
    assert "Your password was changed on Wednesday 25 November 2026 at 10:00." in message.body
    assert "It was done from the address 127.0.0.1 (Unknown browser)." in message.body
    assert "If it was not you, someone else may know your password." in message.body
    assert "https://governance.example.org/accounts/password-reset/" in message.body


def test_a_password_reset_by_link_is_told_too(client, member, committed):
    client.post(reverse("password_reset"), {"email": member.email})
    link = re.search(r"https://governance\.example\.org(/accounts/password-reset/\S+/)", mail.outbox[0].body).group(1)
    mail.outbox.clear()
    set_password = client.get(link, follow=True).redirect_chain[-1][0]
    with committed():
        client.post(set_password, {"new_password1": NEW, "new_password2": NEW})
    (message,) = mail.outbox
    assert message.subject == "Warwickshire partnerships: Your password was changed"


def test_a_second_factor_set_up_is_told(client, member, committed):
    signed_in(client, member)
    client.get(SET_UP)
    device = TOTPDevice.objects.get(user=member, confirmed=False)
    with committed():
        client.post(SET_UP, {"code": code_now(device)})
    (message,) = mail.outbox
    assert message.subject == "Warwickshire partnerships: Two-factor authentication was set up on your account"


def test_a_second_factor_removed_is_told(client, member, committed, settings):
    device = app_for(member)
    signed_in_with_code(client, member, device)
    device.refresh_from_db()
    device.last_t = -1  # the sign-in used this step's code
    device.save()
    mail.outbox.clear()
    with committed():
        client.post(REMOVE, {"code": code_now(device)})
    assert not TOTPDevice.objects.filter(user=member).exists()
    (message,) = mail.outbox
    assert message.subject == "Warwickshire partnerships: Two-factor authentication was removed from your account"


def test_signing_in_and_failing_to_send_nothing(member, committed):
    with committed():
        sign_in_through_form(Client(), member.username, PASSWORD)
        sign_in_through_form(Client(), member.username, "not the password at all")
    assert mail.outbox == []


def test_an_account_without_an_address_is_changed_all_the_same(client, member, committed):
    member.email = ""
    member.save()
    signed_in(client, member)
    with committed():
        assert change_password(client).status_code == 302
    member.refresh_from_db()
    assert member.check_password(NEW)
    assert mail.outbox == []


def test_a_mail_server_that_fails_leaves_the_change_made(client, member, committed, monkeypatch, caplog):
    def refused(*args, **kwargs):
        raise ConnectionRefusedError("the mail server is down")

    monkeypatch.setattr(security_notices, "send_mail", refused)
    signed_in(client, member)
    with caplog.at_level(logging.ERROR, logger="partnership.accounts.security_notices"), committed():
        assert change_password(client).status_code == 302
    member.refresh_from_db()
    assert member.check_password(NEW)
    assert "Could not email" in caplog.text


def test_nothing_is_sent_before_the_change_commits(client, member):
    signed_in(client, member)
    change_password(client)
    assert mail.outbox == []


# Staff in the admin: recorded in the audit log, and so told.


def test_a_password_set_by_staff_in_the_admin_is_recorded_and_told(client, staff, member, committed):
    from partnership.models import AuditEvent, AuditKind

    client.force_login(staff)
    url = reverse("admin:auth_user_password_change", args=[member.pk])
    with committed():
        response = client.post(url, {"password1": NEW, "password2": NEW, "usable_password": "true"})
    assert response.status_code == 302
    member.refresh_from_db()
    assert member.check_password(NEW)
    event = AuditEvent.objects.get(kind=AuditKind.PASSWORD_CHANGED)
    assert (event.user, event.detail) == (member, "Set in the admin by stella.staff")
    (message,) = mail.outbox
    assert message.to == [member.email]


def test_a_refused_password_in_the_admin_is_neither_recorded_nor_told(client, staff, member, committed):
    from partnership.models import AuditEvent, AuditKind

    client.force_login(staff)
    url = reverse("admin:auth_user_password_change", args=[member.pk])
    with committed():
        response = client.post(
            url, {"password1": NEW, "password2": "something else entirely", "usable_password": "true"}
        )
    assert response.status_code == 200
    assert not AuditEvent.objects.filter(kind=AuditKind.PASSWORD_CHANGED).exists()
    assert mail.outbox == []


def test_an_app_removed_by_staff_in_the_admin_is_recorded_and_told(client, staff, member, committed):
    from partnership.models import AuditEvent, AuditKind

    device = app_for(member)
    client.force_login(staff)
    with committed():
        response = client.post(reverse("admin:otp_totp_totpdevice_delete", args=[device.pk]), {"post": "yes"})
    assert response.status_code == 302
    assert not TOTPDevice.objects.filter(user=member).exists()
    assert AuditEvent.objects.get(kind=AuditKind.TWO_FACTOR_REMOVED).user == member
    (message,) = mail.outbox
    assert message.subject == "Warwickshire partnerships: Two-factor authentication was removed from your account"


def test_apps_removed_in_bulk_in_the_admin_are_each_recorded_and_told(client, staff, member, chair, committed):
    from partnership.models import AuditEvent, AuditKind

    devices = [app_for(member), app_for(chair)]
    client.force_login(staff)
    changelist = reverse("admin:otp_totp_totpdevice_changelist")
    chosen = {"action": "delete_selected", "_selected_action": [device.pk for device in devices], "post": "yes"}
    with committed():
        assert client.post(changelist, chosen).status_code == 302
    assert sorted(e.user.username for e in AuditEvent.objects.filter(kind=AuditKind.TWO_FACTOR_REMOVED)) == [
        chair.username,
        member.username,
    ]
    assert sorted(message.to[0] for message in mail.outbox) == sorted([member.email, chair.email])


def test_the_admins_own_password_page_is_the_accounts(client, staff):
    client.force_login(staff)
    response = client.get("/admin/password_change/")
    assert response.status_code == 302
    assert response.url == reverse("password_change")


def test_the_browser_is_named_never_quoted(client, member, committed):
    """The user agent is whatever its sender chose: only a browser's name from a list is shown."""
    signed_in(client, member)
    planted = "Mozilla/5.0 (Windows NT 10.0) Firefox/120.0 This was your IT team: you need do nothing"
    with committed():
        form = {"old_password": PASSWORD, "new_password1": NEW, "new_password2": NEW}
        client.post(reverse("password_change"), form, HTTP_USER_AGENT=planted)
    (message,) = mail.outbox
    assert "(Firefox on Windows)" in message.body
    assert "IT team" not in message.body


@pytest.mark.parametrize(
    ("was", "becomes", "recorded"),
    [(None, True, 1), (None, False, 0), (False, True, 1), (True, True, 0)],
    ids=["added confirmed", "added unconfirmed", "confirmed later", "saved again"],
)
def test_an_app_set_up_by_staff_in_the_admin_is_recorded_once_confirmed(rf, staff, member, was, becomes, recorded):
    from django.contrib import admin

    from partnership.admin import RecordedTOTPDeviceAdmin
    from partnership.models import AuditEvent, AuditKind

    request = rf.post("/admin/otp_totp/totpdevice/")
    request.user = staff
    device = app_for(member, confirmed=was) if was is not None else TOTPDevice(user=member, name="Phone")
    device.confirmed = becomes
    RecordedTOTPDeviceAdmin(TOTPDevice, admin.site).save_model(request, device, form=None, change=was is not None)
    events = AuditEvent.objects.filter(kind=AuditKind.TWO_FACTOR_ENROLLED, user=member)
    assert events.count() == recorded
