"""Members and officers offer papers for a meeting; the secretariat accepts them onto the
agenda or returns them with a reason."""

import datetime

from django.conf import settings
from django.core.files import File
from django.utils import timezone
from django.utils.translation import gettext as _

from partnership.errors import RuleBroken
from partnership.services.common import rule_service

from .. import uploads
from ..models import Meeting, PaperSubmission, SubmissionStatus
from .agenda import add_agenda_item, check_open, lock_meeting
from .papers import add_paper, attach_file


@rule_service
def submit_paper(
    *,
    meeting: Meeting,
    by,
    title: str,
    summary: str,
    purpose: str = "discussion",
    presenter: str = "",
    recommendations: str = "",
    upload=None,
    now: datetime.datetime | None = None,
) -> PaperSubmission:
    """Offer a paper for the meeting, with a document if there is one (checked like any paper's)."""
    meeting = lock_meeting(meeting)
    check_open(meeting)
    if not title.strip():
        raise RuleBroken(_("Give the paper a title."), field="title")
    if not summary.strip():
        raise RuleBroken(_("Say in a few lines what the paper is about."), field="summary")
    submission = PaperSubmission(
        meeting=meeting,
        submitted_by=by,
        submitted_at=now or timezone.now(),
        title=title.strip(),
        summary=summary,
        purpose=purpose,
        presenter=presenter,
        recommendations=recommendations,
    )
    if upload is not None:
        kind = uploads.check_upload(upload, max_bytes=settings.PAPER_MAX_UPLOAD_BYTES)
        submission.original_name = uploads.safe_name(upload.name, kind)
        upload.seek(0)
        submission.file.save(submission.original_name, upload, save=False)
    try:
        submission.save()
    except BaseException:
        if submission.file:
            submission.file.storage.delete(submission.file.name)  # no orphan on the disk
        raise
    return submission


def _lock_undecided(submission: PaperSubmission) -> PaperSubmission:
    submission = PaperSubmission.objects.select_for_update().get(pk=submission.pk)
    if submission.status != SubmissionStatus.SUBMITTED:
        if submission.status == SubmissionStatus.ACCEPTED:
            raise RuleBroken(_("This paper has been accepted already."))
        raise RuleBroken(_("This paper has been returned already."))
    return submission


@rule_service
def accept_submission(
    *, submission: PaperSubmission, by, late_reason: str = "", now: datetime.datetime | None = None
) -> PaperSubmission:
    """Put the paper on the agenda as a new item with its paper (a late item once the agenda
    has gone out, which needs a reason and the chair's acceptance)."""
    submission = _lock_undecided(submission)
    item = add_agenda_item(
        meeting=submission.meeting,
        title=submission.title,
        purpose=submission.purpose,
        presenter=submission.presenter,
        late_reason=late_reason,
    )
    paper = add_paper(
        agenda_item=item,
        title=submission.title,
        presenting=submission.presenter,
        summary=submission.summary,
        recommendations=submission.recommendations,
        purpose=submission.purpose,
        late_reason=late_reason,
    )
    if submission.file:
        with submission.file.open("rb") as stored:
            attach_file(
                paper=paper, upload=File(stored, name=submission.original_name), by=submission.submitted_by, now=now
            )
    submission.status = SubmissionStatus.ACCEPTED
    submission.agenda_item = item
    submission.decided_at, submission.decided_by = now or timezone.now(), by
    submission.save()
    return submission


@rule_service
def return_submission(
    *, submission: PaperSubmission, by, reason: str, now: datetime.datetime | None = None
) -> PaperSubmission:
    submission = _lock_undecided(submission)
    if not reason.strip():
        raise RuleBroken(_("Say why the paper is returned, so its author can act on it."), field="reason")
    submission.status = SubmissionStatus.RETURNED
    submission.return_reason = reason.strip()
    submission.decided_at, submission.decided_by = now or timezone.now(), by
    submission.save()
    return submission
