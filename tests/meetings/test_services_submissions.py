"""Members and officers submit papers for a meeting; the secretariat accepts or returns them."""

import datetime

import pytest
from django.utils import timezone

from meetings import services
from meetings.models import PaperSubmission, SubmissionStatus
from partnership.errors import RuleBroken
from tests.meetings.papers_support import EXE_BYTES, pdf_bytes, stored_files, upload

TUESDAY = datetime.date(2027, 6, 15)


def submit(meeting, by, **extra):
    return services.submit_paper(
        meeting=meeting,
        by=by,
        title="Night-time economy: Rugby town centre",
        summary="Proposals for the winter.",
        purpose="decision",
        presenter="Insp Rob Finch",
        **extra,
    )


def test_a_member_submits_a_paper_with_a_document(meeting, member, media):
    submission = submit(meeting, member, upload=upload("proposal.pdf", pdf_bytes("Winter proposals")))
    assert submission.status == SubmissionStatus.SUBMITTED
    assert submission.original_name == "proposal.pdf"
    assert len(stored_files(media)) == 1


def test_a_file_that_is_not_a_paper_is_refused_and_nothing_stored(meeting, member, media):
    with pytest.raises(RuleBroken, match="must be a PDF, DOCX, XLSX or ODT"):
        submit(meeting, member, upload=upload("proposal.docx", EXE_BYTES))
    assert not PaperSubmission.objects.exists()
    assert stored_files(media) == []


def test_a_submission_needs_a_title_and_a_summary(meeting, member):
    with pytest.raises(RuleBroken, match="Say in a few lines what the paper is about") as refusal:
        services.submit_paper(meeting=meeting, by=member, title="Something", summary=" ")
    assert refusal.value.field == "summary"
    assert not PaperSubmission.objects.exists()


def test_accepting_puts_it_on_the_agenda_with_its_paper_and_document(meeting, member, secretariat, media):
    submission = submit(meeting, member, upload=upload("proposal.pdf", pdf_bytes("Winter proposals")))
    services.accept_submission(submission=submission, by=secretariat)
    submission.refresh_from_db()
    item = submission.agenda_item
    assert submission.status == SubmissionStatus.ACCEPTED
    assert item.title == "Night-time economy: Rugby town centre"
    paper = item.papers.get()
    assert paper.summary == "Proposals for the winter."
    assert paper.files.get().original_name == "proposal.pdf"


def test_after_circulation_an_accepted_paper_is_a_late_item_with_a_reason(meeting, member, chair, secretariat):
    services.agree_agenda(meeting=meeting, by=chair)
    services.circulate_agenda(meeting=meeting, by=secretariat, now=timezone.make_aware(datetime.datetime(2027, 6, 1)))
    submission = submit(meeting, member)
    with pytest.raises(RuleBroken, match="this is a late item"):
        services.accept_submission(submission=submission, by=secretariat)
    submission.refresh_from_db()
    assert submission.status == SubmissionStatus.SUBMITTED
    assert meeting.agenda_items.count() == 4
    services.accept_submission(submission=submission, by=secretariat, late_reason="The licensing deadline is Friday.")
    submission.refresh_from_db()
    assert submission.agenda_item.is_late
    assert submission.agenda_item.awaits_chair


def test_returning_needs_a_reason_and_is_decided_once(meeting, member, secretariat):
    submission = submit(meeting, member)
    with pytest.raises(RuleBroken, match="Say why the paper is returned"):
        services.return_submission(submission=submission, by=secretariat, reason="")
    services.return_submission(submission=submission, by=secretariat, reason="Take it to the licensing sub-group.")
    submission.refresh_from_db()
    assert submission.status == SubmissionStatus.RETURNED
    with pytest.raises(RuleBroken, match="has been returned already"):
        services.accept_submission(submission=submission, by=secretariat)
    assert meeting.agenda_items.count() == 4
