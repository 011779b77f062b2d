"""Issue 8: signing in is protected against guessing, and two-factor authentication.

A chair, who must use two-factor authentication where it is required, signs in, is sent to set
up an authenticator app, types the key the page writes out into it (here: computes the code from
it), and lands on their home; signing in again asks for the code, refuses a wrong one, and lets
the right one in. A member sets it up and turns it off. Five wrong passwords show the lockout
page. axe-core checks every page on the way."""

import base64

import pytest
from django_otp.oath import TOTP
from playwright.sync_api import expect

from tests.e2e.axe import assert_accessible

pytestmark = pytest.mark.e2e

CODE_LABEL = "Code from your authenticator app"


def code_from(key: bytes, *, steps_ahead: int = 0) -> str:
    """What the app shows now; `steps_ahead=1` is the code it shows next (accepted, and never the
    one just used, which is refused a second time)."""
    totp = TOTP(key)
    totp.drift = steps_ahead
    return f"{totp.token():06d}"


def sign_in(page, live_server, username):
    page.goto(f"{live_server.url}/accounts/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill("correct-horse-battery-staple")
    page.get_by_role("button", name="Sign in").click()


def sign_out(page):
    page.get_by_role("button", name="Sign out").click()


def test_chair_sets_up_two_factor_then_signs_in_with_a_code(page, live_server, chair, settings):
    settings.TWO_FACTOR_REQUIRED = True
    settings.OTP_TOTP_THROTTLE_FACTOR = 0  # django-otp's pause after a wrong code is tested elsewhere

    sign_in(page, live_server, "carol.chair")

    expect(page).to_have_url(f"{live_server.url}/accounts/two-factor/set-up/?next=%2Fhome%2F")
    expect(page.get_by_role("heading", level=1)).to_have_text("Set up two-factor authentication")
    expect(page.get_by_role("img", name="QR code that adds this service to an authenticator app")).to_be_visible()
    assert_accessible(page)
    key = base64.b32decode(page.locator("#setup-key").inner_text().replace(" ", ""))

    page.get_by_label(CODE_LABEL).fill("000000" if code_from(key) != "000000" else "111111")
    page.get_by_role("button", name="Turn on two-factor authentication").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("The code is not right")
    assert_accessible(page)
    used_at_set_up = code_from(key)
    page.get_by_label(CODE_LABEL).fill(used_at_set_up)
    page.get_by_role("button", name="Turn on two-factor authentication").click()

    expect(page).to_have_url(f"{live_server.url}/home/")
    expect(page.locator(".govuk-notification-banner")).to_contain_text("Two-factor authentication is set up")
    assert_accessible(page)

    sign_out(page)
    sign_in(page, live_server, "carol.chair")

    expect(page).to_have_url(f"{live_server.url}/accounts/two-factor/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Enter the code from your authenticator app")
    assert_accessible(page)
    page.get_by_label(CODE_LABEL).fill(used_at_set_up)  # a code works once
    page.get_by_role("button", name="Continue").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("The code is not right, or has been used already")
    expect(page).to_have_title("Error: Enter the code from your authenticator app – Partnership governance")
    assert_accessible(page)

    page.get_by_label(CODE_LABEL).fill(code_from(key, steps_ahead=1))
    page.get_by_role("button", name="Continue").click()

    expect(page).to_have_url(f"{live_server.url}/home/")
    expect(page.get_by_role("button", name="Sign out")).to_be_visible()


def test_member_sets_up_two_factor_and_turns_it_off(page, live_server, member):
    sign_in(page, live_server, "mo.member")
    page.goto(f"{live_server.url}/accounts/two-factor/set-up/")
    expect(page.get_by_role("link", name="Back to your account")).to_be_visible()
    key = base64.b32decode(page.locator("#setup-key").inner_text().replace(" ", ""))
    page.get_by_label(CODE_LABEL).fill(code_from(key))
    page.get_by_role("button", name="Turn on two-factor authentication").click()

    page.goto(f"{live_server.url}/accounts/two-factor/remove/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Turn off two-factor authentication")
    assert_accessible(page)
    page.get_by_label(CODE_LABEL).fill(code_from(key, steps_ahead=1))
    page.get_by_role("button", name="Turn off two-factor authentication").click()

    expect(page).to_have_url(f"{live_server.url}/accounts/security/")
    expect(page.locator(".govuk-notification-banner")).to_contain_text("Two-factor authentication is turned off")


def test_chair_is_told_two_factor_cannot_be_turned_off(page, live_server, chair, settings):
    settings.TWO_FACTOR_REQUIRED = True
    sign_in(page, live_server, "carol.chair")
    key = base64.b32decode(page.locator("#setup-key").inner_text().replace(" ", ""))
    page.get_by_label(CODE_LABEL).fill(code_from(key))
    page.get_by_role("button", name="Turn on two-factor authentication").click()
    expect(page).to_have_url(f"{live_server.url}/home/")

    page.goto(f"{live_server.url}/accounts/two-factor/remove/")

    expect(page.get_by_role("heading", level=1)).to_have_text("You cannot turn off two-factor authentication")
    expect(page.get_by_label(CODE_LABEL)).to_have_count(0)
    assert_accessible(page)


def test_five_wrong_passwords_show_the_lockout_page(page, live_server, member):
    page.goto(f"{live_server.url}/accounts/login/")
    expect(page.get_by_role("link", name="Forgotten your password?")).to_be_visible()
    for attempt in range(5):
        page.get_by_label("Username").fill("mo.member")
        page.get_by_label("Password").fill(f"wrong-password-{attempt}")
        page.get_by_role("button", name="Sign in").click()
        if attempt < 4:
            expect(page.locator(".govuk-error-summary")).to_contain_text("Please enter a correct username and password")

    expect(page.get_by_role("heading", level=1)).to_have_text("Too many attempts to sign in")
    expect(page.get_by_role("main")).to_contain_text("Try again in 15 minutes.")
    expect(page.get_by_role("link", name="reset your password")).to_have_attribute("href", "/accounts/password-reset/")
    assert_accessible(page)
