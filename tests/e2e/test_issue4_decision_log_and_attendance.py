"""Issue 4, the secretariat's reading of the record: it searches the decision log, filters it,
downloads the same rows as CSV (a cell that would start a spreadsheet formula written safely),
and sees on the attendance statistics that Mo Member is flagged for persistent failure to
attend. The server's clock stands at 25 November 2026."""

import csv
import datetime
import io
import re

import pytest
from playwright.sync_api import expect

from meetings.models import Attendance, Decision, MeetingStatus
from tests.e2e.axe import assert_accessible
from tests.factories import AgendaItemFactory, MeetingFactory
from tests.meetings.test_views_decision_log import decide, decide_in_writing
from tests.meetings.test_views_writing_support import member_of

pytestmark = pytest.mark.e2e

D = datetime.date
MEETING_DAYS = [D(2026, 1, 13), D(2026, 3, 17), D(2026, 5, 19), D(2026, 7, 14), D(2026, 9, 15)]


@pytest.fixture
def year_of_record(warwickshire, secretariat, chair, member):
    """Five board meetings held in 2026, each deciding on one item; Mo Member sent apologies
    twice and was absent once, the chair came to every one."""
    meetings = [
        MeetingFactory(partnership=warwickshire, title="Board meeting", date=day, status=MeetingStatus.HELD)
        for day in MEETING_DAYS
    ]
    items = [
        AgendaItemFactory(meeting=meetings[0], position=5, title="Community safety strategy"),
        AgendaItemFactory(
            meeting=meetings[1],
            position=5,
            title="Domestic homicide review",
            is_confidential=True,
            confidential_reason="personal",
        ),
        AgendaItemFactory(meeting=meetings[2], position=5, title="Youth diversion budget"),
        AgendaItemFactory(meeting=meetings[3], position=5, title="Town centre CCTV"),
        AgendaItemFactory(meeting=meetings[4], position=5, title="Domestic abuse refuge funding"),
    ]
    Decision.objects.bulk_create(
        [
            decide(items[0], 1, "The strategy for 2026 to 2029 is adopted."),
            decide(items[1], 2, "The review's action plan on domestic abuse is agreed."),
            decide(
                items[2],
                3,
                "+£12,000 to the youth diversion budget.",
                method="vote",
                votes=(6, 1, 0),
                outcome="carried",
            ),
            decide(items[3], 4, "Fund two more cameras.", method="vote", votes=(3, 4, 1), outcome="lost"),
            decide(items[4], 5, "The refuge is funded for a further year to tackle domestic abuse."),
        ]
    )
    decide_in_writing(warwickshire, 6, "Bid for the Safer Streets fund", D(2026, 10, 6))
    mo, carol = member_of(member, warwickshire), member_of(chair, warwickshire)
    for meeting, status in zip(meetings, ["present", "apologies", "absent", "apologies", "present"], strict=True):
        Attendance.objects.create(meeting=meeting, member=mo, status=status)
        Attendance.objects.create(meeting=meeting, member=carol, status="present")


def test_the_secretariat_searches_the_log_downloads_it_and_reads_attendance(page, live_server, log_in, year_of_record):
    log_in("sam.secretariat", next_path="/partnerships/warwickshire-scp/")
    page.get_by_role("link", name="Decision log").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Decision log")
    expect(page.get_by_role("heading", name="6 decisions")).to_be_visible()
    assert_accessible(page)

    # Words in the text, then a filter on top: the confidential item is there for the partnership.
    search = page.get_by_role("search", name="Search the decision log")
    search.get_by_label("Words in the decision").fill("domestic abuse")
    search.get_by_role("button", name="Search").click()
    expect(page.get_by_role("heading", name="2 decisions found")).to_be_visible()
    expect(page.get_by_role("row", name=re.compile(r"^2 "))).to_contain_text("Domestic homicide review")
    expect(page.get_by_role("row", name=re.compile(r"^2 "))).to_contain_text("Confidential")
    expect(page.get_by_role("row", name=re.compile(r"^5 "))).to_contain_text("Domestic abuse refuge funding")
    assert_accessible(page)

    search.get_by_label("Words in the decision").fill("")
    search.get_by_label("How it was decided").select_option(label="By a vote")
    search.get_by_role("button", name="Search").click()
    expect(page.get_by_role("heading", name="3 decisions found")).to_be_visible()
    expect(page.get_by_role("row", name=re.compile(r"^4 "))).to_contain_text("Lost")
    assert_accessible(page)

    with page.expect_download() as download_info:
        page.get_by_role("link", name=re.compile(r"^Download as CSV")).click()
    download = download_info.value
    assert download.suggested_filename == "decision-log-warwickshire-scp.csv"
    with open(download.path(), encoding="utf-8-sig") as file:
        rows = list(csv.reader(io.StringIO(file.read())))
    assert [row[0] for row in rows] == ["Number", "6", "4", "3"]
    decision_text = rows[0].index("Decision")
    assert rows[3][decision_text] == "'+£12,000 to the youth diversion budget."
    assert rows[0][-1] == "Actions arising"
    assert rows[1][2:5] == ["In writing", "", "Bid for the Safer Streets fund"]

    # Attendance: Mo Member missed three of the five meetings, the partnership's threshold.
    page.get_by_role("link", name="Back to the register").click()
    page.get_by_role("link", name="Attendance statistics").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Attendance statistics")
    main = page.get_by_role("main")
    expect(main).to_contain_text("5 meetings held from 26 November 2025 to 25 November 2026.")
    expect(main).to_contain_text("1 member is flagged for persistent failure to attend: Mo Member.")
    expect(page.get_by_role("row", name=re.compile(r"^Mo Member"))).to_contain_text("Flagged missed 3")
    expect(page.get_by_role("row", name=re.compile(r"^Carol Chair"))).to_contain_text("No")
    expect(page.get_by_role("row", name=re.compile(r"^The Police Service"))).to_contain_text("2 of 5 meetings (40%)")
    assert_accessible(page)
