"""The sessions page: each of my sessions, this one marked; ending the others, or one of them."""

import datetime

import pytest
from django.contrib.sessions.models import Session
from django.test import Client
from django.urls import reverse

from partnership.models import AuditEvent, AuditKind, UserSession
from tests.factories import PASSWORD
from tests.helpers import acknowledged_in_session, sign_in_through_form, signed_in

SESSIONS = reverse("account-sessions")
END_OTHERS = reverse("account-sessions-end-others")
PHONE = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 Version/17.0 Safari/604.1"


def end_one(row):
    return reverse("account-session-end", args=[row.pk])


def elsewhere(user, agent=PHONE):
    """Another browser signed in as `user`, through the sign-in page so its browser is known."""
    other = Client(HTTP_USER_AGENT=agent)
    assert sign_in_through_form(other, user.username, PASSWORD).status_code == 302
    acknowledged_in_session(other)
    return other


def is_signed_in(client) -> bool:
    return "_auth_user_id" in client.session


def test_lists_my_sessions_with_this_one_marked(client, member, chair):
    signed_in(client, member)
    elsewhere(member)
    elsewhere(chair)  # someone else's never shows

    html = client.get(SESSIONS).content.decode()

    assert html.count('<tr class="govuk-table__row" id="session-') == 2
    assert html.count("This session") == 1
    assert "Safari on iOS" in html
    assert "Sign out of all other sessions" in html
    assert html.count(">End<") == 1  # the other one only: this one is ended by signing out


def test_with_no_other_session_says_so(client, member):
    signed_in(client, member)

    html = client.get(SESSIONS).content.decode()

    assert "You are signed in nowhere else." in html
    assert "Sign out of all other sessions" not in html


def test_ending_the_others_keeps_this_one(client, member, chair):
    signed_in(client, member)
    phone, tablet, chairs = elsewhere(member), elsewhere(member), elsewhere(chair)

    response = client.post(END_OTHERS, follow=True)

    assert "You ended 2 other sessions." in response.content.decode()
    assert is_signed_in(client)
    assert not is_signed_in(phone)
    assert not is_signed_in(tablet)
    assert is_signed_in(chairs)
    assert set(UserSession.objects.values_list("session_key", flat=True)) == {
        client.session.session_key,
        chairs.session.session_key,
    }
    assert not Session.objects.filter(session_key__in=[phone.cookies["sessionid"].value]).exists()
    event = AuditEvent.objects.get(kind=AuditKind.SESSION_ENDED)
    assert (event.user, event.path, event.method) == (member, END_OTHERS, "POST")


def test_ending_one_session(client, member):
    signed_in(client, member)
    phone, laptop = elsewhere(member), elsewhere(member, agent="Mozilla/5.0 (X11; Linux x86_64) Firefox/133.0")
    row = UserSession.objects.get(session_key=phone.session.session_key)

    response = client.post(end_one(row), follow=True)

    assert "You ended the session in Safari on iOS" in response.content.decode()
    assert not is_signed_in(phone)
    assert is_signed_in(laptop)
    assert is_signed_in(client)
    assert AuditEvent.objects.filter(kind=AuditKind.SESSION_ENDED, user=member).count() == 1


def test_another_persons_session_cannot_be_ended(client, member, chair):
    signed_in(client, member)
    chairs = elsewhere(chair)
    row = UserSession.objects.get(user=chair)

    response = client.post(end_one(row))

    assert response.status_code == 404
    assert is_signed_in(chairs)
    assert UserSession.objects.filter(pk=row.pk).exists()
    refused = AuditEvent.objects.get(kind=AuditKind.ACCESS_REFUSED)
    assert (refused.user, refused.status_code) == (member, 404)


def test_this_session_is_ended_by_signing_out_not_here(client, member):
    signed_in(client, member)
    row = UserSession.objects.get()

    assert client.post(end_one(row)).status_code == 404
    assert is_signed_in(client)


@pytest.mark.parametrize("url", [END_OTHERS, reverse("account-session-end", args=[1])])
def test_ending_needs_a_post(client, member, url):
    signed_in(client, member)
    elsewhere(member)

    assert client.get(url).status_code == 405
    assert UserSession.objects.count() == 2


@pytest.mark.parametrize("url", [SESSIONS, reverse("account-security")])
def test_anonymous_visitors_are_sent_to_sign_in(client, db, url):
    response = client.get(url)

    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


def test_a_session_past_its_limits_is_not_listed(client, member, settings):
    signed_in(client, member)
    stale = elsewhere(member)
    row = UserSession.objects.get(session_key=stale.session.session_key)
    row.last_seen_at -= datetime.timedelta(minutes=settings.SESSION_IDLE_MINUTES + 10)
    row.save()

    html = client.get(SESSIONS).content.decode()

    assert html.count('<tr class="govuk-table__row" id="session-') == 1
