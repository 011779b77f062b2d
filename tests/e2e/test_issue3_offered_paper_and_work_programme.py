"""Issue 3: members and officers submit a paper for a meeting through the portal, and the
secretariat accepts it onto the agenda or returns it with a reason; the forward work programme
holds the year's recurring business, each item referenced like the seeds' "WP 12-01-07" and
offered when the agenda of its meeting is built."""

import datetime
import re

import pytest
from playwright.sync_api import expect

from meetings import services
from meetings.models import AgendaItem, PaperFile, PaperSubmission, WorkProgrammeItem
from tests.e2e.axe import assert_accessible
from tests.factories import TermsOfReferenceFactory
from tests.meetings.papers_support import pdf_bytes

pytestmark = pytest.mark.e2e

MARCH = datetime.date(2027, 3, 16)
LATER_MEETINGS = [datetime.date(2027, 6, 15), datetime.date(2027, 9, 21), datetime.date(2027, 12, 7)]
PAPER_TITLE = "Night-time economy: the Leamington pilot"
PAPER_SUMMARY = "What six months of late-night patrols and street pastors changed in Leamington town centre."
Q1_REPORT = "Quarterly performance report to the Public Service Board, Q1 2027"


@pytest.fixture
def sign_out(page):
    def sign_out():
        page.get_by_role("button", name=re.compile(r"^Sign out")).click()

    return sign_out


@pytest.fixture
def march_meeting(warwickshire, settings, tmp_path):
    """Next year's board meetings; the terms of reference fall due for review on 1 April 2027."""
    settings.MEDIA_ROOT = tmp_path / "media"
    TermsOfReferenceFactory(partnership=warwickshire, next_review_on=datetime.date(2027, 4, 1))
    for day in LATER_MEETINGS:
        services.schedule_meeting(
            partnership=warwickshire, title="Board meeting", date=day, start_time=datetime.time(14)
        )
    return services.schedule_meeting(
        partnership=warwickshire, title="Board meeting", date=MARCH, start_time=datetime.time(14)
    )


def button(action, title):
    """A button whose name ends, for screen readers, with the title it acts on ("Put on the
    agenda: ..."); the hidden part is a block of its own, so the name may have a space before
    its colon."""
    return re.compile(rf"^{re.escape(action)}\s*: {re.escape(title)}$")


def my_offers(page):
    """The list under "Papers you have offered"."""
    return page.locator("h3:text-is('Papers you have offered') + ul > li")


def success(page):
    return page.locator(".govuk-notification-banner--success")


def agenda_row(page, title):
    return page.get_by_role("row").filter(has=page.get_by_role("rowheader", name=re.compile(f"^{re.escape(title)}")))


