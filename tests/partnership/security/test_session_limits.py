"""A session unused for SESSION_IDLE_MINUTES, or signed in more than SESSION_COOKIE_AGE ago, is
signed out with a message on the sign-in page; an ordinary request costs no extra query."""

import datetime

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from partnership.models import AuditEvent, AuditKind, UserSession
from tests.helpers import signed_in

HOME = reverse("governance:home")


@pytest.fixture
def limits(settings):
    settings.SESSION_IDLE_MINUTES = 60
    settings.SESSION_COOKIE_AGE = 12 * 60 * 60


def later(**delta):
    return time_machine.travel(timezone.now() + datetime.timedelta(**delta), tick=False)


def test_a_session_idle_too_long_is_signed_out(client, member, limits):
    signed_in(client, member)

    with later(minutes=61):
        response = client.get(HOME)

        assert response.status_code == 302
        assert response.url == f"{reverse('login')}?next={HOME.replace('/', '%2F')}"
        assert "_auth_user_id" not in client.session
        page = client.get(response.url).content.decode()
    assert "You were signed out because you had not used the service for 1 hour." in page
    assert not UserSession.objects.exists()
    logout = AuditEvent.objects.get(kind=AuditKind.LOGOUT)
    assert (logout.user, logout.detail) == (member, "Idle for too long")


def test_a_session_used_within_the_idle_limit_goes_on(client, member, limits):
    signed_in(client, member)

    with later(minutes=59):
        assert client.get(HOME).status_code == 200
    with later(minutes=59 + 59):
        assert client.get(HOME).status_code == 200  # each request moves "last active" on


def test_a_session_signed_in_too_long_ago_is_signed_out_however_busy(client, member, limits):
    signed_in(client, member)
    for minutes in range(50, 12 * 60, 50):
        with later(minutes=minutes):
            assert client.get(HOME).status_code == 200

    with later(hours=12, minutes=1):
        response = client.get(HOME)
        page = client.get(response.url).content.decode()

    assert response.status_code == 302
    assert "You were signed out because you signed in more than 12 hours ago." in page
    assert "_auth_user_id" not in client.session


def test_the_messages_name_minutes_when_the_limits_are_not_whole_hours(client, member, settings):
    settings.SESSION_IDLE_MINUTES = 20
    signed_in(client, member)

    with later(minutes=21):
        page = client.get(client.get(HOME).url).content.decode()

    assert "had not used the service for 20 minutes" in page


def test_a_post_after_the_limit_is_not_carried_out(client, member, limits):
    signed_in(client, member)

    with later(minutes=61):
        response = client.post(reverse("account-sessions-end-others"))

    assert response.status_code == 302
    assert response.url == reverse("login")
    assert not AuditEvent.objects.filter(kind=AuditKind.SESSION_ENDED).exists()


def test_the_api_answers_401_after_the_limit(client, member, limits):
    signed_in(client, member)

    with later(minutes=61):
        response = client.get("/api/v1/partnerships/")

    assert response.status_code == 401


def _writes(queries) -> list[str]:
    return [q["sql"] for q in queries if "django_session" in q["sql"] or "partnership_usersession" in q["sql"]]


def test_an_ordinary_request_writes_nothing(client, member, limits):
    signed_in(client, member)
    client.get(HOME)

    with CaptureQueriesContext(connection) as queries:
        client.get(HOME)

    assert [sql for sql in _writes(queries) if not sql.startswith("SELECT")] == []


def test_last_active_is_written_to_the_table_at_most_every_five_minutes(client, member, limits):
    signed_in(client, member)
    signed_in_at = UserSession.objects.get().last_seen_at

    with later(minutes=2), CaptureQueriesContext(connection) as queries:
        client.get(HOME)
    # The session's own stamp moves on (once a minute at most); the table is left alone.
    assert not [sql for sql in _writes(queries) if "partnership_usersession" in sql]
    assert UserSession.objects.get().last_seen_at == signed_in_at

    with later(minutes=6):
        client.get(HOME)
    assert UserSession.objects.get().last_seen_at >= signed_in_at + datetime.timedelta(minutes=6)
