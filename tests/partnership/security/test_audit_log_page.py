"""The audit log page: staff only, newest first, filtered by kind and username, in pages, with a
fixed number of queries however long the log."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from partnership.models import AuditEvent, AuditKind
from tests.helpers import signed_in

AUDIT = reverse("audit-log")


def add_events(count, *, kind=AuditKind.LOGIN_FAILED, username="mo.member", start=None):
    start = start or timezone.now() - datetime.timedelta(days=1)
    AuditEvent.objects.bulk_create(
        AuditEvent(
            at=start + datetime.timedelta(minutes=n),
            kind=kind,
            username=username,
            ip_address="192.0.2.1",
            method="POST",
            path="/accounts/login/",
        )
        for n in range(count)
    )


def rows(html) -> int:
    return html.count('<tr class="govuk-table__row">') - 1  # less the header row


def test_staff_read_the_newest_first(client, staff):
    add_events(2, kind=AuditKind.LOGIN_FAILED, username="early", start=timezone.now() - datetime.timedelta(days=3))
    add_events(1, kind=AuditKind.LOCKED_OUT, username="late")
    signed_in(client, staff)

    html = client.get(AUDIT).content.decode()

    assert '<h1 class="govuk-heading-xl">Audit log</h1>' in html
    # Signing the staff in wrote a row too: the newest.
    assert html.index("stella.staff") < html.index("Locked out after repeated failures") < html.index("early")
    assert "POST /accounts/login/" in html
    assert "192.0.2.1" in html


def test_filter_by_kind_and_username(client, staff):
    add_events(3, kind=AuditKind.LOGIN_FAILED, username="mo.member")
    add_events(2, kind=AuditKind.LOGIN_FAILED, username="carol.chair")
    add_events(4, kind=AuditKind.ACCESS_REFUSED, username="mo.member")
    signed_in(client, staff)

    html = client.get(AUDIT, {"kind": AuditKind.LOGIN_FAILED, "username": "MO.member"}).content.decode()

    assert "3 events: failed sign-in (MO.member)" in html
    assert rows(html) == 3
    assert 'value="login_failed" selected' in html


def test_nothing_matching_says_so(client, staff):
    signed_in(client, staff)

    html = client.get(AUDIT, {"kind": AuditKind.LOCKED_OUT}).content.decode()

    assert "No event matches." in html


def test_an_unknown_kind_is_refused_with_a_message(client, staff):
    signed_in(client, staff)

    response = client.get(AUDIT, {"kind": "made-up"})

    assert response.status_code == 400
    assert "Choose what happened from the list" in response.content.decode()


def test_pages_of_fifty(client, staff):
    add_events(120)
    signed_in(client, staff)

    first = client.get(AUDIT).content.decode()
    last = client.get(AUDIT, {"page": 3}).content.decode()

    assert rows(first) == 50
    assert rows(last) == 121 - 100
    assert "page 3 of 3" in last


@pytest.mark.parametrize("volume", [10, 400])
def test_a_fixed_number_of_queries(client, staff, volume, django_assert_num_queries):
    add_events(volume, kind=AuditKind.ACCESS_REFUSED)
    signed_in(client, staff)
    client.get(AUDIT)

    # The session, the user, the count and the page of rows.
    with django_assert_num_queries(4):
        response = client.get(AUDIT, {"kind": AuditKind.ACCESS_REFUSED, "page": 1})

    assert rows(response.content.decode()) == min(volume, 50)


@pytest.mark.parametrize("who", ["secretariat", "chair", "member", "outsider"])
def test_everyone_but_staff_is_refused(client, db, who, request):
    add_events(1, username="someone-watched")
    signed_in(client, request.getfixturevalue(who))

    response = client.get(AUDIT)

    assert response.status_code == 403
    assert "someone-watched" not in response.content.decode()
    assert AuditEvent.objects.filter(kind=AuditKind.ACCESS_REFUSED, path=AUDIT).count() == 1


def test_anonymous_visitors_are_sent_to_sign_in(client, db):
    response = client.get(AUDIT)

    assert response.status_code == 302
    assert response.url == f"{reverse('login')}?next={AUDIT}"
