"""The secretariat creates a plan, adds a section and an action to it, gives the action a
milestone, and reads the plan with its colour; axe on each page."""

import pytest
from playwright.sync_api import expect

from tests.e2e.axe import assert_accessible

pytestmark = pytest.mark.e2e


def test_the_secretariat_builds_a_plan_by_hand(page, live_server, log_in, secretariat, warwickshire):
    log_in("sam.secretariat", next_path="/partnerships/warwickshire-scp/plans/")
    page.get_by_role("button", name="Create a plan").click()
    assert_accessible(page)
    page.get_by_label("Title").fill("Partnership plan 2027")
    page.get_by_role("button", name="Create the plan").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Partnership plan 2027")

    page.get_by_role("button", name="Add a section").click()
    assert_accessible(page)
    page.get_by_label("Letter or number (optional)").fill("B")
    page.get_by_label("Title").fill("Relationships")
    page.get_by_role("button", name="Add the section").click()
    expect(page.get_by_role("heading", name="B. Relationships")).to_be_visible()

    page.get_by_role("button", name="Add an action").click()
    assert_accessible(page)
    page.get_by_label("Section (optional)").select_option(label="B. Relationships")
    page.get_by_label("Improvement needed, or the issue").fill("Clarify roles and responsibilities of partners")
    page.get_by_label("By when (optional)").fill("April 2027")
    page.get_by_role("button", name="Add the action").click()
    expect(page.locator(".govuk-notification-banner--success")).to_contain_text("Action added.")
    expect(page.get_by_text("30 April 2027")).to_be_visible()

    page.get_by_role("link", name="Add a milestone").click()
    assert_accessible(page)
    page.get_by_label("Title").fill("Protocol drafted")
    page.get_by_label("At risk").check()
    page.get_by_role("button", name="Add the milestone").click()
    expect(page.locator("strong.govuk-tag", has_text="At risk")).to_be_visible()
    expect(page.locator("p", has_text="Overall:").locator(".govuk-tag")).to_have_text("Amber")
    assert_accessible(page)

    page.get_by_role("link", name="Back to the action plans").click()
    expect(page.get_by_role("row").filter(has_text="Partnership plan 2027")).to_contain_text("Amber")
    assert_accessible(page)
