"""Signing in in two steps: whoever has set up an authenticator app gives their password, then
the 6-digit code, and only then is signed in."""

import datetime

import pytest
import time_machine
from axes.models import AccessAttempt
from django.urls import reverse
from django.utils import timezone
from django_otp import DEVICE_ID_SESSION_KEY

from partnership.models_audit import AuditEvent, AuditKind
from partnership.models_sessions import UserSession
from tests.helpers import signed_in

from .two_factor_helpers import LOGIN, SET_UP, VERIFY, app_for, code_now, password_step, wrong_code

HOME = reverse("governance:home")
MINE = reverse("partnership:mine")


def later(seconds):
    return time_machine.travel(timezone.now() + datetime.timedelta(seconds=seconds), tick=True)


def test_the_password_alone_does_not_sign_in_someone_with_an_app(client, member):
    app_for(member)

    response = password_step(client, "mo.member", next_url=MINE)

    assert response.status_code == 302
    assert response.url == f"{VERIFY}?next=%2Fpartnerships%2F"
    assert "_auth_user_id" not in client.session
    assert client.get(MINE).url.startswith(LOGIN)  # nothing else counts them as signed in yet


def test_the_code_page_asks_for_the_code(client, member):
    app_for(member)
    password_step(client, "mo.member")

    html = client.get(VERIFY).content.decode()

    assert "Enter the code from your authenticator app" in html
    assert 'autocomplete="one-time-code"' in html
    assert 'inputmode="numeric"' in html


def test_the_right_code_signs_in_and_goes_to_next(client, member):
    device = app_for(member)
    password_step(client, "mo.member", next_url=MINE)

    response = client.post(VERIFY, {"code": code_now(device), "next": MINE})

    assert response.status_code == 302
    assert response.url == MINE
    assert client.session["_auth_user_id"] == str(member.pk)
    assert client.session[DEVICE_ID_SESSION_KEY] == device.persistent_id
    assert AuditEvent.objects.filter(kind=AuditKind.TWO_FACTOR_FAILED).count() == 0


def test_the_code_may_be_typed_with_a_space(client, member):
    device = app_for(member)
    password_step(client, "mo.member")
    code = code_now(device)

    response = client.post(VERIFY, {"code": f" {code[:3]} {code[3:]} "})

    assert response.url == HOME
    assert client.session["_auth_user_id"] == str(member.pk)


def test_a_wrong_code_is_refused_with_a_message_and_recorded(client, member):
    device = app_for(member)
    password_step(client, "mo.member")

    response = client.post(VERIFY, {"code": wrong_code(device)})

    assert response.status_code == 400
    html = response.content.decode()
    assert "There is a problem" in html
    assert "The code is not right, or has been used already" in html
    assert '<a href="#id_code">' in html
    assert "<title>Error: Enter the code" in html
    assert "_auth_user_id" not in client.session
    event = AuditEvent.objects.get(kind=AuditKind.TWO_FACTOR_FAILED)
    assert (event.username, event.user, event.ip_address) == ("mo.member", member, "127.0.0.1")
    # It counts towards django-axes' lockout, as a wrong password does.
    assert AccessAttempt.objects.get(username="mo.member").failures_since_start == 1


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("", "Enter the 6-digit code from your authenticator app"),
        ("12345", "The code must be 6 digits, for example 123456"),
        ("abcdef", "The code must be 6 digits, for example 123456"),
    ],
)
def test_what_is_not_a_code_says_what_to_type_and_counts_for_nothing(client, member, typed, message):
    app_for(member)
    password_step(client, "mo.member")

    response = client.post(VERIFY, {"code": typed})

    assert response.status_code == 400
    assert message in response.content.decode()
    assert "_auth_user_id" not in client.session
    assert not AuditEvent.objects.filter(kind=AuditKind.TWO_FACTOR_FAILED).exists()
    assert not AccessAttempt.objects.exists()


