"""Issue 5, actions from a meeting decision: the secretariat adds an action arising from a
decision on the meeting's record, on the partnership's action plan, owned by Mo Member; Mo
Member then opens the next meeting's agenda and finds it under Matters arising, with the
decision it came from. axe-core on every page."""

import datetime
import re
from zoneinfo import ZoneInfo

import pytest
import time_machine
from playwright.sync_api import expect

from actionplans.models import Action
from meetings import services
from tests.actionplans.factories import ActionPlanFactory
from tests.e2e.axe import assert_accessible
from tests.meetings.test_views_record_support import all_present, seat_board

pytestmark = pytest.mark.e2e

MEETING_DAY = datetime.date(2026, 11, 17)
ITEM = "Information sharing between partners"
DECISION = "Agree an information-sharing protocol between the partners."
ACTION = "Draft the information-sharing protocol"
PLAN = "Partnership action plan 2026 to 2029"


@pytest.fixture
def decided(warwickshire, secretariat, chair, member):
    """The November meeting, built the week before and held with six present, decided to agree
    a protocol; the December meeting is in the diary."""
    board = seat_board(warwickshire)
    with time_machine.travel(datetime.datetime(2026, 11, 9, 10, tzinfo=ZoneInfo("Europe/London")), tick=False):
        meeting = services.schedule_meeting(
            partnership=warwickshire, title="Board meeting", date=MEETING_DAY, start_time=datetime.time(14)
        )
        item = services.add_agenda_item(meeting=meeting, title=ITEM, purpose="decision")
    all_present(meeting, board)
    services.record_decision(agenda_item=item, text=DECISION)
    ActionPlanFactory(partnership=warwickshire, title=PLAN)
    upcoming = services.schedule_meeting(
        partnership=warwickshire, title="Board meeting", date=datetime.date(2026, 12, 15), start_time=datetime.time(14)
    )
    return meeting, upcoming


def test_an_action_arising_is_carried_to_the_next_agenda(page, live_server, log_in, fill_date, decided):
    meeting, upcoming = decided
    log_in("sam.secretariat", next_path=f"{meeting.get_absolute_url()}decisions/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Decisions")
    assert_accessible(page)

    page.get_by_role("link", name="Add an action arising from decision 1").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Add an action arising from decision 1")
    expect(page.get_by_label("The action")).to_have_value(DECISION)
    assert_accessible(page)

    # Sent without a plan: the form says so and nothing is kept.
    page.get_by_role("button", name="Add the action").click()
    expect(page).to_have_title(re.compile(r"^Error: Add an action arising"))
    expect(page.locator(".govuk-error-summary")).to_contain_text("Choose the action plan")
    assert not Action.objects.exists()
    assert_accessible(page)

    page.get_by_label("Action plan").select_option(label=PLAN)
    page.get_by_label("The action").fill(ACTION)
    page.get_by_label("Owner on the board (optional)").select_option(label="Mo Member, The Police Service")
    fill_date("Due by (optional)", datetime.date(2027, 1, 31))
    page.get_by_role("button", name="Add the action").click()
    expect(page.locator(".govuk-notification-banner--success")).to_contain_text(
        "Action added to the plan, arising from decision 1."
    )
    expect(page.get_by_role("heading", level=1)).to_have_text("Decisions")
    expect(page.locator("#decision-1")).to_contain_text(ACTION)
    expect(page.locator("#decision-1")).to_contain_text("Owner: Mo Member")
    assert_accessible(page)
    page.get_by_role("button", name=re.compile(r"^Sign out")).click()

    log_in("mo.member", next_path=upcoming.get_absolute_url())
    expect(page.get_by_role("heading", level=1)).to_have_text("Board meeting")
    page.get_by_role("link", name=re.compile(r"^Actions still open from earlier decisions")).click()
    matters = page.get_by_role("table", name=re.compile("Actions still open from earlier decisions"))
    row = matters.get_by_role("row").filter(has_text=ACTION)
    expect(row).to_contain_text("1, 17 Nov 2026")
    expect(row).to_contain_text("Mo Member")
    expect(row).to_contain_text("31 Jan 2027")
    expect(row).to_contain_text("No milestones yet")
    assert_accessible(page)

    row.get_by_role("link", name=ACTION).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(PLAN)
    assert_accessible(page)
