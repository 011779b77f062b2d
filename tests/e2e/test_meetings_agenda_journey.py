"""The agenda of a January meeting from start to finish (ToR 5.7): the secretariat schedules it
and sees that its agenda falls due on Christmas Eve, builds the agenda with a confidential item,
the chair agrees it, the secretariat circulates it on time and adds a late item, the chair
accepts that item, and a member reads the meeting page. The server runs in real time (late
November 2026), so the meeting is in January 2027 and circulating now is on time."""

import datetime
import re

import pytest
from playwright.sync_api import expect

from meetings.models import AgendaItem, Meeting
from tests.e2e.axe import assert_accessible

pytestmark = pytest.mark.e2e

JANUARY = datetime.date(2027, 1, 5)  # a Tuesday: five working days back over Christmas is 24 December


@pytest.fixture
def sign_out(page):
    def sign_out():
        page.get_by_role("button", name=re.compile(r"^Sign out")).click()

    return sign_out


def success(page):
    return page.locator(".govuk-notification-banner--success")


def agenda_row(page, title):
    return page.get_by_role("row").filter(has=page.get_by_role("rowheader", name=re.compile(f"^{re.escape(title)}")))


def add_item(page, *, title, purpose, presenter="", partners=""):
    page.get_by_role("button", name="Add an item").or_(page.get_by_role("link", name="Add an item")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Add an item to the agenda of Board meeting, 5 January 2027"
    )
    page.get_by_label("Title").fill(title)
    page.get_by_label(purpose).check()
    page.get_by_label("Presented by (optional)").fill(presenter)
    page.get_by_label("Leading partners (optional)").fill(partners)


