"""Issue 6: the secretariat opens the compliance dashboard from the register, sees a late
agenda, looks at another year, and opens the annual compliance statement for the Public Service
Board and its PDF; the chair does the same. axe on every page."""

import datetime
import io
import re

import pytest
from playwright.sync_api import expect
from pypdf import PdfReader

from tests.e2e.axe import assert_accessible
from tests.governance.compliance_support import meeting, minutes

pytestmark = pytest.mark.e2e

REGISTER = "/partnerships/warwickshire-scp/"
LATE_AGENDA = "Sent on 10 September 2026, 2 working days after it was due on 8 September 2026."


@pytest.fixture
def year_of_meetings(warwickshire):
    september = meeting(warwickshire, datetime.date(2026, 9, 15), sent=datetime.date(2026, 9, 10))
    minutes(september, circulated=datetime.date(2026, 9, 25))
    meeting(warwickshire, datetime.date(2026, 6, 16), sent=datetime.date(2026, 6, 5))
    meeting(warwickshire, datetime.date(2025, 6, 17), sent=datetime.date(2025, 6, 12))
    meeting(warwickshire, datetime.date(2026, 12, 15))
    return warwickshire


def row_headed(page, name):
    return page.get_by_role("row").filter(has=page.get_by_role("rowheader", name=name, exact=True))


def open_dashboard(page, live_server, log_in, username):
    log_in(username, next_path=REGISTER)
    expect(page.get_by_role("heading", level=1)).to_have_text("Register")
    assert_accessible(page)
    page.get_by_role("link", name="Compliance with the terms of reference").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Compliance with the terms of reference: 2026")
    assert_accessible(page)


def open_statement(page, live_server):
    page.get_by_role("link", name="Annual compliance statement for 2026", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Annual compliance statement 2026")
    expect(page.get_by_role("main")).to_contain_text("To the Public Service Board")
    expect(row_headed(page, "Board meeting, 15 September 2026").first).to_contain_text(LATE_AGENDA)
    assert_accessible(page)
    pdf = page.request.get(
        f"{live_server.url}/partnerships/warwickshire-scp/compliance/statement/?year=2026&format=pdf"
    )
    assert pdf.headers["content-type"] == "application/pdf"
    text = re.sub(r"\s+", " ", " ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf.body())).pages))
    assert "Annual compliance statement 2026" in text
    assert LATE_AGENDA in text


def test_secretariat_sees_a_late_agenda_and_opens_the_statement(
    page, live_server, log_in, secretariat, year_of_meetings
):
    open_dashboard(page, live_server, log_in, "sam.secretariat")

    agenda = row_headed(page, "Agenda and papers sent at least 5 working days before each meeting ToR 5.7")
    expect(agenda).to_contain_text("Late")
    expect(agenda).to_contain_text("Of 3 meetings in 2026: 1 sent late or overdue; 1 sent on time; 1 not yet due.")
    expect(row_headed(page, "Board meeting, 15 September 2026").first).to_contain_text(LATE_AGENDA)
    history = page.get_by_role("table", name=re.compile("Agendas and minutes sent after they were due"))
    expect(history.get_by_role("row").nth(1)).to_contain_text("Agenda and papers")
    expect(history.get_by_role("row").nth(1)).to_contain_text("8 September 2026")

    # Each rule links to where it is put right: the late agenda's meeting page.
    page.get_by_role("link", name="Board meeting, 15 September 2026").first.click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Board meeting")
    page.go_back()

    page.get_by_label("Year").fill("twenty")
    page.get_by_role("button", name="Show the year").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Give the year as four figures, for example 2026.")
    assert_accessible(page)

    page.get_by_label("Year").fill("2025")
    page.get_by_role("button", name="Show the year").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Compliance with the terms of reference: 2025")
    expect(page.get_by_role("main")).to_contain_text("Only 1 held in 2025; the rule asks for at least 5.")
    assert_accessible(page)

    page.get_by_label("Year").fill("2026")
    page.get_by_role("button", name="Show the year").click()
    open_statement(page, live_server)


def test_chair_opens_the_dashboard_and_the_statement(page, live_server, log_in, chair, year_of_meetings):
    open_dashboard(page, live_server, log_in, "carol.chair")

    expect(page.get_by_role("main")).to_contain_text(LATE_AGENDA)
    open_statement(page, live_server)
