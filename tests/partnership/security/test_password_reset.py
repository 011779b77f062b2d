"""Resetting a forgotten password by email: the same answer whether or not the address is known,
a link in plain words that works once, and every session ended after it."""

import re

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from partnership.models import AuditEvent, AuditKind, UserSession
from tests.factories import PASSWORD
from tests.helpers import signed_in

RESET = reverse("password_reset")
NEW = "a-long-and-uncommon-passphrase"


@pytest.fixture
def site(settings):
    settings.SITE_URL = "https://governance.example.org"
    settings.SITE_NAME = "Warwickshire partnerships"


def ask(client, email):
    return client.post(RESET, {"email": email}, follow=True)


def link_path(message) -> str:
    return re.search(r"https://governance\.example\.org(/accounts/password-reset/\S+/)", message.body).group(1)


def test_a_known_address_gets_a_link_in_plain_words(client, member, site):
    response = ask(client, "mo.member@example.org")

    assert "Check your email" in response.content.decode()
    (message,) = mail.outbox
    assert message.to == ["mo.member@example.org"]
    assert message.subject == "Reset your password for Warwickshire partnerships"
    assert "open this link to choose a new password" in message.body
    assert "The link works once, for 60 minutes." in message.body
    assert "Your username is mo.member." in message.body
    assert link_path(message)
    event = AuditEvent.objects.get(kind=AuditKind.PASSWORD_RESET_REQUESTED)
    assert (event.user, event.username, event.path) == (member, "mo.member@example.org", RESET)


def test_an_unknown_address_gets_the_same_page_and_no_email(client, member, site):
    known = ask(client, "mo.member@example.org").content.decode()
    mail.outbox.clear()

    unknown = ask(Client(), "nobody@example.org")

    assert unknown.status_code == 200
    assert unknown.redirect_chain == [(reverse("password_reset_done"), 302)]
    assert unknown.content.decode().replace("csrfmiddlewaretoken", "") == known.replace("csrfmiddlewaretoken", "")
    assert mail.outbox == []
    event = AuditEvent.objects.filter(kind=AuditKind.PASSWORD_RESET_REQUESTED).first()
    assert (event.user, event.username) == (None, "nobody@example.org")


def test_a_malformed_address_is_refused_with_a_message(client, db):
    response = client.post(RESET, {"email": "not an address"})

    assert response.status_code == 200
    assert "Enter an email address in the correct format, like name@example.org" in response.content.decode()
    assert mail.outbox == []
    assert not AuditEvent.objects.filter(kind=AuditKind.PASSWORD_RESET_REQUESTED).exists()


def test_the_link_works_once_and_signs_out_every_session(client, member, site):
    elsewhere = signed_in(Client(), member)
    ask(client, "mo.member@example.org")
    path = link_path(mail.outbox[0])

    form_page = client.get(path, follow=True)
    assert "Choose a new password" in form_page.content.decode()
    set_password = form_page.redirect_chain[-1][0]
    done = client.post(set_password, {"new_password1": NEW, "new_password2": NEW}, follow=True)

    assert "Your password has been reset" in done.content.decode()
    member.refresh_from_db()
    assert member.check_password(NEW)
    assert not UserSession.objects.filter(user=member).exists()
    assert elsewhere.get(reverse("account-security")).status_code == 302
    assert AuditEvent.objects.filter(kind=AuditKind.PASSWORD_CHANGED, user=member).count() == 1

    again = Client().get(path, follow=True).content.decode()
    assert "This link no longer works" in again
    assert "Choose a new password" not in again


def test_a_weak_password_is_refused_on_the_reset_page(client, member, site):
    ask(client, "mo.member@example.org")
    set_password = client.get(link_path(mail.outbox[0]), follow=True).redirect_chain[-1][0]

    response = client.post(set_password, {"new_password1": "mo.member", "new_password2": "mo.member"})

    html = response.content.decode()
    assert "This password is too short" in html
    member.refresh_from_db()
    assert member.check_password(PASSWORD)


def test_a_made_up_link_does_not_work(client, member):
    html = client.get(reverse("password_reset_confirm", args=["MQ", "set-password-abc"])).content.decode()

    assert "This link no longer works" in html


def test_asking_again_within_a_quarter_of_an_hour_sends_nothing_more(client, member, site, time_machine):
    """Nobody can flood a member's inbox, or the audit log, by asking again and again."""
    import datetime

    from django.utils import timezone

    for _ in range(3):
        response = ask(client, "MO.Member@example.org")
        assert response.redirect_chain == [(reverse("password_reset_done"), 302)]
    assert len(mail.outbox) == 1
    assert AuditEvent.objects.filter(kind=AuditKind.PASSWORD_RESET_REQUESTED).count() == 1

    time_machine.move_to(timezone.now() + datetime.timedelta(minutes=16))
    ask(client, "mo.member@example.org")
    assert len(mail.outbox) == 2
