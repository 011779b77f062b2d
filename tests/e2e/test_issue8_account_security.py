"""Issue 8 in Chromium: a member reviews their sessions, ends the others and changes their
password; someone who forgot theirs resets it from the emailed link; staff read the audit log.
axe on every page."""

import re

import pytest
from django.core import mail
from django.test import Client
from playwright.sync_api import expect

from partnership.models import AuditEvent, AuditKind, UserSession
from tests.e2e.axe import assert_accessible
from tests.factories import PASSWORD
from tests.helpers import sign_in_through_form

pytestmark = pytest.mark.e2e

NEW = "a-long-and-uncommon-passphrase"
PHONE = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 Version/17.0 Safari/604.1"


def test_member_ends_other_sessions_and_changes_password(page, live_server, log_in, member):
    phone = Client(HTTP_USER_AGENT=PHONE)
    sign_in_through_form(phone, "mo.member", PASSWORD)
    log_in("mo.member", next_path="/home/")

    page.get_by_role("link", name="Your account").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Your account")
    expect(page.locator("#two-factor-status")).to_contain_text("Off")
    expect(page.locator("#session-count")).to_contain_text("2 sessions")
    assert_accessible(page)

    page.get_by_role("link", name="See and end your sessions").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Where you are signed in")
    sessions = page.get_by_role("table")
    expect(sessions).to_contain_text("Safari on iOS")
    expect(sessions).to_contain_text("This session")
    assert_accessible(page)

    page.get_by_role("button", name="Sign out of all other sessions").click()
    expect(page.locator(".govuk-notification-banner--success")).to_contain_text("You ended 1 other session.")
    expect(page.locator("#only-session")).to_have_text("You are signed in nowhere else.")
    assert_accessible(page)
    assert "_auth_user_id" not in phone.session

    page.get_by_role("link", name="Back to your account").click()
    page.get_by_role("link", name="Change your password").click()
    page.get_by_label("Your current password").fill(PASSWORD)
    page.get_by_label("New password", exact=True).fill("too-short")
    page.get_by_label("Confirm the new password").fill("too-short")
    page.get_by_role("button", name="Change password").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("This password is too short.")
    assert_accessible(page)

    page.get_by_label("Your current password").fill(PASSWORD)
    page.get_by_label("New password", exact=True).fill(NEW)
    page.get_by_label("Confirm the new password").fill(NEW)
    page.get_by_role("button", name="Change password").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Your password has been changed")
    assert_accessible(page)
    member.refresh_from_db()
    assert member.check_password(NEW)
    assert AuditEvent.objects.filter(kind=AuditKind.PASSWORD_CHANGED, user=member).exists()


def test_a_forgotten_password_is_reset_from_the_emailed_link(page, live_server, log_in, member):
    page.goto(f"{live_server.url}/accounts/login/")
    page.get_by_role("link", name="Forgotten your password?").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Reset your password")
    assert_accessible(page)

    page.get_by_role("button", name="Send the link").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Enter your email address")
    assert_accessible(page)

    page.get_by_label("Email address").fill("mo.member@example.org")
    page.get_by_role("button", name="Send the link").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Check your email")
    assert_accessible(page)

    (message,) = mail.outbox
    path = re.search(r"https?://\S+?(/accounts/password-reset/\S+/)", message.body).group(1)
    page.goto(f"{live_server.url}{path}")
    expect(page.get_by_role("heading", level=1)).to_have_text("Choose a new password")
    assert_accessible(page)
    page.get_by_label("New password", exact=True).fill(NEW)
    page.get_by_label("Confirm the new password").fill(NEW)
    page.get_by_role("button", name="Reset password").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Your password has been reset")
    assert_accessible(page)

    page.goto(f"{live_server.url}{path}")
    expect(page.get_by_role("heading", level=1)).to_have_text("This link no longer works")
    assert_accessible(page)

    log_in("mo.member", password=NEW, next_path="/home/")
    expect(page.get_by_role("link", name="Your account")).to_be_visible()
    assert UserSession.objects.filter(user=member).count() == 1


def test_staff_read_the_audit_log(page, live_server, log_in, staff, member):
    sign_in_through_form(Client(), "mo.member", "a-wrong-guess")
    log_in("stella.staff", next_path="/audit/")

    expect(page.get_by_role("heading", level=1)).to_have_text("Audit log")
    log = page.get_by_role("table")
    expect(log).to_contain_text("Failed sign-in")
    expect(log).to_contain_text("Signed in")
    assert_accessible(page)

    page.get_by_label("What happened").select_option(label="Failed sign-in")
    page.get_by_role("button", name="Show").click()
    expect(page.locator("#results")).to_have_text("1 event: failed sign-in")
    expect(page.get_by_role("table")).to_contain_text("mo.member")
    assert_accessible(page)
