"""Issue 8: the Content-Security-Policy (scripts and styles from this site only, nothing inline)
breaks nothing a person does. Chromium walks the demo as the public, a member and the
secretariat, through the pages whose JavaScript does something (GOV.UK Frontend's components,
the scrolling table regions, the minutes editor's toolbar), and the browser reports no
`securitypolicyviolation` event and logs no CSP error. axe-core still runs on each page: it is
injected by Playwright, which the policy does not cover, and it trips no violation either."""

import re

import pytest
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import expect

from governance.selectors import documents_awaiting
from governance.services import acknowledge_conduct_documents
from meetings import services
from meetings.models import Meeting, MinuteItem
from partnership.models import User
from tests.e2e.axe import assert_accessible

pytestmark = pytest.mark.e2e

PASSWORD = "partnership-demo-2026"
SLUG = "warwickshire-scp"
# Registered before any script of the page runs (Playwright's init scripts are not subject to the
# page's policy): every violation the browser reports is kept for the test to read.
LISTEN = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  const where = `${event.sourceFile}:${event.lineNumber}`;
  window.__cspViolations.push(`${event.violatedDirective} blocked ${event.blockedURI || "inline"} in ${where}`);
});
"""


@pytest.fixture
def violations(page):
    """What the policy blocked on the page in front of the browser, from its events and its console."""
    logged: list[str] = []
    page.add_init_script(LISTEN)
    page.on(
        "console",
        lambda message: (
            logged.append(message.text)
            if "Content Security Policy" in message.text or "Refused to" in message.text
            else None
        ),
    )
    page.on("pageerror", lambda error: logged.append(f"page error: {error}"))

    def violations() -> list[str]:
        page.wait_for_load_state("load")
        return logged + page.evaluate("() => window.__cspViolations || []")

    return violations


@pytest.fixture
def codes_acknowledged(demo):
    for user in User.objects.filter(username__in=["member", "chair", "secretariat"]).select_related("person"):
        person = getattr(user, "person", None)
        if person is not None:
            acknowledge_conduct_documents(
                person=person, documents=list(documents_awaiting(person, timezone.localdate()))
            )


def visit(page, live_server, path, violations, *, axe=True):
    page.goto(f"{live_server.url}{path}")
    # The site's own module ran: it marks the page for GOV.UK Frontend's components.
    expect(page.locator("body")).to_have_class(re.compile(r"\bgovuk-frontend-supported\b"))
    assert violations() == [], path
    if axe:
        assert_accessible(page)
        assert violations() == [], f"{path}, after axe"


def test_the_policy_blocks_what_it_should(page, live_server, demo, violations):
    """The listener hears a real violation: an inline script added to the page is refused."""
    page.goto(f"{live_server.url}/")
    page.evaluate(
        """() => { const s = document.createElement("script"); s.textContent = "window.ran = true";
        document.body.append(s); }"""
    )
    page.wait_for_function("() => window.__cspViolations.length > 0")
    assert page.evaluate("() => window.ran === true") is False
    assert any("script-src" in violation for violation in violations())


def test_public_pages_run_under_the_policy(page, live_server, demo, violations):
    meeting = Meeting.objects.filter(partnership__slug=SLUG, is_public=True).order_by("date").first()
    for path in ("/", f"/p/{SLUG}/", f"/p/{SLUG}/members/", f"/p/{SLUG}/meetings/", "/accessibility/"):
        visit(page, live_server, path, violations)
    visit(page, live_server, reverse("public_meetings:meeting", kwargs={"slug": SLUG, "pk": meeting.pk}), violations)
    # Sign-in errors: GOV.UK's error summary takes focus by its script.
    page.goto(f"{live_server.url}/accounts/login/")
    page.get_by_role("button", name="Sign in").click()
    expect(page.locator(".govuk-error-summary")).to_be_focused()
    assert violations() == []


def test_a_members_pages_run_under_the_policy(page, live_server, codes_acknowledged, log_in, violations):
    log_in("member", password=PASSWORD, next_path="/home/")
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    assert violations() == []
    meeting = Meeting.objects.filter(partnership__slug=SLUG).order_by("-date").first()
    for path in (
        "/home/",
        reverse("my_meetings:list"),
        reverse("meetings:meeting", kwargs={"slug": SLUG, "pk": meeting.pk}),
        f"/partnerships/{SLUG}/",
    ):
        visit(page, live_server, path, violations)


def test_the_secretariat_and_the_minutes_editor_run_under_the_policy(
    page, live_server, codes_acknowledged, log_in, violations
):
    meeting = (
        Meeting.objects.filter(partnership__slug=SLUG, minutes__isnull=True, date__lte=timezone.localdate())
        .order_by("-date")
        .first()
    )
    services.start_minutes(meeting=meeting)
    minute = MinuteItem.objects.filter(minutes__meeting=meeting).order_by("agenda_item__position").first()
    log_in("secretariat", password=PASSWORD, next_path=f"/partnerships/{SLUG}/meetings/")
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    assert violations() == []
    visit(page, live_server, reverse("meetings:meeting", kwargs={"slug": SLUG, "pk": meeting.pk}), violations)
    # A form sent empty: the error summary is focused by its script.
    visit(page, live_server, reverse("meetings:meeting-add", kwargs={"slug": SLUG}), violations, axe=False)
    page.get_by_role("button", name="Schedule the meeting").click()
    expect(page.locator(".govuk-error-summary")).to_be_focused()
    assert violations() == []

    write = reverse("minutes:write", kwargs={"slug": SLUG, "pk": meeting.pk, "item_pk": minute.agenda_item_id})
    visit(page, live_server, write, violations)
    editor = page.get_by_role("textbox", name="What was discussed")
    editor.click()
    page.keyboard.press("Control+End")
    toolbar = page.get_by_role("toolbar")
    page.keyboard.press("Enter")
    toolbar.get_by_role("button", name="Bold").click()
    page.keyboard.type("Agreed under the policy.")
    toolbar.get_by_role("button", name="Bold").click()
    page.keyboard.press("Enter")
    toolbar.get_by_role("button", name="Bulleted list").click()
    page.keyboard.type("Police to lead")
    assert violations() == []
    page.get_by_role("button", name="Save the minute").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("saved")
    expect(page.locator("strong", has_text="Agreed under the policy.")).to_be_visible()
    assert violations() == []
    assert_accessible(page)
    assert violations() == []
