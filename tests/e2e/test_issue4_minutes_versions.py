"""Issue 4, the minutes' versions: approved minutes are corrected only by going back to draft.
The secretariat finds the editor refuses approved minutes, returns them to draft, corrects an
item, and after the chair approves again compares version 1 with version 2 and reads the
history. Circulated minutes sent back to draft stay with the members as they were sent, with a
notice that a corrected version will follow. axe-core runs on every page."""

import datetime
import re
from zoneinfo import ZoneInfo

import pytest
from playwright.sync_api import expect

from meetings import services
from meetings.models import Minutes
from partnership.models import Member
from tests.e2e.axe import assert_accessible
from tests.factories import MemberFactory, NominatingBodyFactory

pytestmark = pytest.mark.e2e

MEETING_DAY = datetime.date(2027, 6, 15)
PLAN = "Partnership plan 2027 to 2030"


@pytest.fixture
def approved_minutes(warwickshire, secretariat, chair, time_machine):
    meeting = services.schedule_meeting(
        partnership=warwickshire, title="Board meeting", date=MEETING_DAY, start_time=datetime.time(14)
    )
    services.add_agenda_item(meeting=meeting, title=PLAN, purpose="decision")
    for n in range(5):
        MemberFactory(nominating_body=NominatingBodyFactory(partnership=warwickshire, name=f"Agency {n}"))
    time_machine.move_to(datetime.datetime(2027, 6, 15, 17, tzinfo=ZoneInfo("Europe/London")), tick=True)
    for seat in Member.objects.filter(partnership=warwickshire):
        services.record_attendance(meeting=meeting, member=seat, status="present")
    minutes = services.start_minutes(meeting=meeting)
    services.write_minute(
        minute=minutes.items.get(agenda_item__title=PLAN), discussion="<p>The board agreed the plan.</p>"
    )
    return services.approve_minutes(minutes=minutes, by=chair)


def success(page):
    return page.locator(".govuk-notification-banner--success")


def test_approved_minutes_are_corrected_through_a_new_version(page, live_server, log_in, approved_minutes, chair):
    meeting = approved_minutes.meeting
    minutes_path = f"{meeting.get_absolute_url()}minutes/"
    item = meeting.agenda_items.get(title=PLAN)
    log_in("sam.secretariat", next_path=minutes_path)
    expect(page.get_by_role("link", name=re.compile("^Write the minute"))).to_have_count(0)

    # The editor, reached directly, refuses to change approved minutes.
    page.goto(f"{live_server.url}{minutes_path}items/{item.pk}/")
    expect(page.get_by_role("main")).to_contain_text("Return them to draft to change them")
    page.get_by_role("textbox", name="What was discussed").click()
    page.keyboard.press("End")
    page.keyboard.type(" Quietly changed.")
    page.get_by_role("button", name="Save the minute").click()
    expect(page).to_have_title(re.compile(r"^Error: "))
    expect(page.locator(".govuk-error-summary")).to_contain_text("The minutes are approved by the chair.")
    assert_accessible(page)
    assert "Quietly" not in approved_minutes.items.get(agenda_item=item).discussion

    # Back to draft, corrected, approved again by the chair.
    page.goto(f"{live_server.url}{minutes_path}")
    page.get_by_role("button", name="Return the minutes to draft").click()
    expect(success(page)).to_contain_text("The minutes are back in draft.")
    page.get_by_role("link", name=f"Write the minute of item 5, {PLAN}").click()
    editor = page.get_by_role("textbox", name="What was discussed")
    editor.click()
    page.keyboard.press("Control+End")
    page.keyboard.press("Enter")
    page.keyboard.type("Police will lead the first year.")
    page.get_by_role("button", name="Save the minute").click()
    expect(success(page)).to_contain_text("Minute of item 5 saved.")
    services.approve_minutes(minutes=Minutes.objects.get(pk=approved_minutes.pk), by=chair)

    # The two versions compared: the added line is marked in words, not colour alone.
    page.get_by_role("link", name="Approved versions, compared").click()
    expect(page.get_by_role("heading", name="Version 1 compared with version 2")).to_be_visible()
    page.get_by_label("Compare", exact=True).select_option(label="Version 2")
    page.get_by_label("With", exact=True).select_option(label="Version 1")
    page.get_by_role("button", name="Compare").click()
    expect(page.get_by_role("heading", name="Version 2 compared with version 1")).to_be_visible()
    removed = page.locator(".app-diff del")
    expect(removed).to_have_text("removed: Police will lead the first year.")
    assert_accessible(page)

    page.get_by_role("link", name="Back to the minutes").click()
    page.get_by_role("link", name="History of changes").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("History of the minutes")
    expect(page.get_by_role("main")).to_contain_text(f"5. {PLAN}")
    assert_accessible(page)


def test_members_keep_the_circulated_minutes_while_they_are_corrected(
    page, live_server, log_in, approved_minutes, member, secretariat
):
    """Circulated, then returned to draft and corrected: a member still reads version 1 as it was
    sent, told that a corrected version will follow, and sees only the versions circulated."""
    minutes = services.circulate_minutes(minutes=approved_minutes, by=secretariat)
    services.return_minutes_to_draft(minutes=minutes)
    services.write_minute(
        minute=minutes.items.get(agenda_item__title=PLAN),
        discussion="<p>The board agreed the plan.</p><p>Police will lead the first year.</p>",
    )
    minutes_path = f"{minutes.meeting.get_absolute_url()}minutes/"
    log_in("mo.member", next_path=minutes_path)
    notice = page.get_by_role("region", name="Important")
    expect(notice).to_contain_text("These minutes are being corrected.")
    expect(notice).to_contain_text("(version 1)")
    main = page.get_by_role("main")
    expect(main).to_contain_text("The board agreed the plan.")
    expect(main).not_to_contain_text("Police will lead the first year.")
    assert_accessible(page)

    page.get_by_role("link", name="Approved versions, compared").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Versions of the minutes")
    expect(page.get_by_role("table")).to_contain_text("Versions circulated to members")
    expect(page.get_by_role("link", name="Version 1")).to_be_visible()
    expect(page.get_by_role("button", name="Compare")).to_have_count(0)  # one version, and the draft is not theirs
    assert_accessible(page)