def test_a_member_offers_a_paper_and_the_secretariat_puts_it_on_the_agenda(
    page, live_server, log_in, sign_out, secretariat, member, march_meeting
):
    meeting_path = march_meeting.get_absolute_url()

    # The member offers a paper, with its PDF.
    log_in("mo.member", next_path=meeting_path)
    expect(page.get_by_role("heading", level=1)).to_have_text("Board meeting")
    assert_accessible(page)
    page.get_by_role("link", name="Offer a paper for this meeting").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Offer a paper for this meeting")
    assert_accessible(page)

    page.get_by_role("button", name="Send to the secretariat").click()
    expect(page).to_have_title(re.compile(r"^Error: Offer a paper"))
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_contain_text("Enter the paper's title")
    expect(summary).to_contain_text("Say in a few lines what the paper is about")
    assert not PaperSubmission.objects.exists()
    assert_accessible(page)

    page.get_by_label("Title").fill(PAPER_TITLE)
    page.get_by_label("For decision").check()
    page.get_by_label("Who will present it (optional)").fill("Inspector Priya Shah")
    page.get_by_label("Summary").fill(PAPER_SUMMARY)
    page.get_by_label("Recommendations (optional)").fill("That the pilot runs to March 2028.")
    page.get_by_label("The paper (optional)").set_input_files(
        {"name": "leamington pilot.pdf", "mimeType": "application/pdf", "buffer": pdf_bytes("Leamington pilot")}
    )
    page.get_by_role("button", name="Send to the secretariat").click()

    expect(page).to_have_url(f"{live_server.url}{meeting_path}")
    expect(success(page)).to_contain_text(
        "Your paper has gone to the secretariat, who will put it on the agenda or tell you why not."
    )
    expect(my_offers(page)).to_have_text([f"{PAPER_TITLE}: Waiting for the secretariat"])
    expect(page.get_by_role("heading", name="Papers offered for this meeting")).to_have_count(0)
    assert_accessible(page)
    sign_out()

    # The secretariat finds it on the meeting page.
    log_in("sam.secretariat", next_path=meeting_path)
    expect(page.get_by_role("heading", name="Papers offered for this meeting")).to_be_visible()
    card = page.locator(".govuk-summary-card").filter(has=page.get_by_role("heading", name=PAPER_TITLE))
    expect(card).to_contain_text("Mo Member, 25 November 2026")
    expect(card).to_contain_text("For decision, presented by Inspector Priya Shah")
    expect(card).to_contain_text(PAPER_SUMMARY)
    expect(card).to_contain_text("leamington pilot.pdf")
    assert_accessible(page)

    # Returning it needs a reason.
    card.get_by_role("button", name=button("Return the paper", PAPER_TITLE)).click()
    expect(page).to_have_title(re.compile(r"^Error: Board meeting"))
    expect(page.locator(".govuk-error-summary")).to_contain_text(
        "Say why the paper is returned, so its author can act on it."
    )
    assert PaperSubmission.objects.get().status == "submitted"
    assert_accessible(page)

    # On the agenda, with its paper and the PDF.
    card = page.locator(".govuk-summary-card").filter(has=page.get_by_role("heading", name=PAPER_TITLE))
    card.get_by_role("button", name=button("Put on the agenda", PAPER_TITLE)).click()
    expect(success(page)).to_contain_text(f"“{PAPER_TITLE}” is on the agenda.")
    row = agenda_row(page, PAPER_TITLE)
    expect(row).to_contain_text("For decision")
    expect(row).to_contain_text("Inspector Priya Shah")
    expect(row.get_by_role("cell").first).to_have_text("5")
    expect(page.get_by_role("heading", name="Papers offered for this meeting")).to_have_count(0)
    assert_accessible(page)

    expect(row.get_by_role("rowheader")).to_contain_text(f"Paper: {PAPER_TITLE}")
    row.get_by_role("link", name=PAPER_TITLE, exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(PAPER_TITLE)
    expect(page.locator(".govuk-summary-list")).to_contain_text(PAPER_SUMMARY)
    download = page.get_by_role("link", name="Download leamington pilot.pdf")
    expect(download).to_be_visible()
    assert_accessible(page)
    response = page.request.get(live_server.url + download.get_attribute("href"))
    assert response.status == 200
    assert response.headers["content-type"] == "application/pdf"
    assert response.body().startswith(b"%PDF")
    assert PaperFile.objects.get().paper.agenda_item.title == PAPER_TITLE
    assert PaperSubmission.objects.get().status == "accepted"
    sign_out()

    # The member sees the answer.
    log_in("mo.member", next_path=meeting_path)
    expect(my_offers(page)).to_have_text([f"{PAPER_TITLE}: Accepted onto the agenda"])
    expect(agenda_row(page, PAPER_TITLE)).to_be_visible()
    assert_accessible(page)


def test_the_secretariat_plans_the_year_and_builds_an_agenda_from_it(
    page, live_server, log_in, secretariat, march_meeting
):
    log_in("sam.secretariat", next_path="/partnerships/warwickshire-scp/meetings/?year=2027")
    expect(page.get_by_role("heading", level=1)).to_have_text("Meetings in 2027")
    page.get_by_role("link", name="Forward work programme").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Forward work programme")
    expect(page.get_by_text("Nothing is planned yet.")).to_be_visible()
    assert_accessible(page)

    # Next year's recurring business, each planned for the last meeting before it falls due.
    expect(page.get_by_label("Add the recurring business of a year")).to_have_value("2027")
    page.get_by_role("button", name="Add the year's business").click()
    expect(success(page)).to_contain_text("The recurring business of 2027 is in the work programme.")
    table = page.get_by_role("table", name="Planned business")
    expect(table.get_by_role("row")).to_have_count(1 + 4 + 2 + 1)  # header, four quarters, two reviews, assessment
    references = table.locator("tbody td:first-child")
    expect(references).to_have_text(
        ["WP 16-03-27", "WP 16-03-27", "WP 16-03-27", "WP 15-06-27", "WP 21-09-27", "WP 07-12-27", "WP 07-12-27"]
    )
    q1 = table.get_by_role("row").filter(has=page.get_by_role("rowheader", name=Q1_REPORT))
    expect(q1).to_contain_text("31 March 2027")
    expect(q1.get_by_role("combobox", name=f"Meeting for {Q1_REPORT}")).to_have_value(str(march_meeting.pk))
    assert_accessible(page)

    # Adding the year again adds nothing twice.
    page.get_by_role("button", name="Add the year's business").click()
    expect(success(page)).to_contain_text("The recurring business of 2027 is in the work programme.")
    expect(table.get_by_role("row")).to_have_count(8)

    # Building the March agenda: the work programme offers what is planned for it.
    page.goto(f"{live_server.url}{march_meeting.get_absolute_url()}")
    expect(page.get_by_role("heading", level=1)).to_have_text("Board meeting")
    offered = page.locator("#work-programme + ul > li")
    expect(page.get_by_role("heading", name="From the forward work programme")).to_be_visible()
    expect(offered).to_have_count(3)
    expect(offered.nth(0)).to_contain_text(f"WP 16-03-27: {Q1_REPORT}")
    assert_accessible(page)

    page.get_by_role("button", name=button("Put on the agenda", Q1_REPORT)).click()
    expect(page).to_have_url(f"{live_server.url}{march_meeting.get_absolute_url()}")
    expect(success(page)).to_contain_text(f"“{Q1_REPORT}” is on the agenda of Board meeting, 16 March 2027.")
    expect(agenda_row(page, Q1_REPORT)).to_contain_text("For decision")
    expect(offered).to_have_count(2)
    expect(page.get_by_role("button", name=button("Put on the agenda", Q1_REPORT))).to_have_count(0)
    assert_accessible(page)

    # The work programme shows where it went.
    page.goto(f"{live_server.url}/partnerships/warwickshire-scp/work-programme/")
    q1 = page.get_by_role("row").filter(has=page.get_by_role("rowheader", name=Q1_REPORT))
    expect(q1).to_contain_text("On the agenda of Board meeting, 16 March 2027")
    expect(q1.get_by_role("combobox")).to_have_count(0)
    assert_accessible(page)

    item = WorkProgrammeItem.objects.get(title=Q1_REPORT)
    assert item.agenda_item == AgendaItem.objects.get(meeting=march_meeting, title=Q1_REPORT)
