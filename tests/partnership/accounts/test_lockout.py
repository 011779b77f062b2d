"""Guessing is stopped by django-axes: five wrong passwords or codes in a row for a username
from one address lock that pair out for a quarter of an hour, even with the right password;
the lockout page says so in plain words. Wrong codes count with wrong passwords."""

import datetime

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from tests.factories import PASSWORD
from tests.helpers import signed_in

from .two_factor_helpers import LOGIN, VERIFY, app_for, code_now, password_step, wrong_code

HOME = reverse("governance:home")


@pytest.fixture(autouse=True)
def no_back_off(settings):
    """django-otp's back-off between codes has its own test; here codes follow each other."""
    settings.OTP_TOTP_THROTTLE_FACTOR = 0


def later(minutes):
    return time_machine.travel(timezone.now() + datetime.timedelta(minutes=minutes), tick=True)


def assert_locked_out(response):
    assert response.status_code == 429
    html = response.content.decode()
    assert '<h1 class="govuk-heading-l">Too many attempts to sign in</h1>' in html
    assert "wrong 5 times in a row" in html
    assert "Try again in 15 minutes." in html
    assert "Trying before then starts the wait again." in html
    assert f'<a class="govuk-link" href="{reverse("password_reset")}">reset your password</a>' in html


def test_five_wrong_passwords_lock_out_even_the_right_one(client, member, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        response = password_step(client, "mo.member", password="wrong-password")
        assert response.status_code == 200
        assert "Please enter a correct username and password" in response.content.decode()

    assert_locked_out(password_step(client, "mo.member", password="wrong-password"))
    assert_locked_out(password_step(client, "mo.member", password=PASSWORD))
    assert "_auth_user_id" not in client.session


def test_the_lockout_passes_after_the_cool_off(client, member, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        password_step(client, "mo.member", password="wrong-password")

    with later(16):
        response = password_step(client, "mo.member", password=PASSWORD)

    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(member.pk)


def test_trying_during_the_lockout_starts_the_wait_again(client, member, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        password_step(client, "mo.member", password="wrong-password")

    with later(10):
        assert_locked_out(password_step(client, "mo.member", password=PASSWORD))
    with later(16):
        assert_locked_out(password_step(client, "mo.member", password=PASSWORD))
    with later(16 + 16):
        assert password_step(client, "mo.member", password=PASSWORD).status_code == 302


def test_another_username_from_the_same_address_is_not_locked_out(client, member, secretariat, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        password_step(client, "mo.member", password="wrong-password")

    response = password_step(client, "sam.secretariat")

    assert response.url == HOME


def test_wrong_codes_count_with_wrong_passwords(client, member):
    device = app_for(member)
    for _ in range(3):
        password_step(client, "mo.member", password="wrong-password")
    password_step(client, "mo.member")

    assert client.post(VERIFY, {"code": wrong_code(device)}).status_code == 400
    response = client.post(VERIFY, {"code": wrong_code(device)})

    assert_locked_out(response)
    assert "_auth_user_id" not in client.session
    # The half-finished sign-in ended: even the right code now goes back to signing in.
    assert client.post(VERIFY, {"code": code_now(device)}).url == LOGIN
    assert_locked_out(password_step(client, "mo.member"))


def test_five_wrong_codes_lock_out(client, member):
    device = app_for(member)
    password_step(client, "mo.member")
    for _ in range(4):
        assert client.post(VERIFY, {"code": wrong_code(device)}).status_code == 400

    assert_locked_out(client.post(VERIFY, {"code": wrong_code(device)}))
    assert_locked_out(password_step(client, "mo.member"))


def test_wrong_codes_sign_out_a_session_that_had_not_given_one(client, chair, settings):
    settings.TWO_FACTOR_REQUIRED = True
    device = app_for(chair)
    signed_in(client, chair)
    for _ in range(4):
        client.post(VERIFY, {"code": wrong_code(device)})

    assert_locked_out(client.post(VERIFY, {"code": wrong_code(device)}))
    assert "_auth_user_id" not in client.session


def test_the_code_page_of_a_locked_out_person_is_the_lockout_page(client, member, settings):
    app_for(member)
    password_step(client, "mo.member")
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post(LOGIN, {"username": "mo.member", "password": "wrong-password"})
    # A second browser tab still holds the first, half-finished sign-in.
    assert_locked_out(client.get(VERIFY))


def test_the_right_password_and_code_clear_the_count(client, member, settings):
    device = app_for(member)
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        password_step(client, "mo.member", password="wrong-password")
    password_step(client, "mo.member")
    client.post(VERIFY, {"code": code_now(device)})
    client.post(reverse("logout"))

    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        response = password_step(client, "mo.member", password="wrong-password")

    assert response.status_code == 200
