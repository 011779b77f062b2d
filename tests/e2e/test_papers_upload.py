"""The secretariat adds a paper with its cover sheet (seed 002) to an agenda item, uploads its
PDF, sees it listed and downloads it; a file that is no document is refused with a message."""

import datetime
import re

import pytest
from playwright.sync_api import expect

from meetings import services
from meetings.models import Paper, PaperFile
from tests.e2e.axe import assert_accessible
from tests.meetings.papers_support import COVER_SHEET, pdf_bytes, stored_files

pytestmark = pytest.mark.e2e

PDF_FILE = "application/pdf"


@pytest.fixture
def item(warwickshire, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    meeting = services.schedule_meeting(
        partnership=warwickshire, title="Board meeting", date=datetime.date(2027, 6, 15), start_time=datetime.time(14)
    )
    return services.add_agenda_item(meeting=meeting, title="Partnership standards", purpose="decision")


def test_the_secretariat_adds_a_paper_and_uploads_its_pdf(page, live_server, log_in, secretariat, item, settings):
    add_path = f"/partnerships/warwickshire-scp/meetings/{item.meeting_id}/items/{item.pk}/papers/new/"
    log_in("sam.secretariat", next_path=add_path)

    # The cover sheet.
    expect(page.get_by_role("heading", level=1)).to_have_text("Add a paper to item 5: Partnership standards")
    assert_accessible(page)
    page.get_by_label("Title of paper").fill(COVER_SHEET["title"])
    page.get_by_label("Prepared by (optional)").fill(COVER_SHEET["prepared_by"])
    page.get_by_label("Presenting at the meeting (optional)").fill(COVER_SHEET["presenting"])
    page.get_by_label("Leading partner or partners (optional)").fill(COVER_SHEET["leading_partners"])
    page.get_by_label("Summary of content and issues raised (optional)").fill(COVER_SHEET["summary"])
    page.get_by_label("Recommendations (optional)").fill(COVER_SHEET["recommendations"])
    page.get_by_label("Financial and HR implications (optional)").fill("None")
    page.get_by_label("Promotion of equality and diversity (optional)").fill("None")
    page.get_by_role("group", name="Purpose of paper").get_by_label("For decision").check()
    page.get_by_role("button", name="Add the paper").click()

    paper = Paper.objects.get()
    expect(page).to_have_url(f"{live_server.url}/partnerships/warwickshire-scp/papers/{paper.pk}/")
    expect(page.locator(".govuk-notification-banner--success")).to_contain_text("Paper added")
    expect(page.get_by_role("heading", level=1)).to_have_text(COVER_SHEET["title"])
    cover_sheet = page.locator(".govuk-summary-list")
    expect(cover_sheet).to_contain_text("Jamie O'Reilly")
    expect(cover_sheet).to_contain_text(COVER_SHEET["recommendations"])
    expect(cover_sheet).to_contain_text("For decision")
    expect(page.get_by_text("No files have been uploaded for this paper.")).to_be_visible()
    assert_accessible(page)

    # A text file dressed up as a PDF is refused, and nothing is kept.
    page.get_by_role("link", name="Upload a file").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Upload a file for {COVER_SHEET['title']}")
    assert_accessible(page)
    page.get_by_label("Upload a file").set_input_files(
        {"name": "standards.pdf", "mimeType": PDF_FILE, "buffer": b"Just words, not a PDF at all."}
    )
    page.get_by_role("button", name="Upload the file").click()

    expect(page).to_have_title(re.compile(r"^Error: Upload a file"))
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_contain_text("There is a problem")
    expect(summary).to_contain_text(
        "The selected file “standards.pdf” must be a PDF, DOCX, XLSX or ODT (a PDF, a Word document, an Excel "
        "workbook or an OpenDocument text). Files are checked by what they contain, not by their name."
    )
    expect(page.locator(".govuk-error-message")).to_contain_text("must be a PDF, DOCX, XLSX or ODT")
    assert not PaperFile.objects.exists()
    assert stored_files(settings.MEDIA_ROOT) == []
    assert_accessible(page)

    # The real PDF.
    page.get_by_label("Upload a file").set_input_files(
        {"name": "standards.pdf", "mimeType": PDF_FILE, "buffer": pdf_bytes("The six hallmarks")}
    )
    page.get_by_role("button", name="Upload the file").click()

    expect(page).to_have_url(f"{live_server.url}/partnerships/warwickshire-scp/papers/{paper.pk}/")
    expect(page.locator(".govuk-notification-banner--success")).to_contain_text("File uploaded")
    download_link = page.get_by_role("link", name="Download standards.pdf")
    expect(download_link).to_be_visible()
    assert_accessible(page)

    # Downloading it: an attachment of the type its content showed.
    with page.expect_download() as downloading:
        download_link.click()
    download = downloading.value
    assert download.suggested_filename == "standards.pdf"
    with open(download.path(), "rb") as downloaded:
        assert downloaded.read().startswith(b"%PDF-")

    response = page.request.get(live_server.url + download_link.get_attribute("href"))
    assert response.status == 200
    assert response.headers["content-type"] == PDF_FILE
    assert response.headers["content-disposition"] == 'attachment; filename="standards.pdf"'
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.body().startswith(b"%PDF-")
