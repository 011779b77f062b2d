"""Issue 3, "Done when": the member reads the pack in the browser. A member signing in for the
first time acknowledges the code of conduct, opens the circulated meeting and follows "The
agenda pack (PDF)". The pack is made by a Celery task, run at once here (eager), so the first
visit shows that it is being made and "Check again" gives the PDF: the members' pack, with the
confidential item, each paper's cover sheet and the uploaded PDF appended."""

import datetime
import io
import re

import pytest
from playwright.sync_api import expect
from pypdf import PdfReader

from meetings import services
from meetings.models import AgendaPack, PackStatus
from meetings.pack import packs
from tests.e2e.axe import assert_accessible
from tests.factories import ConductDocumentFactory
from tests.meetings.papers_support import COVER_SHEET, pdf_bytes, upload

pytestmark = pytest.mark.e2e

MEETING_DAY = datetime.date(2027, 1, 19)
OPEN_TITLE = "Partnership standards"
SECRET_TITLE = "Domestic homicide review: the Oak Road family"
APPENDED_TEXT = "The six hallmarks of effective practice"


@pytest.fixture
def circulated_meeting(warwickshire, secretariat, chair, member, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.CELERY_TASK_ALWAYS_EAGER = True  # the pack is made (and the emails sent) in the request
    ConductDocumentFactory(partnership=warwickshire)
    meeting = services.schedule_meeting(
        partnership=warwickshire,
        title="Board meeting",
        date=MEETING_DAY,
        start_time=datetime.time(14),
        end_time=datetime.time(16),
        place="Shire Hall, Warwick",
    )
    standards = services.add_agenda_item(
        meeting=meeting, title=OPEN_TITLE, purpose="decision", presenter="Community Safety Manager"
    )
    paper = services.add_paper(agenda_item=standards, **COVER_SHEET)
    services.attach_file(paper=paper, upload=upload("hallmarks.pdf", pdf_bytes(APPENDED_TEXT, pages=2)), by=secretariat)
    services.add_agenda_item(
        meeting=meeting, title=SECRET_TITLE, purpose="discussion", is_confidential=True, confidential_reason="personal"
    )
    services.agree_agenda(meeting=meeting, by=chair)
    services.circulate_agenda(meeting=meeting, by=secretariat)
    return meeting


def flat(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def outline_titles(outline) -> list[str]:
    """Every bookmark's title, nested ones included."""
    titles = []
    for entry in outline:
        titles += outline_titles(entry) if isinstance(entry, list) else [entry.title]
    return titles


def test_a_member_reads_the_agenda_pack(page, live_server, log_in, circulated_meeting, monkeypatch):
    meeting = circulated_meeting
    log_in("mo.member", next_path="/partnerships/warwickshire-scp/meetings/?year=2027")

    # First sign-in: the code of conduct comes first.
    expect(page.get_by_role("heading", name="Code of Conduct for Partnership Working")).to_be_visible()
    assert_accessible(page)
    page.get_by_label("I have read the Code of Conduct for Partnership Working and will follow it").check()
    page.get_by_role("button", name="Confirm").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Meetings in 2027")
    expect(page.get_by_role("row", name=re.compile("Board meeting"))).to_contain_text("on time")
    assert_accessible(page)
    page.get_by_role("link", name="Board meeting").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Board meeting")
    expect(page.get_by_role("main")).to_contain_text("Exempt: personal information")
    assert_accessible(page)

    # The pack has not been asked for yet: its making is queued, and the page says so.
    pack_link = page.get_by_role("link", name="The agenda pack (PDF)")
    pack_url = live_server.url + pack_link.get_attribute("href")
    assert not AgendaPack.objects.exists()
    queued = []  # the worker's queue: the test plays the worker below
    monkeypatch.setattr(packs.build_agenda_pack, "delay", lambda *args: queued.append(args))
    with page.expect_response(pack_url) as first:
        pack_link.click()
    assert first.value.status == 202
    assert first.value.headers["retry-after"] == "5"
    expect(page.get_by_role("heading", level=1)).to_have_text("The agenda pack is being made")
    expect(page.locator("#pack-progress")).to_have_text(re.compile(r"^It is (waiting to be made|\d+% done)\.$"))
    assert_accessible(page)

    # The worker makes it; checking again gives the PDF.
    assert queued == [(meeting.pk, "members")]
    packs.build_pack(meeting_id=meeting.pk, variant="members")
    assert AgendaPack.objects.get(meeting=meeting, variant="members").status == PackStatus.READY
    with page.expect_response(pack_url) as second:
        page.get_by_role("link", name="Check again").click()
    assert second.value.status == 200
    assert second.value.headers["content-type"] == "application/pdf"
    assert second.value.headers["content-disposition"] == 'inline; filename="agenda-pack-2027-01-19.pdf"'
    expect(page).to_have_url(pack_url)  # Chromium shows it in its PDF viewer: no HTML page for axe to check

    response = page.request.get(pack_url)
    assert response.status == 200
    assert response.headers["content-type"] == "application/pdf"
    body = response.body()
    assert body.startswith(b"%PDF")

    reader = PdfReader(io.BytesIO(body))
    text = flat("\n".join(pdf_page.extract_text() for pdf_page in reader.pages))
    assert "Warwickshire Safer Communities Partnership" in text
    assert "Agenda pack for members" in text
    for title in (
        "Apologies for absence",
        "Declarations of interest",
        "Minutes of the last meeting",
        "Matters arising",
        OPEN_TITLE,
        SECRET_TITLE,
    ):
        assert title in text, f"{title!r} is not in the pack"
    assert "Confidential: Exempt: personal information" in text
    assert COVER_SHEET["title"] in text  # the paper's cover sheet
    assert f"{APPENDED_TEXT}, page 1" in text  # the uploaded PDF, appended
    assert f"{APPENDED_TEXT}, page 2" in text
    bookmarks = outline_titles(reader.outline)
    assert "Agenda" in bookmarks
    assert "Appended: hallmarks.pdf" in bookmarks
