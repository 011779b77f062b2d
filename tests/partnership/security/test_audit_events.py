"""What the audit log records, with who, from where and what was asked: signing in and out,
failed sign-ins (the username typed, never the password), lockouts, and refused access."""

import datetime

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from partnership.models import AuditEvent, AuditKind
from tests.factories import PASSWORD
from tests.helpers import client_for, sign_in_through_form, signed_in

LOGIN = reverse("login")
FIREFOX = "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0"


@pytest.fixture
def browser():
    return Client(HTTP_USER_AGENT=FIREFOX, REMOTE_ADDR="198.51.100.4")


def only(kind) -> AuditEvent:
    return AuditEvent.objects.get(kind=kind)


def test_signing_in(browser, member):
    sign_in_through_form(browser, "mo.member", PASSWORD)

    event = only(AuditKind.LOGIN)
    assert (event.user, event.username) == (member, "mo.member")
    assert (event.ip_address, event.user_agent) == ("198.51.100.4", FIREFOX)
    assert (event.method, event.path) == ("POST", LOGIN)


def test_a_failed_sign_in_keeps_the_username_typed_never_the_password(browser, member):
    sign_in_through_form(browser, "mo.member", "guessed-password-1")
    sign_in_through_form(browser, "nobody-here", "guessed-password-2")

    events = AuditEvent.objects.filter(kind=AuditKind.LOGIN_FAILED).order_by("pk")
    assert [(e.username, e.user) for e in events] == [("mo.member", None), ("nobody-here", None)]
    assert events[0].ip_address == "198.51.100.4"
    stored = " ".join(str(value) for value in AuditEvent.objects.values_list())
    assert "guessed-password" not in stored


def test_signing_out(browser, member):
    sign_in_through_form(browser, "mo.member", PASSWORD)

    browser.post(reverse("logout"))

    event = only(AuditKind.LOGOUT)
    assert (event.user, event.path, event.ip_address) == (member, reverse("logout"), "198.51.100.4")


def test_being_locked_out(browser, member, settings):
    for attempt in range(settings.AXES_FAILURE_LIMIT):
        sign_in_through_form(browser, "mo.member", f"wrong-{attempt}")

    event = only(AuditKind.LOCKED_OUT)
    assert (event.username, event.ip_address, event.path) == ("mo.member", "198.51.100.4", LOGIN)


def test_a_403_is_recorded(client, member, warwickshire):
    signed_in(client, member)
    path = reverse("partnership:partnership-edit", args=[warwickshire.slug])

    assert client.get(path).status_code == 403

    event = only(AuditKind.ACCESS_REFUSED)
    assert (event.user, event.path, event.method, event.status_code) == (member, path, "GET", 403)


def test_a_404_to_someone_outside_the_partnership_is_recorded(client, outsider, warwickshire):
    signed_in(client, outsider)
    path = warwickshire.get_absolute_url()

    assert client.get(path).status_code == 404

    event = only(AuditKind.ACCESS_REFUSED)
    assert (event.user, event.path, event.status_code) == (outsider, path, 404)


def test_a_401_from_the_api_is_recorded(db):
    assert client_for().get("/api/v1/partnerships/").status_code == 401

    event = only(AuditKind.ACCESS_REFUSED)
    assert (event.user, event.username, event.status_code) == (None, "", 401)


def test_anonymous_refusals_are_kept_once_a_minute_per_address(db, time_machine):
    """Asking again and again without credentials cannot fill the log."""
    for _ in range(20):
        assert client_for().get("/api/v1/partnerships/").status_code == 401
    assert client_for().get("/api/v1/partnerships/", REMOTE_ADDR="198.51.100.9").status_code == 401
    assert AuditEvent.objects.filter(kind=AuditKind.ACCESS_REFUSED).count() == 2

    time_machine.move_to(timezone.now() + datetime.timedelta(seconds=61))
    client_for().get("/api/v1/partnerships/")
    assert AuditEvent.objects.filter(kind=AuditKind.ACCESS_REFUSED).count() == 3


def test_every_refusal_to_a_signed_in_person_is_kept(client, member, warwickshire):
    signed_in(client, member)
    path = reverse("partnership:partnership-edit", args=[warwickshire.slug])
    for _ in range(3):
        assert client.get(path).status_code == 403
    assert AuditEvent.objects.filter(kind=AuditKind.ACCESS_REFUSED).count() == 3


def test_an_api_403_names_the_token_user(member, police):
    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=member).key}")
    path = f"/api/v1/nominating-bodies/{police.pk}/"

    assert api.patch(path, {"seats": 3}, format="json").status_code == 403

    event = only(AuditKind.ACCESS_REFUSED)
    assert (event.user, event.username, event.method, event.path) == (member, "mo.member", "PATCH", path)


def test_a_404_elsewhere_or_to_a_visitor_is_not_recorded(client, member, warwickshire):
    assert client.get(warwickshire.get_absolute_url() + "no-such-page/").status_code == 404
    signed_in(client, member)
    assert client.get("/no-such-page/").status_code == 404

    assert not AuditEvent.objects.filter(kind=AuditKind.ACCESS_REFUSED).exists()


def test_an_ordinary_answer_costs_the_audit_log_no_query(client, member):
    signed_in(client, member)
    client.get(reverse("governance:home"))

    with CaptureQueriesContext(connection) as queries:
        assert client.get(reverse("governance:home")).status_code == 200
        assert client.get("/no-such-page/").status_code == 404

    assert not [q for q in queries if "partnership_auditevent" in q["sql"]]