def test_a_code_used_once_is_refused_the_second_time(client, member):
    device = app_for(member)
    code = code_now(device)
    password_step(client, "mo.member")
    client.post(VERIFY, {"code": code})
    client.post(reverse("logout"))

    password_step(client, "mo.member")
    response = client.post(VERIFY, {"code": code})

    assert response.status_code == 400
    assert "has been used already" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_a_code_straight_after_a_wrong_one_waits_for_the_back_off(client, member):
    device = app_for(member)
    password_step(client, "mo.member")
    client.post(VERIFY, {"code": wrong_code(device)})

    response = client.post(VERIFY, {"code": code_now(device)})

    assert response.status_code == 400
    assert "You entered a wrong code a moment ago. Wait 1 second" in response.content.decode()
    assert "_auth_user_id" not in client.session
    # Nothing was checked, so nothing more is counted.
    assert AuditEvent.objects.filter(kind=AuditKind.TWO_FACTOR_FAILED).count() == 1
    assert AccessAttempt.objects.get(username="mo.member").failures_since_start == 1
    with later(2):
        assert client.post(VERIFY, {"code": code_now(device)}).url == HOME
    assert client.session["_auth_user_id"] == str(member.pk)


def test_another_sites_next_is_ignored(client, member):
    device = app_for(member)

    response = password_step(client, "mo.member", next_url="https://evil.example/")
    assert response.url == VERIFY

    response = client.post(VERIFY, {"code": code_now(device), "next": "https://evil.example/"})
    assert response.url == HOME


@pytest.mark.parametrize("unsafe", ["//evil.example/", "https://evil.example/partnerships/", "governance:home"])
def test_an_unsafe_next_on_the_code_page_is_ignored(client, member, unsafe):
    device = app_for(member)
    password_step(client, "mo.member")

    response = client.post(VERIFY, {"code": code_now(device), "next": unsafe})

    assert response.url == HOME


def test_the_code_page_without_a_password_first_goes_to_sign_in(client, db):
    response = client.get(VERIFY, {"next": MINE})

    assert response.status_code == 302
    assert response.url == f"{LOGIN}?next=%2Fpartnerships%2F"


def test_a_half_finished_sign_in_lapses_after_ten_minutes(client, member):
    device = app_for(member)
    password_step(client, "mo.member")

    with later(11 * 60):
        response = client.post(VERIFY, {"code": code_now(device)}, follow=True)

    assert response.redirect_chain[0][0] == LOGIN
    assert "Sign in again: your sign-in was not finished in time." in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_someone_without_an_app_signs_in_with_the_password(client, member):
    response = password_step(client, "mo.member", next_url=MINE)

    assert response.url == MINE
    assert client.session["_auth_user_id"] == str(member.pk)


def test_an_app_not_yet_confirmed_is_not_asked_for(client, member):
    app_for(member, confirmed=False)

    response = password_step(client, "mo.member")

    assert response.url == HOME
    assert client.session["_auth_user_id"] == str(member.pk)


def test_a_chair_who_must_but_has_no_app_is_sent_to_set_it_up(client, chair, settings):
    settings.TWO_FACTOR_REQUIRED = True

    response = password_step(client, "carol.chair", next_url=MINE)
    assert response.url == MINE
    response = client.get(MINE)

    assert response.status_code == 302
    assert response.url == f"{SET_UP}?next=%2Fpartnerships%2F"


def test_the_sign_in_page_links_to_a_forgotten_password(client, db):
    html = client.get(LOGIN).content.decode()

    assert f'href="{reverse("password_reset")}">Forgotten your password?</a>' in html


def test_the_code_gives_an_already_signed_in_session_a_new_key(client, member):
    device = app_for(member)
    signed_in(client, member)  # signed in before the app was set up, say
    before = client.session.session_key

    response = client.post(VERIFY, {"code": code_now(device), "next": MINE})

    assert response.url == MINE
    assert client.session.session_key != before
    assert client.session["_auth_user_id"] == str(member.pk)
    assert client.session[DEVICE_ID_SESSION_KEY] == device.persistent_id
    assert UserSession.objects.filter(user=member).get().session_key == client.session.session_key


def test_a_wrong_code_keeps_the_session_key(client, member):
    device = app_for(member)
    signed_in(client, member)
    before = client.session.session_key

    client.post(VERIFY, {"code": wrong_code(device)})

    assert client.session.session_key == before
    assert DEVICE_ID_SESSION_KEY not in client.session


@pytest.mark.parametrize("method", ["get", "post"])
def test_the_code_page_is_never_cached(client, member, method):
    app_for(member)
    password_step(client, "mo.member")

    response = getattr(client, method)(VERIFY)

    assert response.status_code in (200, 400)
    assert "no-store" in response["Cache-Control"]
