"""Issue 4, "Done when", the record's part: after the board meeting of Tuesday 17 November 2026
the secretariat records attendance with a substitute and a guest; the chair records a member's
prejudicial interest in the commissioning item; the secretariat records the vote naming that
member as a voter and is refused, then records it without them and sees it carried. The
server's clock stands at 25 November 2026, so the meeting has taken place; its agenda was
built beforehand."""

import datetime
import re
from zoneinfo import ZoneInfo

import pytest
import time_machine
from playwright.sync_api import expect

from meetings import services
from meetings.models import Attendance, Decision, Declaration, OtherAttendee
from tests.e2e.axe import assert_accessible
from tests.meetings.test_views_record_support import seat_board

pytestmark = pytest.mark.e2e

MEETING_DAY = datetime.date(2026, 11, 17)
ITEM = "Commissioning of treatment services"
WITHDRAWN = "Fay Fireman"


@pytest.fixture
def held_meeting(warwickshire, secretariat, chair, member):
    """Eight members (Carol Chair, Mo Member and six more) and the meeting's agenda, built the
    week before it took place."""
    seat_board(warwickshire)
    with time_machine.travel(datetime.datetime(2026, 11, 9, 10, tzinfo=ZoneInfo("Europe/London")), tick=False):
        meeting = services.schedule_meeting(
            partnership=warwickshire, title="Board meeting", date=MEETING_DAY, start_time=datetime.time(14)
        )
        services.add_agenda_item(meeting=meeting, title=ITEM, purpose="decision")
    return meeting


@pytest.fixture
def sign_out(page):
    def sign_out():
        page.get_by_role("button", name=re.compile(r"^Sign out")).click()

    return sign_out


def success(page):
    return page.locator(".govuk-notification-banner--success")


def seat(page, name):
    """The attendance question for one member, a group named after them and their body."""
    return page.get_by_role("group", name=re.compile(f"^{re.escape(name)},"))


