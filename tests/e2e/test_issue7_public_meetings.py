"""Issue 7, the public meeting pages, with the demo (governance/demo/): an anonymous visitor
opens the Warwickshire partnership's public meetings, the board meeting whose minutes are
published (its confidential item shows only its exemption), downloads the performance report's
paper, opens the decisions page and follows a decision to its place in the minutes. axe-core
runs on every page."""

import re

import pytest
from playwright.sync_api import expect

from meetings.models import Minutes, MinutesStatus
from tests.e2e.axe import assert_accessible
from tests.e2e.conftest import long_date

pytestmark = pytest.mark.e2e

SLUG = "warwickshire-scp"
CONFIDENTIAL = "Domestic homicide review"
RESTRICTED_PAPER = "restricted action plan"
PAPER_FILE = "performance-report-q2.pdf"


@pytest.fixture
def published_minutes(demo):
    """The demo's first board meeting was held in public, and its minutes confirmed at the next
    meeting and published; its performance report carries a PDF, its confidential item a
    restricted paper (governance/demo/papers.py)."""
    return Minutes.objects.select_related("meeting").get(
        meeting__partnership__slug=SLUG, meeting__is_public=True, status=MinutesStatus.CONFIRMED
    )


def test_the_public_reads_a_meeting_downloads_a_paper_and_follows_a_decision(page, live_server, published_minutes):
    meeting = published_minutes.meeting
    decision = next(decision for item in published_minutes.public_summary["items"] for decision in item["decisions"])

    page.goto(f"{live_server.url}/p/{SLUG}/meetings/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Public meetings")
    expect(page.get_by_role("link", name="Subscribe to the public meetings in your calendar")).to_be_visible()
    row = page.get_by_role("row", name=re.compile(rf"Board meeting, {meeting.date:%A} {long_date(meeting.date)}"))
    expect(row.get_by_role("cell")).to_have_text([re.compile("2:00 p.m."), "Published", "Published"])
    assert_accessible(page)

    row.get_by_role("link").click()
    expect(page).to_have_url(f"{live_server.url}/p/{SLUG}/meetings/{meeting.pk}/")
    main = page.get_by_role("main")
    confidential = page.locator("#item-8")  # after the four standing items and three open ones
    expect(confidential).to_contain_text("Item taken in private.")
    expect(confidential).to_contain_text("Exempt: personal information")
    expect(main).not_to_contain_text(CONFIDENTIAL)
    expect(main).not_to_contain_text(RESTRICTED_PAPER)
    expect(page.locator("#item-5")).to_contain_text("Quarterly performance report")
    paper_link = page.get_by_role("link", name=f"Download {PAPER_FILE}")
    expect(paper_link).to_have_count(1)
    expect(page.locator("li[id^=item-]").filter(has=paper_link)).to_contain_text("Recommendations")
    assert_accessible(page)

    with page.expect_download() as download_info:
        paper_link.click()
    download = download_info.value
    assert download.suggested_filename == PAPER_FILE
    with open(download.path(), "rb") as stored:
        assert stored.read(4) == b"%PDF"

    page.get_by_role("navigation", name=re.compile("public pages")).get_by_role("link", name="Decisions").click()
    expect(page).to_have_url(f"{live_server.url}/p/{SLUG}/decisions/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Decisions")
    expect(page.get_by_role("main")).to_contain_text(decision["text"])
    expect(page.get_by_role("main")).not_to_contain_text(CONFIDENTIAL)
    assert_accessible(page)

    page.get_by_role(
        "link",
        name=re.compile(
            rf"^Board meeting, {long_date(meeting.date)}\s*: decision {decision['number']} in the minutes$"
        ),
    ).click()
    expect(page).to_have_url(f"{live_server.url}/p/{SLUG}/meetings/{meeting.pk}/#decision-{decision['number']}")
    target = page.locator(f"#decision-{decision['number']}")
    expect(target).to_contain_text(decision["text"])
    expect(target).to_be_in_viewport()
    assert_accessible(page)
