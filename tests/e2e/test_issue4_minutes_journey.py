"""Issue 4, "Done when", the minutes' part: the secretariat starts the minutes of a public board
meeting and writes them with the editor (by mouse and by keyboard); the vice chair, who did not
chair, is refused; the chair approves them; the secretariat compares the version, circulates
the minutes on time and, after the next meeting, records that the board confirmed them; a
member reads them; and the public reads the summary without the confidential item. axe-core
runs on every page. The server's clock travels: to the evening of the meeting, then to the
evening of the next one."""

import datetime
import re
from zoneinfo import ZoneInfo

import pytest
from playwright.sync_api import expect

from meetings import services
from meetings.models import Meeting, MinuteItem, Minutes, MinutesStatus
from partnership.models import Member, OfficeRole
from tests.e2e.axe import assert_accessible
from tests.factories import MemberFactory, NominatingBodyFactory, OfficeFactory, PersonFactory, UserFactory

pytestmark = pytest.mark.e2e

LONDON = ZoneInfo("Europe/London")
MEETING_DAY = datetime.date(2027, 6, 15)
NEXT_MEETING_DAY = datetime.date(2027, 7, 20)
OPEN_TITLE = "Partnership plan 2027 to 2030"
SECRET_TITLE = "Domestic homicide review: the Oak Road family"
SECRET_MINUTE = "The panel heard from the family liaison officer."


@pytest.fixture
def vice_chair(warwickshire, cdrp_chairs):
    user = UserFactory(username="vic.vice")
    member = MemberFactory(nominating_body=cdrp_chairs, person=PersonFactory(name="Vic Vice", user=user))
    OfficeFactory(member=member, role=OfficeRole.VICE_CHAIR, starts_on=datetime.date(2026, 9, 1))
    return user


@pytest.fixture
def public_meeting(warwickshire, secretariat, chair, member, vice_chair, settings):
    """A public board meeting with an open item and a confidential one, its agenda out."""
    settings.CELERY_TASK_ALWAYS_EAGER = True  # the members' emails go in the request
    meeting = services.schedule_meeting(
        partnership=warwickshire,
        title="Board meeting",
        date=MEETING_DAY,
        start_time=datetime.time(14),
        place="Shire Hall, Warwick",
        is_public=True,
    )
    services.add_agenda_item(meeting=meeting, title=OPEN_TITLE, purpose="decision")
    services.add_agenda_item(
        meeting=meeting, title=SECRET_TITLE, purpose="decision", is_confidential=True, confidential_reason="personal"
    )
    services.agree_agenda(meeting=meeting, by=chair)
    services.circulate_agenda(meeting=meeting, by=secretariat)
    services.schedule_meeting(
        partnership=warwickshire, title="Board meeting", date=NEXT_MEETING_DAY, start_time=datetime.time(14)
    )
    for n in range(3):
        MemberFactory(nominating_body=NominatingBodyFactory(partnership=warwickshire, name=f"Agency {n}"))
    return meeting


def travel_to_the_evening_of(time_machine, day):
    time_machine.move_to(datetime.datetime.combine(day, datetime.time(17), tzinfo=LONDON), tick=True)


def record_everyone_present(meeting):
    for seat in Member.objects.filter(partnership=meeting.partnership):
        services.record_attendance(meeting=meeting, member=seat, status="present")


def record_the_meeting(meeting):
    """What the record pages (another part of issue 4) hold: everyone present, two decisions."""
    record_everyone_present(meeting)
    plan, review = meeting.agenda_items.filter(title__in=[OPEN_TITLE, SECRET_TITLE]).order_by("position")
    services.record_decision(agenda_item=plan, text="Adopt the partnership plan")
    services.record_decision(agenda_item=review, text="Refer the review to the quality panel")


def success(page):
    return page.locator(".govuk-notification-banner--success")


@pytest.fixture
def sign_out(page):
    def sign_out():
        page.get_by_role("button", name=re.compile(r"^Sign out")).click()

    return sign_out


