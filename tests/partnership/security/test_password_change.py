"""Changing my password: Django's view on a GOV.UK page, the validators' messages in plain words,
every other session ended, this one kept, and the audit log told."""

import pytest
from django.test import Client
from django.urls import reverse

from partnership.models import AuditEvent, AuditKind, UserSession
from tests.factories import PASSWORD
from tests.helpers import signed_in

CHANGE = reverse("password_change")
NEW = "a-long-and-uncommon-passphrase"


def change(client, new1=NEW, new2=None, old=PASSWORD):
    return client.post(CHANGE, {"old_password": old, "new_password1": new1, "new_password2": new2 or new1})


def test_the_page_has_gov_uk_fields(client, member):
    signed_in(client, member)

    html = client.get(CHANGE).content.decode()

    assert '<h1 class="govuk-heading-l">Change your password</h1>' in html
    assert 'autocomplete="current-password"' in html
    assert html.count('autocomplete="new-password"') == 2
    assert "At least 12 characters." in html


def test_changing_keeps_this_session_and_ends_the_others(client, member):
    signed_in(client, member)
    other = signed_in(Client(), member)

    response = change(client)

    assert response.status_code == 302
    assert response.url == reverse("password_change_done")
    member.refresh_from_db()
    assert member.check_password(NEW)
    assert client.get(reverse("account-security")).status_code == 200
    assert UserSession.objects.get().session_key == client.session.session_key
    assert other.get(reverse("account-security")).status_code == 302
    event = AuditEvent.objects.get(kind=AuditKind.PASSWORD_CHANGED)
    assert (event.user, event.path) == (member, CHANGE)
    assert AuditEvent.objects.filter(kind=AuditKind.SESSION_ENDED, user=member).count() == 1
    done = client.get(response.url).content.decode()
    assert "Your password has been changed" in done


@pytest.mark.parametrize(
    ("new1", "new2", "message"),
    [
        ("short-pass", None, "This password is too short. It must contain at least 12 characters."),
        ("password1234", None, "This password is too common."),
        ("123456789012345", None, "This password is entirely numeric."),
        (NEW, NEW + "x", "The two new passwords are different: type the same password in both boxes"),
        ("", "", "Enter a new password"),
    ],
)
def test_weak_or_mismatched_passwords_are_refused(client, member, new1, new2, message):
    signed_in(client, member)

    response = change(client, new1, new2)

    assert response.status_code == 200
    html = response.content.decode()
    assert message in html
    assert "There is a problem" in html
    assert "<title>Error: Change your password" in html
    member.refresh_from_db()
    assert member.check_password(PASSWORD)
    assert not AuditEvent.objects.filter(kind=AuditKind.PASSWORD_CHANGED).exists()


def test_the_current_password_must_be_right(client, member):
    signed_in(client, member)

    response = change(client, old="not-my-password")

    assert "Your current password is not right: type it again" in response.content.decode()
    member.refresh_from_db()
    assert member.check_password(PASSWORD)


def test_anonymous_visitors_are_sent_to_sign_in(client, db):
    response = client.get(CHANGE)

    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))
