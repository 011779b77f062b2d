"""Papers and their files: the cover sheet of seed 002, late papers (ToR 5.7), and uploads
checked by content and size, a refused file leaving nothing behind."""

import datetime

import pytest
from django.utils import timezone

from meetings import services
from meetings.models import MeetingStatus, Paper, PaperFile
from partnership.errors import RuleBroken
from tests.meetings.papers_support import (
    COVER_SHEET,
    EXE_BYTES,
    docx_bytes,
    pdf_bytes,
    photos_zip_bytes,
    stored_files,
    upload,
)

TUESDAY = datetime.date(2027, 6, 15)
NOW = timezone.make_aware(datetime.datetime(2027, 6, 1, 10))


@pytest.fixture
def item(meeting):
    return services.add_agenda_item(meeting=meeting, title="Partnership standards", purpose="decision")


@pytest.fixture
def paper(item):
    return services.add_paper(agenda_item=item, **COVER_SHEET)


def circulate(meeting, chair, secretariat):
    services.agree_agenda(meeting=meeting, by=chair)
    services.circulate_agenda(meeting=meeting, by=secretariat, now=NOW)


def test_a_paper_carries_the_cover_sheet(item):
    paper = services.add_paper(agenda_item=item, **{**COVER_SHEET, "title": "  Meeting the new Standards "})
    paper.refresh_from_db()
    assert paper.title == "Meeting the new Standards"
    assert paper.prepared_by == "Jamie O'Reilly"
    assert paper.get_purpose_display() == "For decision"
    assert not paper.is_late


def test_a_paper_needs_a_title(item):
    with pytest.raises(RuleBroken, match="Give the paper a title.") as refusal:
        services.add_paper(agenda_item=item, **{**COVER_SHEET, "title": "  "})
    assert refusal.value.field == "title"
    assert not Paper.objects.exists()


def test_a_paper_after_circulation_is_late_and_says_why(item, meeting, chair, secretariat):
    circulate(meeting, chair, secretariat)
    with pytest.raises(RuleBroken) as refusal:
        services.add_paper(agenda_item=item, **COVER_SHEET)
    assert refusal.value.message == (
        "The agenda and papers have gone out, so this is a late paper: say why it could not go out with them (ToR 5.7)."
    )
    assert refusal.value.field == "late_reason"
    assert not Paper.objects.exists()

    paper = services.add_paper(agenda_item=item, late_reason="Figures came in on Friday.", **COVER_SHEET)
    assert paper.is_late
    assert paper.late_reason == "Figures came in on Friday."


def test_a_late_paper_keeps_its_reason(item, meeting, chair, secretariat):
    circulate(meeting, chair, secretariat)
    paper = services.add_paper(agenda_item=item, late_reason="Figures came in on Friday.", **COVER_SHEET)
    with pytest.raises(RuleBroken, match="A late paper keeps its reason"):
        services.update_paper(paper=paper, late_reason=" ")
    paper.refresh_from_db()
    assert paper.late_reason == "Figures came in on Friday."


def test_no_paper_once_the_meeting_is_held(item, meeting):
    meeting.status = MeetingStatus.HELD
    meeting.save()
    with pytest.raises(RuleBroken, match="The meeting has been held"):
        services.add_paper(agenda_item=item, **COVER_SHEET)
    assert not Paper.objects.exists()


def test_the_cover_sheet_is_changed(paper):
    services.update_paper(paper=paper, recommendations="That the Board notes the report.", purpose="information")
    paper.refresh_from_db()
    assert paper.recommendations == "That the Board notes the report."
    assert paper.purpose == "information"
    assert paper.history.count() == 2


def test_a_paper_is_removed_with_its_files(paper, secretariat, media, django_capture_on_commit_callbacks):
    services.attach_file(paper=paper, upload=upload("standards.pdf", pdf_bytes("Standards")), by=secretariat)
    assert len(stored_files(media)) == 1
    with django_capture_on_commit_callbacks(execute=True):
        services.remove_paper(paper=paper)
    assert not Paper.objects.exists()
    assert not PaperFile.objects.exists()
    assert stored_files(media) == []


