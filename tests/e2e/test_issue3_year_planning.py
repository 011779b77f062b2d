"""Issue 3, "Done when": the secretariat schedules next year's meetings through the "Schedule a
meeting" form, five board meetings and one public meeting, and the year view shows the
partnership's minimums met (ToR 5.1). Until the public meeting is in the diary the year view
warns that none is planned. The server's clock says 25 November 2026, so "next year" is 2027."""

import datetime
import re

import pytest
from playwright.sync_api import expect

from meetings.models import Meeting
from tests.e2e.axe import assert_accessible
from tests.e2e.conftest import long_date

pytestmark = pytest.mark.e2e

BOARD_MEETINGS = [
    datetime.date(2027, 1, 19),
    datetime.date(2027, 3, 16),
    datetime.date(2027, 5, 18),
    datetime.date(2027, 7, 13),
    datetime.date(2027, 9, 21),
]
PUBLIC_MEETING = datetime.date(2027, 11, 16)
YEAR_PATH = "/partnerships/warwickshire-scp/meetings/?year=2027"


def minimums(page):
    """The "Against the terms of reference" summary list of the year view."""
    return page.locator("dl").filter(has=page.get_by_text("Held in public", exact=True))


def warnings(page):
    return page.locator(".govuk-warning-text")


def schedule(page, fill_date, *, title, day, public=False, place="Shire Hall, Warwick"):
    page.get_by_role("button", name="Schedule a meeting").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Schedule a meeting")
    page.get_by_label("Title").fill(title)
    fill_date("Date", day)
    page.get_by_label("Starts at").fill("14:00")
    page.get_by_label("Ends at (optional)").fill("16:00")
    page.get_by_label("Place (optional)").fill(place)
    if public:
        page.get_by_label("Held in public").check()
    assert_accessible(page)
    page.get_by_role("button", name="Schedule the meeting").click()
    expect(page.locator(".govuk-notification-banner--success")).to_contain_text("Meeting scheduled")
    expect(page.get_by_role("heading", level=1)).to_have_text(title)
    expect(page.get_by_role("main")).to_contain_text(f"{day:%A} {long_date(day)}, 14:00 to 16:00")
    assert_accessible(page)
    # Back to the year, by the meeting page's own link.
    page.get_by_role("link", name="Back to the meetings of 2027").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Meetings in 2027")


def test_the_secretariat_plans_next_year(page, live_server, log_in, fill_date, secretariat, warwickshire):
    log_in("sam.secretariat", next_path="/partnerships/warwickshire-scp/meetings/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Meetings in 2026")
    assert_accessible(page)

    # Next year, empty: both minimums are short.
    page.get_by_role("link", name=re.compile(r"^Next year")).click()
    expect(page).to_have_url(f"{live_server.url}{YEAR_PATH}")
    expect(page.get_by_role("heading", level=1)).to_have_text("Meetings in 2027")
    expect(page.get_by_text("No meetings are in the diary for 2027.")).to_be_visible()
    expect(warnings(page)).to_have_count(2)
    expect(warnings(page).nth(0)).to_contain_text(
        "2027 has 0 meetings in the diary; the partnership meets at least 5 times a year (ToR 5.1)."
    )
    expect(warnings(page).nth(1)).to_contain_text(
        "2027 has 0 meetings held in public; the partnership holds at least 1 a year."
    )
    assert_accessible(page)

    for number, day in enumerate(BOARD_MEETINGS, start=1):
        schedule(page, fill_date, title="Board meeting", day=day)
        expect(page.get_by_role("main")).to_contain_text(f"{number} in 2027, of at least 5 a year")

    # Five board meetings: the minimum is met, but nothing is held in public yet.
    expect(page.get_by_role("row").filter(has=page.get_by_role("link", name="Board meeting"))).to_have_count(5)
    expect(minimums(page)).to_contain_text("5 in 2027, of at least 5 a year")
    expect(minimums(page)).to_contain_text("0 in 2027, of at least 1 a year")
    expect(warnings(page)).to_have_count(1)
    expect(warnings(page)).to_contain_text(
        "2027 has 0 meetings held in public; the partnership holds at least 1 a year."
    )
    assert_accessible(page)

    # The sixth, in public.
    schedule(
        page,
        fill_date,
        title="Annual public meeting",
        day=PUBLIC_MEETING,
        public=True,
        place="Riversley Park, Nuneaton",
    )
    expect(minimums(page)).to_contain_text("6 in 2027, of at least 5 a year")
    expect(minimums(page)).to_contain_text("1 in 2027, of at least 1 a year")
    expect(warnings(page)).to_have_count(0)
    rows = page.get_by_role("table").get_by_role("row")
    expect(rows).to_have_count(7)  # the header and six meetings
    public_row = page.get_by_role("row").filter(has=page.get_by_role("link", name="Annual public meeting"))
    expect(public_row.get_by_role("cell", name="Public", exact=True)).to_be_visible()
    expect(public_row).to_contain_text("Tue 16 November")
    expect(public_row).to_contain_text("Not circulated yet")
    expect(page.get_by_role("cell", name="Private", exact=True)).to_have_count(5)
    dates = page.locator("tbody .govuk-table__row > td:first-child")
    expect(dates).to_have_text(
        [re.compile(f"^{day:%a} {day.day} {day:%B}") for day in [*BOARD_MEETINGS, PUBLIC_MEETING]]
    )
    assert_accessible(page)

    assert sorted(Meeting.objects.filter(partnership=warwickshire).values_list("date", "is_public")) == [
        *[(day, False) for day in BOARD_MEETINGS],
        (PUBLIC_MEETING, True),
    ]