def test_minutes_from_the_first_draft_to_the_public_summary(
    page, live_server, log_in, sign_out, public_meeting, time_machine
):
    meeting = public_meeting
    meeting_path = meeting.get_absolute_url()
    minutes_path = f"{meeting_path}minutes/"
    travel_to_the_evening_of(time_machine, MEETING_DAY)
    record_the_meeting(meeting)

    # The secretariat starts the minutes from the meeting page.
    log_in("sam.secretariat", next_path=meeting_path)
    minutes_section = page.locator("#minutes")
    expect(minutes_section).to_have_text("Minutes")
    page.get_by_role("link", name="The minutes", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Minutes of the Board meeting, 15 June 2027")
    assert_accessible(page)
    page.get_by_role("button", name="Start the minutes").click()
    expect(success(page)).to_contain_text("Minutes started.")
    main = page.get_by_role("main")
    expect(main).to_contain_text("In the chair: Carol Chair")
    expect(main).to_contain_text("Decision 1: Adopt the partnership plan (by consensus; agreed)")
    assert_accessible(page)

    # The open item, written with the toolbar by mouse.
    page.get_by_role("link", name=f"Write the minute of item 5, {OPEN_TITLE}").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Minute of item 5: {OPEN_TITLE}")
    editor = page.get_by_role("textbox", name="What was discussed")
    expect(editor).to_have_attribute("aria-multiline", "true")
    toolbar = page.get_by_role("toolbar")
    assert_accessible(page)
    editor.click()
    page.keyboard.type("The board welcomed the plan. ")
    toolbar.get_by_role("button", name="Bold").click()
    expect(toolbar.get_by_role("button", name="Bold")).to_have_attribute("aria-pressed", "true")
    page.keyboard.type("Police will lead.")
    toolbar.get_by_role("button", name="Bold").click()
    page.keyboard.press("Enter")
    toolbar.get_by_role("button", name="Bulleted list").click()
    page.keyboard.type("Community safety hubs")
    page.keyboard.press("Enter")
    page.keyboard.type("Night-time economy")
    page.keyboard.press("Enter")
    page.keyboard.press("Enter")
    page.once("dialog", lambda dialog: dialog.accept("https://example.org/plan"))
    toolbar.get_by_role("button", name="Link").click()
    page.get_by_role("button", name="Save the minute").click()
    expect(success(page)).to_contain_text("Minute of item 5 saved.")
    item = page.locator(".minutes-item", has=page.get_by_role("heading", name=f"5. {OPEN_TITLE}"))
    expect(item.locator("strong", has_text="Police will lead.")).to_be_visible()
    expect(item.locator("ul li")).to_have_text(["Community safety hubs", "Night-time economy"])
    expect(item.locator("ul strong")).to_have_count(0)  # bold was switched off before the list
    expect(item.get_by_role("link", name="https://example.org/plan")).to_have_attribute(
        "href", "https://example.org/plan"
    )

    # The confidential item, by keyboard alone: Tab into the toolbar, arrows along it.
    page.get_by_role("link", name=f"Write the minute of item 6, {SECRET_TITLE}").click()
    editor = page.get_by_role("textbox", name="What was discussed")
    editor.focus()
    page.keyboard.type(SECRET_MINUTE + " ")
    page.keyboard.press("Shift+Tab")
    bold = page.get_by_role("button", name="Bold")
    expect(bold).to_be_focused()
    page.keyboard.press("ArrowRight")
    italic = page.get_by_role("button", name="Italic")
    expect(italic).to_be_focused()
    page.keyboard.press("Enter")
    expect(italic).to_have_attribute("aria-pressed", "true")
    expect(editor).to_be_focused()
    page.keyboard.type("Not for publication.")
    page.keyboard.press("Tab")  # out of the editor: no keyboard trap
    expect(page.get_by_role("button", name="Save the minute")).to_be_focused()
    page.keyboard.press("Enter")
    expect(success(page)).to_contain_text("Minute of item 6 saved.")
    expect(page.locator("em", has_text="Not for publication.")).to_be_visible()
    review_minute = MinuteItem.objects.get(agenda_item__title=SECRET_TITLE).discussion
    assert SECRET_MINUTE in review_minute
    assert "<em>Not for publication.</em>" in review_minute
    expect(page.get_by_role("button", name="Approve the minutes")).to_have_count(0)
    sign_out()

    # The vice chair did not chair this meeting: refused the draft, and its approval.
    log_in("vic.vice", next_path=minutes_path)
    expect(page.get_by_role("heading", level=1)).to_have_text("You cannot do this")
    expect(page.get_by_role("main")).to_contain_text("Draft minutes are read by the secretariat and whoever chaired")
    assert_accessible(page)
    sign_out()

    # The chair approves them.
    log_in("carol.chair", next_path=minutes_path)
    assert_accessible(page)
    page.get_by_role("button", name="Approve the minutes").click()
    expect(success(page)).to_contain_text("Minutes approved (version 1).")
    expect(page.locator("#minutes-status")).to_contain_text("By Carol Chair on 15 June 2027")
    assert_accessible(page)
    sign_out()

    # The secretariat reads the version, then circulates the minutes, on time.
    log_in("sam.secretariat", next_path=minutes_path)
    page.get_by_role("link", name="Approved versions, compared").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Versions of the minutes")
    assert_accessible(page)
    page.get_by_role("link", name="Version 1").click()
    expect(page.get_by_role("main")).to_contain_text("Police will lead.")
    assert_accessible(page)
    page.goto(f"{live_server.url}{minutes_path}")
    page.get_by_role("button", name="Circulate the minutes").click()
    expect(success(page)).to_contain_text("Minutes circulated to the members, on time: they were due by 29 June 2027.")
    expect(page.locator("#minutes-status")).to_contain_text("On time")
    assert_accessible(page)
    sign_out()

    # A member reads the circulated minutes, the confidential item's minute included.
    log_in("mo.member", next_path=meeting_path)
    page.get_by_role("link", name="The minutes", exact=True).click()
    expect(page.get_by_role("main")).to_contain_text(SECRET_MINUTE)
    expect(page.get_by_role("button", name="Return the minutes to draft")).to_have_count(0)
    assert_accessible(page)
    sign_out()

    # After the next meeting, its attendance recorded, the secretariat records that the board confirmed them.
    travel_to_the_evening_of(time_machine, NEXT_MEETING_DAY)
    record_everyone_present(Meeting.objects.get(partnership=meeting.partnership, date=NEXT_MEETING_DAY))
    log_in("sam.secretariat", next_path=minutes_path)
    page.get_by_role("button", name="Record that the board confirmed them").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Record that the board confirmed the minutes")
    assert_accessible(page)
    page.get_by_label("The meeting at which the board confirmed them").select_option(
        label="Board meeting, 20 July 2027"
    )
    page.get_by_role("button", name="Record the confirmation").click()
    expect(success(page)).to_contain_text("Minutes confirmed as a true record. Their public summary is now published.")
    expect(page.locator("#minutes-status")).to_contain_text("At the Board meeting on 20 July 2027")
    assert_accessible(page)
    assert Minutes.objects.get(meeting=meeting).status == MinutesStatus.CONFIRMED
    sign_out()

    # The public reads the summary, without the confidential item.
    page.goto(f"{live_server.url}/p/warwickshire-scp/meetings/{meeting.pk}/")
    minutes = page.locator(".minutes-document")
    expect(minutes).to_contain_text("The board welcomed the plan.")
    expect(minutes).to_contain_text("Decision 1: Adopt the partnership plan")
    main = page.get_by_role("main")
    for secret in (SECRET_TITLE, SECRET_MINUTE, "Not for publication", "quality panel"):
        expect(main).not_to_contain_text(secret)
    assert_accessible(page)
