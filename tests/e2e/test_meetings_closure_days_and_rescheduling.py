"""The secretariat shuts the office on Christmas Eve, sees the January meeting's agenda fall due
a day earlier, and moves the meeting a week later; then counts clear days, as some councils read
"working days", and sees the deadline move again."""

import datetime
import re

import pytest
from playwright.sync_api import expect

from meetings import services
from partnership.models import ClosureDay
from tests.e2e.axe import assert_accessible

pytestmark = pytest.mark.e2e


def deadline(page, name):
    return page.get_by_role("main").locator(".govuk-summary-list__row").filter(has_text=name)


def test_closure_days_and_a_moved_meeting(page, live_server, log_in, fill_date, secretariat, warwickshire):
    meeting = services.schedule_meeting(
        partnership=warwickshire, title="Board meeting", date=datetime.date(2027, 1, 5), start_time=datetime.time(14)
    )
    log_in("sam.secretariat", next_path="/partnerships/warwickshire-scp/meetings/?year=2027")
    expect(page.get_by_role("row", name=re.compile("Board meeting"))).to_contain_text("Due 24 December 2026")

    page.get_by_role("link", name="Closure days").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Closure days")
    expect(page.get_by_role("main")).to_contain_text("No closure days are recorded.")
    assert_accessible(page)

    page.get_by_role("button", name="Add the day").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Enter the date the offices are closed")
    assert_accessible(page)
    fill_date("Date", datetime.date(2026, 12, 24))
    page.get_by_label("Name").fill("Christmas Eve")
    page.get_by_role("button", name="Add the day").click()
    expect(page.locator(".govuk-notification-banner--success")).to_contain_text(
        "Christmas Eve (24 December 2026) added as a closure day."
    )
    expect(page.get_by_role("row", name=re.compile("Christmas Eve"))).to_contain_text("Thursday 24 December 2026")
    assert_accessible(page)

    # The same date twice is refused.
    fill_date("Date", datetime.date(2026, 12, 24))
    page.get_by_label("Name").fill("Office party")
    page.get_by_role("button", name="Add the day").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text(
        "24 December 2026 is already a closure day: Christmas Eve."
    )
    assert ClosureDay.objects.count() == 1

    page.goto(f"{live_server.url}{meeting.get_absolute_url()}")
    expect(deadline(page, "Agenda and papers due")).to_contain_text("Wednesday 23 December 2026")
    expect(page.get_by_role("main")).to_contain_text("Christmas Eve")
    assert_accessible(page)

    # Moved a week later, the deadline leaves Christmas behind.
    page.get_by_role("link", name="Change the meeting's details").click()
    expect(page.locator("#dates")).to_contain_text("Wednesday 23 December 2026")
    assert_accessible(page)
    fill_date("Date", datetime.date(2027, 1, 12))
    page.get_by_role("button", name="Check the dates").click()
    expect(page.locator("#dates")).to_contain_text("Agenda and papers due Tuesday 5 January 2027")
    page.get_by_role("button", name="Save the meeting").click()
    expect(page.locator(".govuk-notification-banner--success")).to_contain_text("Meeting saved")
    expect(page.get_by_role("main")).to_contain_text("Tuesday 12 January 2027, 14:00")
    expect(deadline(page, "Agenda and papers due")).to_contain_text("Tuesday 5 January 2027")
    assert_accessible(page)

    # Clear days: the day of sending and the day of the meeting are left out, one day earlier.
    page.goto(f"{live_server.url}/partnerships/warwickshire-scp/details/")
    page.get_by_label("Count clear days").check()
    page.get_by_role("button", name="Save the details").click()
    expect(page.locator(".govuk-notification-banner--success")).to_contain_text("Partnership details saved")
    page.goto(f"{live_server.url}{meeting.get_absolute_url()}")
    expect(deadline(page, "Agenda and papers due")).to_contain_text("Monday 4 January 2027")

    # Removing the closure day.
    page.goto(f"{live_server.url}/partnerships/warwickshire-scp/closure-days/")
    page.get_by_role("button", name=re.compile(r"^Remove Christmas Eve")).click()
    expect(page.locator(".govuk-notification-banner--success")).to_contain_text("removed: it is a working day again.")
    assert not ClosureDay.objects.exists()
    assert_accessible(page)