def test_an_agenda_from_scheduling_to_the_members(
    page, live_server, log_in, sign_out, fill_date, secretariat, chair, member, warwickshire, settings
):
    settings.CELERY_TASK_ALWAYS_EAGER = True  # the members' emails are sent in the request, not queued

    # The secretariat finds the meetings from the register.
    log_in("sam.secretariat", next_path="/partnerships/warwickshire-scp/")
    page.get_by_role("link", name="Meetings", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(re.compile(r"^Meetings in \d{4}$"))
    assert_accessible(page)

    page.get_by_role("button", name="Schedule a meeting").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Schedule a meeting")
    assert_accessible(page)
    page.get_by_label("Title").fill("Board meeting")
    fill_date("Date", JANUARY)
    page.get_by_label("Starts at").fill("14:00")
    page.get_by_label("Ends at (optional)").fill("16:00")
    page.get_by_label("Place (optional)").fill("Shire Hall, Warwick")

    # The planner checks the dates first: the agenda would be due on Christmas Eve.
    page.get_by_role("button", name="Check the dates").click()
    dates = page.locator("#dates")
    expect(dates).to_contain_text("Deadlines for a meeting on Tuesday 5 January 2027")
    expect(dates).to_contain_text("Agenda and papers due Thursday 24 December 2026")
    expect(dates).to_contain_text(
        "The agenda would be due on Thursday 24 December 2026, the last working day before Christmas Day"
    )
    expect(page.get_by_label("Place (optional)")).to_have_value("Shire Hall, Warwick")
    assert not Meeting.objects.exists()
    assert_accessible(page)

    page.get_by_role("button", name="Schedule the meeting").click()
    expect(success(page)).to_contain_text("Meeting scheduled")
    expect(page.get_by_role("heading", level=1)).to_have_text("Board meeting")
    main = page.get_by_role("main")
    expect(main).to_contain_text("Tuesday 5 January 2027, 14:00 to 16:00")
    expect(main).to_contain_text("the last working day before Christmas Day")
    expect(agenda_row(page, "Apologies for absence")).to_be_visible()
    assert_accessible(page)
    meeting = Meeting.objects.get()
    meeting_path = meeting.get_absolute_url()

    # Items, one of them confidential: refused until it says why it is exempt.
    add_item(
        page,
        title="Strategic assessment",
        purpose="For decision",
        presenter="Head of Community Safety",
        partners="Police and County Council",
    )
    assert_accessible(page)
    page.get_by_role("button", name="Add the item").click()
    expect(success(page)).to_contain_text("Item added to the agenda.")
    expect(agenda_row(page, "Strategic assessment")).to_contain_text("For decision")

    add_item(page, title="Domestic homicide review", purpose="For discussion")
    page.get_by_label("Confidential: taken in private and left out of the public agenda").check()
    page.get_by_role("button", name="Add the item").click()
    expect(page).to_have_title(re.compile(r"^Error: Add an item"))
    expect(page.locator(".govuk-error-summary")).to_contain_text("Say why the item is exempt from publication")
    assert_accessible(page)
    page.get_by_label("Exempt: personal information").check()
    page.get_by_role("button", name="Add the item").click()
    expect(success(page)).to_contain_text("Item added to the agenda.")
    review = agenda_row(page, "Domestic homicide review")
    expect(review).to_contain_text("Exempt: personal information")
    expect(review.get_by_role("cell").first).to_have_text("6")

    # Reordered without JavaScript: the review goes before the assessment.
    review.get_by_role("button", name=re.compile(r"^Move up")).click()
    expect(success(page)).to_contain_text("Domestic homicide review moved up.")
    expect(agenda_row(page, "Domestic homicide review").get_by_role("cell").first).to_have_text("5")
    expect(page.get_by_role("button", name="Circulate the agenda")).to_have_count(0)
    assert_accessible(page)
    sign_out()

    # The chair agrees the agenda.
    log_in("carol.chair", next_path=meeting_path)
    expect(page.get_by_role("heading", level=1)).to_have_text("Board meeting")
    expect(page.get_by_role("link", name="Add an item")).to_have_count(0)
    assert_accessible(page)
    page.get_by_role("button", name="Agree the agenda").click()
    expect(success(page)).to_contain_text("Agenda agreed")
    expect(page.get_by_role("main")).to_contain_text("Agreed by Carol Chair on")
    assert_accessible(page)
    sign_out()

    # The secretariat circulates it, on time, then adds a late item.
    log_in("sam.secretariat", next_path=meeting_path)
    page.get_by_role("button", name="Circulate the agenda").click()
    expect(success(page)).to_contain_text("Agenda circulated to the members, on time.")
    expect(page.get_by_role("main")).to_contain_text("On time")
    expect(page.get_by_role("button", name=re.compile(r"^Remove"))).to_have_count(0)
    assert_accessible(page)

    page.get_by_role("button", name="Add a late item").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Add a late item to the agenda of Board meeting, 5 January 2027"
    )
    assert_accessible(page)
    page.get_by_label("Title").fill("Funding bid to the Police and Crime Commissioner")
    page.get_by_label("For decision").check()
    page.get_by_role("button", name="Add the item").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("this is a late item: say why")
    assert_accessible(page)
    page.get_by_label("Why it cannot wait for the next meeting").fill("The bidding round closes on 8 January.")
    page.get_by_role("button", name="Add the item").click()
    expect(success(page)).to_contain_text("Late item added: it awaits the chair's acceptance.")
    late = agenda_row(page, "Funding bid to the Police and Crime Commissioner")
    expect(late).to_contain_text("The bidding round closes on 8 January.")
    expect(late).to_contain_text("Awaiting the chair's acceptance")
    assert_accessible(page)
    sign_out()

    # The chair accepts the late item.
    log_in("carol.chair", next_path=meeting_path)
    late.get_by_role("button", name=re.compile(r"^Accept late item")).click()
    expect(success(page)).to_contain_text("Late item accepted: Funding bid to the Police and Crime Commissioner.")
    expect(late).to_contain_text("Accepted by the chair (Carol Chair)")
    assert_accessible(page)
    sign_out()

    # A member reads the whole agenda, the confidential item included, and changes nothing.
    log_in("mo.member", next_path="/partnerships/warwickshire-scp/meetings/?year=2027")
    expect(page.get_by_role("heading", level=1)).to_have_text("Meetings in 2027")
    expect(page.get_by_role("row", name=re.compile("Board meeting"))).to_contain_text("on time")
    expect(page.get_by_role("button", name="Schedule a meeting")).to_have_count(0)
    assert_accessible(page)
    page.get_by_role("link", name="Board meeting").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Board meeting")
    expect(agenda_row(page, "Domestic homicide review")).to_contain_text("Exempt: personal information")
    expect(agenda_row(page, "Funding bid to the Police and Crime Commissioner")).to_contain_text(
        "Accepted by the chair"
    )
    main = page.get_by_role("main")
    expect(main.get_by_role("button")).to_have_count(0)
    expect(main.get_by_role("link", name=re.compile(r"^(Change|Add)"))).to_have_count(0)
    assert_accessible(page)

    assert list(AgendaItem.objects.filter(meeting=meeting).order_by("position").values_list("title", flat=True)) == [
        "Apologies for absence",
        "Declarations of interest",
        "Minutes of the last meeting",
        "Matters arising",
        "Domestic homicide review",
        "Strategic assessment",
        "Funding bid to the Police and Crime Commissioner",
    ]
