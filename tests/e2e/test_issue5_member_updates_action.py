"""Issue 5, "Done when": a member updates a milestone. Mo Member opens "My actions" from the
service navigation, follows the action they own, posts progress on one of its milestones
marking it done, and sees the progress and the milestone done; axe-core on every page."""

import datetime

import pytest
from playwright.sync_api import expect

from actionplans.models import Milestone, ProgressUpdate
from partnership.models import Member
from tests.actionplans.factories import ActionFactory, ActionPlanFactory, MilestoneFactory, SectionFactory
from tests.e2e.axe import assert_accessible

pytestmark = pytest.mark.e2e

ACTION = "Clarify roles and responsibilities of partners"


@pytest.fixture
def owned_action(warwickshire, member):
    plan = ActionPlanFactory(partnership=warwickshire, title="Ethical framework action plan")
    action = ActionFactory(
        plan=plan,
        section=SectionFactory(plan=plan, code="B", title="Relationships"),
        owner_member=Member.objects.get(person__user=member),
        title=ACTION,
        due=datetime.date(2027, 3, 31),
    )
    MilestoneFactory(action=action, title="Protocol drafted", due=datetime.date(2026, 10, 31))
    MilestoneFactory(action=action, title="Protocol signed", due=datetime.date(2027, 2, 28))
    return action


def test_a_member_posts_progress_and_marks_a_milestone_done(page, live_server, log_in, fill_date, owned_action):
    log_in("mo.member", next_path="/meetings/")
    page.get_by_role("link", name="My actions").click()
    expect(page.get_by_role("heading", name="My actions", level=1)).to_be_visible()
    row = page.get_by_role("row").filter(has_text=ACTION)
    expect(row).to_contain_text("Ethical framework action plan")
    expect(row).to_contain_text("Overdue")  # Protocol drafted, due 31 October
    assert_accessible(page)

    page.get_by_role("link", name=ACTION).click()
    expect(page.get_by_role("heading", name=ACTION, level=1)).to_be_visible()
    assert_accessible(page)

    # A day still to come is refused, and the page says why.
    page.get_by_label("What progress was made").fill("Protocol drafted and agreed by the delivery group.")
    fill_date("Date of the progress", datetime.date(2026, 12, 1))
    page.get_by_role("button", name="Post progress").click()
    expect(page.get_by_role("alert")).to_contain_text("not on a day still to come")
    assert_accessible(page)
    assert not ProgressUpdate.objects.exists()

    fill_date("Date of the progress", datetime.date(2026, 11, 24))
    page.get_by_label("Evidence (optional)").fill("Delivery group minutes, 24 November 2026")
    page.get_by_label("Milestone (optional)").select_option(label="Protocol drafted, due 31 October 2026")
    page.get_by_role("group", name="The milestone's status now").get_by_label("Done").check()
    page.get_by_role("button", name="Post progress").click()

    expect(page.get_by_text("Your progress has been posted.")).to_be_visible()
    milestones = page.get_by_role("table")
    expect(milestones.get_by_role("row").filter(has_text="Protocol drafted")).to_contain_text(
        "Done on 24 November 2026"
    )
    expect(page.get_by_text("Protocol drafted and agreed by the delivery group.")).to_be_visible()
    expect(page.get_by_text("Evidence: Delivery group minutes, 24 November 2026")).to_be_visible()
    assert_accessible(page)

    page.get_by_role("link", name="My actions").first.click()
    expect(page.get_by_role("row").filter(has_text=ACTION)).not_to_contain_text("Overdue")
    assert_accessible(page)
    drafted = Milestone.objects.get(title="Protocol drafted")
    assert (drafted.status, drafted.completed_on) == ("done", datetime.date(2026, 11, 24))
