"""Issue 4, the member's part of the record: before the January meeting, Mo Member declares a
personal interest in an item from the meeting page, with no one else's name to choose, and
then finds it among the meeting's declarations. A member has no attendance page to open."""

import datetime
import re

import pytest
from playwright.sync_api import expect

from meetings import services
from meetings.models import Declaration
from tests.e2e.axe import assert_accessible

pytestmark = pytest.mark.e2e

ITEM = "Night-time economy: funding for street pastors"


@pytest.fixture
def january_meeting(warwickshire, secretariat, chair, member):
    meeting = services.schedule_meeting(
        partnership=warwickshire, title="Board meeting", date=datetime.date(2027, 1, 19), start_time=datetime.time(14)
    )
    services.add_agenda_item(meeting=meeting, title=ITEM, purpose="decision")
    return meeting


def test_a_member_declares_their_own_interest_from_the_meeting_page(page, live_server, log_in, january_meeting):
    meeting_path = january_meeting.get_absolute_url()
    log_in("mo.member", next_path=meeting_path)
    expect(page.get_by_role("heading", level=1)).to_have_text("Board meeting")
    expect(page.get_by_role("link", name="Attendance", exact=True)).to_have_count(0)
    assert_accessible(page)

    page.get_by_role("link", name="Declare an interest in an item").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Declare an interest in an item")
    expect(page.get_by_label("Member declaring the interest")).to_have_count(0)
    assert_accessible(page)

    # Sent without saying what the interest is: the form says so and nothing is kept.
    page.get_by_label("Agenda item").select_option(label=f"5. {ITEM}")
    page.get_by_label("Personal").check()
    page.get_by_role("button", name="Record the interest").click()
    expect(page).to_have_title(re.compile(r"^Error: Declare an interest in an item"))
    expect(page.locator(".govuk-error-summary")).to_contain_text("Say what the interest is")
    assert not Declaration.objects.exists()
    assert_accessible(page)

    page.get_by_label("An organisation of which they are a member").check()
    page.get_by_label("What the interest is").fill("I am a trustee of the Street Pastors charity.")
    page.get_by_role("button", name="Record the interest").click()
    expect(page.locator(".govuk-notification-banner--success")).to_contain_text(
        "Your declaration of interest is recorded."
    )
    expect(page.get_by_role("heading", level=1)).to_have_text("Board meeting")
    assert_accessible(page)

    page.get_by_role("link", name="Declarations of interest").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Declarations of interest")
    declared = page.get_by_role("row", name=re.compile("^Mo Member"))
    expect(declared).to_contain_text("Personal")
    expect(declared).to_contain_text("I am a trustee of the Street Pastors charity.")
    expect(declared).to_contain_text("Takes part")
    expect(page.get_by_role("button", name=re.compile("^Withdraw"))).to_have_count(0)
    assert_accessible(page)

    declaration = Declaration.objects.get()
    assert (declaration.member.person.name, declaration.kind, declaration.category) == (
        "Mo Member",
        "personal",
        "membership",
    )
