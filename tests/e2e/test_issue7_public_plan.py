"""Issue 7: the secretariat publishes the partnership plan's summary from the plan's page, then
an anonymous visitor finds it on the partnership's public plan page and reads it, progress in
words beside the colours, and nothing private of the actions; axe on each page."""

import datetime

import pytest
from playwright.sync_api import expect

from tests.actionplans.factories import ActionFactory, ActionPlanFactory, MilestoneFactory, SectionFactory
from tests.e2e.axe import assert_accessible

pytestmark = pytest.mark.e2e

TODAY = datetime.date(2026, 11, 25)


@pytest.fixture
def plan(warwickshire):
    plan = ActionPlanFactory(
        partnership=warwickshire,
        title="Partnership plan 2026-27",
        description="How the partnership meets the Six Hallmarks of Effective Practice this year.",
        starts_on=datetime.date(2026, 4, 1),
        ends_on=datetime.date(2027, 3, 31),
    )
    leadership = SectionFactory(plan=plan, position=1, code="A", title="Empowered and effective leadership")
    action = ActionFactory(
        plan=plan,
        section=leadership,
        reference="A1",
        title="Agree the partnership's priorities",
        evaluation="Board members were unsure of the priorities",
    )
    MilestoneFactory(action=action, title="Strategic assessment shared", due=TODAY - datetime.timedelta(days=10))
    return plan


def test_the_secretariat_publishes_the_plan_and_the_public_reads_it(page, live_server, log_in, secretariat, plan):
    log_in("sam.secretariat", next_path=f"/partnerships/warwickshire-scp/plans/{plan.pk}/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Partnership plan 2026-27")
    expect(page.locator("#publication")).to_contain_text("Not published")
    assert_accessible(page)

    page.get_by_role("button", name="Publish the summary").click()
    expect(page.locator(".govuk-notification-banner--success")).to_contain_text(
        "The summary of “Partnership plan 2026-27” is published"
    )
    expect(page.get_by_role("button", name="Withdraw the public summary")).to_be_visible()
    assert_accessible(page)

    page.get_by_role("button", name="Sign out").click()
    page.goto(f"{live_server.url}/p/warwickshire-scp/plan/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Partnership plan")
    row = page.get_by_role("row").filter(has_text="Partnership plan 2026-27")
    expect(row).to_contain_text("1 April 2026 to 31 March 2027")
    expect(row).to_contain_text("Off track")
    assert_accessible(page)

    row.get_by_role("link", name="Partnership plan 2026-27").click()
    expect(page).to_have_url(f"{live_server.url}/p/warwickshire-scp/plan/{plan.pk}/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Partnership plan 2026-27")
    expect(page.get_by_role("heading", level=2, name="A. Empowered and effective leadership")).to_be_visible()
    actions = page.get_by_role("table", name="Actions in A. Empowered and effective leadership")
    expect(actions.get_by_role("row").filter(has_text="Agree the partnership's priorities")).to_contain_text(
        "Off track"
    )
    expect(page.get_by_text("0 of 1 completed, 1 overdue")).to_be_visible()
    expect(page.get_by_text("Board members were unsure")).to_have_count(0)
    expect(page.get_by_role("link", name="Sign in")).to_be_visible()
    assert_accessible(page)