def test_a_paper_stays_once_the_agenda_has_gone_out(paper, meeting, chair, secretariat):
    circulate(meeting, chair, secretariat)
    with pytest.raises(RuleBroken, match="this paper stays with them"):
        services.remove_paper(paper=paper)
    assert Paper.objects.filter(pk=paper.pk).exists()


def test_an_uploaded_pdf_is_kept_with_what_its_content_showed(paper, secretariat, media):
    kept = services.attach_file(
        paper=paper,
        upload=upload("../Standards report.PDF", pdf_bytes("Standards"), content_type="text/plain"),
        by=secretariat,
        now=NOW,
    )
    kept.refresh_from_db()
    assert kept.original_name == "Standards report.pdf"
    assert kept.content_type == "application/pdf"
    assert kept.size == kept.file.size
    assert kept.uploaded_at == NOW
    assert kept.uploaded_by == secretariat
    assert kept.file.name.startswith(f"papers/{paper.agenda_item.meeting_id}/{paper.pk}/")
    assert stored_files(media) == [media / kept.file.name]


def test_a_docx_is_known_by_its_content(paper, secretariat, media):
    kept = services.attach_file(paper=paper, upload=upload("appendix", docx_bytes()), by=secretariat)
    assert kept.content_type == "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    assert kept.original_name == "appendix.docx"


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("fake.pdf", b"This is plain text pretending to be a PDF."),
        ("setup.docx", EXE_BYTES),
        ("photos.docx", photos_zip_bytes()),
    ],
)
def test_a_file_that_is_no_document_is_refused_and_nothing_is_stored(paper, secretariat, media, name, data):
    with pytest.raises(RuleBroken) as refusal:
        services.attach_file(paper=paper, upload=upload(name, data), by=secretariat)
    assert refusal.value.message == (
        f"The selected file “{name}” must be a PDF, DOCX, XLSX or ODT (a PDF, a Word document, an Excel "
        "workbook or an OpenDocument text). Files are checked by what they contain, not by their name."
    )
    assert refusal.value.field == "file"
    assert not PaperFile.objects.exists()
    assert stored_files(media) == []


def test_a_file_over_the_limit_is_refused_and_nothing_is_stored(paper, secretariat, media, settings):
    settings.PAPER_MAX_UPLOAD_BYTES = 2048
    data = pdf_bytes("Too big") + b"\n%" + b"x" * 4096
    with pytest.raises(RuleBroken) as refusal:
        services.attach_file(paper=paper, upload=upload("big.pdf", data), by=secretariat)
    assert (
        refusal.value.message
        == f"The selected file “big.pdf” is {round(len(data) / 1024)} KB: it must be 2 KB or smaller."
    )
    assert not PaperFile.objects.exists()
    assert stored_files(media) == []


def test_a_file_whose_row_fails_leaves_nothing_on_the_disk(paper, secretariat, media, monkeypatch):
    def fail(*args, **kwargs):
        raise OSError("database gone")

    monkeypatch.setattr(PaperFile, "save", fail)
    with pytest.raises(OSError, match="database gone"):
        services.attach_file(paper=paper, upload=upload("standards.pdf", pdf_bytes("Standards")), by=secretariat)
    assert stored_files(media) == []


def test_no_upload_once_the_meeting_is_held(paper, meeting, secretariat, media):
    meeting.status = MeetingStatus.HELD
    meeting.save()
    with pytest.raises(RuleBroken, match="The meeting has been held"):
        services.attach_file(paper=paper, upload=upload("standards.pdf", pdf_bytes("Standards")), by=secretariat)
    assert stored_files(media) == []


def test_a_file_is_removed_from_the_paper_and_the_disk(paper, secretariat, media, django_capture_on_commit_callbacks):
    kept = services.attach_file(paper=paper, upload=upload("standards.pdf", pdf_bytes("Standards")), by=secretariat)
    with django_capture_on_commit_callbacks(execute=True):
        services.remove_file(paper_file=kept)
    assert not PaperFile.objects.exists()
    assert stored_files(media) == []
    assert kept.history.filter(history_type="-").exists()