def test_the_record_of_a_meeting_from_attendance_to_a_carried_vote(
    page, live_server, log_in, sign_out, held_meeting, warwickshire
):
    meeting = held_meeting
    meeting_path = meeting.get_absolute_url()

    # The secretariat records who attended: one apology, one member represented by a substitute.
    log_in("sam.secretariat", next_path=meeting_path)
    expect(page.get_by_role("heading", name="Record of the meeting")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("link", name="Attendance", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Attendance")
    expect(page.get_by_role("main")).to_contain_text("Carol Chair, the chair.")
    assert_accessible(page)
    for name in ("Carol Chair", "Mo Member", "Fay Fireman", "Vic Voluntary", "Yusuf Youth", "Cora Courts"):
        seat(page, name).get_by_label("Present", exact=True).check()
    seat(page, "Hari Health").get_by_label("Apologies").check()
    seat(page, "Pat Probation").get_by_label("Represented by a named substitute").check()
    page.get_by_role("button", name="Save attendance").click()
    # Without the substitute's name, nothing is saved and the refusal stands against that seat.
    expect(page).to_have_title(re.compile(r"^Error: Attendance"))
    expect(page.locator(".govuk-error-summary")).to_contain_text(
        "Name the substitute who attended in the member's place (ToR 3.2)."
    )
    assert not Attendance.objects.exists()
    assert_accessible(page)
    substitute = page.get_by_label("Substitute who attended for Pat Probation, if one did")
    expect(substitute).to_have_accessible_description(re.compile("Registered substitute: Deputy for Pat Probation."))
    substitute.fill("Deputy for Pat Probation")
    page.get_by_role("button", name="Save attendance").click()
    expect(success(page)).to_contain_text("Attendance saved for 8 members.")
    expect(page.get_by_role("main")).to_contain_text(
        "7 members present or represented by a named substitute; the quorum is 5."
    )
    expect(page.get_by_label("Substitute who attended for Pat Probation, if one did")).to_have_value(
        "Deputy for Pat Probation"
    )
    assert_accessible(page)

    # A guest, with the chair's agreement.
    page.get_by_role("button", name="Add someone else who attended").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Add someone else who attended")
    assert_accessible(page)
    page.get_by_label("Name", exact=True).fill("Gus Guest")
    page.get_by_label("Organisation (optional)").fill("Warwick University")
    page.get_by_label("Guest, with the chair's agreement (ToR 4.4)").check()
    page.get_by_role("button", name="Add to the record").click()
    expect(success(page)).to_contain_text("Added to those attending.")
    expect(page.get_by_role("row", name=re.compile("^Gus Guest"))).to_contain_text("Warwick University")
    assert_accessible(page)
    sign_out()

    # The chair records Fay Fireman's prejudicial interest in the commissioning item.
    log_in("carol.chair", next_path=meeting_path)
    page.get_by_role("link", name="Declarations of interest").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Declarations of interest")
    assert_accessible(page)
    page.get_by_role("button", name="Record a declaration").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Record a declaration of interest")
    page.get_by_label("Member declaring the interest").select_option(label="Fay Fireman, Fire Authority")
    page.get_by_label("Agenda item").select_option(label=f"5. {ITEM}")
    page.get_by_label("Prejudicial").check()
    page.get_by_label("An organisation they control or manage").check()
    page.get_by_label("What the interest is").fill("I chair the trustees of Compass, which bid for the contract.")
    assert_accessible(page)
    page.get_by_role("button", name="Record the interest").click()
    expect(success(page)).to_contain_text("Declaration recorded.")
    declared = page.get_by_role("row", name=re.compile(f"^{WITHDRAWN}"))
    expect(declared).to_contain_text("Prejudicial")
    expect(declared).to_contain_text("Withdrew, taking no part in the decision")
    expect(page.get_by_role("main")).to_contain_text(
        "6 members remained once 1 with a prejudicial interest withdrew; the quorum is 5."
    )
    assert_accessible(page)
    sign_out()

    # The secretariat records the vote, naming Fay Fireman among the voters: refused.
    log_in("sam.secretariat", next_path=meeting_path)
    page.get_by_role("link", name="Decisions", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Decisions")
    assert_accessible(page)
    page.get_by_role("link", name=f"Record a decision on item 5, {ITEM}").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Record a decision on item 5: {ITEM}")
    page.get_by_label("What was decided").fill("Award the treatment services contract to Compass.")
    page.get_by_label("By a vote").check()
    page.get_by_label("For", exact=True).fill("5")
    page.get_by_label("Against", exact=True).fill("2")
    page.get_by_label("Abstentions").fill("0")
    voters = page.get_by_role("group", name="Who voted, if it was a vote (optional)")
    expect(voters).to_contain_text("Declared a prejudicial interest in this item.")
    for name in ("Carol Chair", "Mo Member", WITHDRAWN, "Pat Probation", "Vic Voluntary", "Yusuf Youth", "Cora Courts"):
        voters.get_by_label(f"{name},").check()
    assert_accessible(page)
    page.get_by_role("button", name="Save the decision").click()
    expect(page).to_have_title(re.compile(r"^Error: Record a decision"))
    expect(page.locator(".govuk-error-summary")).to_contain_text(
        f"{WITHDRAWN} declared a prejudicial interest in this item and takes no part in the decision (ToR 7)"
    )
    assert not Decision.objects.exists()
    assert_accessible(page)

    # Without her, four to two: carried.
    expect(page.get_by_label("By a vote")).to_be_checked()
    page.get_by_role("group", name="Who voted, if it was a vote (optional)").get_by_label(f"{WITHDRAWN},").uncheck()
    page.get_by_label("For", exact=True).fill("4")
    page.get_by_role("button", name="Save the decision").click()
    expect(success(page)).to_contain_text("Decision recorded.")
    decision_card = page.locator("#decision-1")
    expect(decision_card).to_contain_text("By a vote: 4 for, 2 against, 0 abstentions")
    expect(decision_card).to_contain_text("Carried")
    expect(decision_card).not_to_contain_text(WITHDRAWN)
    assert_accessible(page)
    decision_card.get_by_role("link", name="Correct decision 1").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Correct decision 1 on item 5: {ITEM}")
    expect(page.get_by_label("For", exact=True)).to_have_value("4")
    assert_accessible(page)
    page.get_by_role("link", name="Back to the decisions").click()

    # The meeting page sums it up.
    page.get_by_role("link", name="Back to the meeting").click()
    expect(page.locator("#record-quorum")).to_contain_text("Quorate")
    assert_accessible(page)

    statuses = dict(Attendance.objects.filter(meeting=meeting).values_list("member__person__name", "status"))
    assert statuses["Pat Probation"] == "substitute"
    assert statuses["Hari Health"] == "apologies"
    assert OtherAttendee.objects.get().name == "Gus Guest"
    assert Declaration.objects.get().member.person.name == WITHDRAWN
    decision = Decision.objects.get()
    assert decision.outcome == "carried"
    assert WITHDRAWN not in {voter.person.name for voter in decision.voters.all()}
