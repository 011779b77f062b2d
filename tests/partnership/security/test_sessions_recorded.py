"""Signing in writes the session's row and stamps the session; signing out removes the row."""

from django.urls import reverse

from partnership.accounts import sessions
from partnership.models import UserSession
from tests.factories import PASSWORD
from tests.helpers import sign_in_through_form

FIREFOX = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0"


def test_signing_in_records_where_from(client, member):
    client.defaults.update(HTTP_USER_AGENT=FIREFOX, REMOTE_ADDR="203.0.113.7")

    sign_in_through_form(client, "mo.member", PASSWORD)

    row = UserSession.objects.get()
    assert row.user == member
    assert row.session_key == client.session.session_key
    assert row.ip_address == "203.0.113.7"
    assert row.user_agent == FIREFOX
    assert row.browser == "Firefox on Windows"
    assert row.created_at == row.last_seen_at
    assert client.session[sessions.SIGNED_IN_AT] == row.created_at.timestamp()


def test_signing_out_removes_the_row(client, member):
    sign_in_through_form(client, "mo.member", PASSWORD)

    client.post(reverse("logout"))

    assert not UserSession.objects.exists()


def test_signing_in_again_in_the_same_browser_keeps_one_row(client, member):
    sign_in_through_form(client, "mo.member", PASSWORD)
    sign_in_through_form(client, "mo.member", PASSWORD)

    row = UserSession.objects.get()
    assert row.session_key == client.session.session_key


def test_a_wrong_password_records_no_session(client, member):
    sign_in_through_form(client, "mo.member", "not-the-password")

    assert not UserSession.objects.exists()


def test_browser_in_words():
    def words(agent):
        return UserSession(user_agent=agent).browser

    assert words("Mozilla/5.0 (Macintosh; Intel Mac OS X 14_0) AppleWebKit/605.1.15 Version/17.0 Safari/605.1.15") == (
        "Safari on macOS"
    )
    assert words("Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/131.0 Safari/537.36") == "Chrome on Linux"
    assert words("Mozilla/5.0 (Windows NT 10.0) AppleWebKit/537.36 Chrome/131.0 Safari/537.36 Edg/131.0") == (
        "Microsoft Edge on Windows"
    )
    assert words("curl/8.0") == "Unknown browser"
