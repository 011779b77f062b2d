"""Papers for agenda items, with the cover sheet every board paper carries (seed 002), and
their uploaded files. Papers go out with the agenda (ToR 5.7): one added after that is late
and says why. Once the meeting has been held its papers are part of the record."""

import datetime

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _

from partnership.errors import RuleBroken
from partnership.services.common import rule_service

from .. import uploads
from ..models import AgendaItem, Paper, PaperFile, Purpose
from ..signals import announce_meeting_change_on_commit
from .agenda import agenda_changed, check_open, delete_files_on_commit, lock_meeting

PAPER_FIELDS = (
    "title",
    "prepared_by",
    "presenting",
    "leading_partners",
    "summary",
    "recommendations",
    "financial_hr_implications",
    "equality_implications",
    "purpose",
)


def _check_fields(fields: dict) -> dict:
    unknown = set(fields) - set(PAPER_FIELDS)
    if unknown:
        raise TypeError(f"unknown paper fields: {sorted(unknown)}")
    if "title" in fields and not (fields["title"] or "").strip():
        raise RuleBroken(_("Give the paper a title."), field="title")
    if "purpose" in fields and fields["purpose"] not in Purpose.values:
        raise RuleBroken(_("Say whether the paper is for decision, discussion or information."), field="purpose")
    return {name: value.strip() if isinstance(value, str) else value for name, value in fields.items()}


@rule_service
def add_paper(
    *,
    agenda_item: AgendaItem,
    title: str,
    prepared_by: str = "",
    presenting: str = "",
    leading_partners: str = "",
    summary: str = "",
    recommendations: str = "",
    financial_hr_implications: str = "",
    equality_implications: str = "",
    purpose: str = Purpose.DISCUSSION,
    late_reason: str = "",
) -> Paper:
    """A paper for the item. Once the agenda has gone out it is a late paper, which says why it
    could not go out with the agenda (ToR 5.7)."""
    meeting = lock_meeting(agenda_item.meeting)
    check_open(meeting)
    agenda_changed(meeting)  # the chair agrees the papers that go out, too
    fields = _check_fields(
        {
            "title": title,
            "prepared_by": prepared_by,
            "presenting": presenting,
            "leading_partners": leading_partners,
            "summary": summary,
            "recommendations": recommendations,
            "financial_hr_implications": financial_hr_implications,
            "equality_implications": equality_implications,
            "purpose": purpose,
        }
    )
    late = meeting.is_circulated
    if late and not late_reason.strip():
        raise RuleBroken(
            _(
                "The agenda and papers have gone out, so this is a late paper: say why it could not go out with them "
                "(ToR 5.7)."
            ),
            field="late_reason",
        )
    paper = Paper.objects.create(
        agenda_item=agenda_item, is_late=late, late_reason=late_reason.strip() if late else "", **fields
    )
    announce_meeting_change_on_commit(meeting)
    return paper


@rule_service
def update_paper(*, paper: Paper, late_reason: str | None = None, **fields) -> Paper:
    """Change the cover sheet. A late paper keeps its reason."""
    meeting = lock_meeting(paper.agenda_item.meeting)  # the meeting first, as every agenda service locks
    paper = Paper.objects.select_for_update().get(pk=paper.pk)
    check_open(meeting)
    agenda_changed(meeting)  # the chair agrees the papers that go out, too
    fields = _check_fields(fields)
    if late_reason is not None and paper.is_late:
        if not late_reason.strip():
            raise RuleBroken(_("A late paper keeps its reason (ToR 5.7)."), field="late_reason")
        paper.late_reason = late_reason.strip()
    for name, value in fields.items():
        setattr(paper, name, value)
    paper.save()
    announce_meeting_change_on_commit(meeting)
    return paper


@rule_service
def remove_paper(*, paper: Paper) -> None:
    """Take a paper, and its files, off the agenda before it goes out."""
    paper = Paper.objects.select_related("agenda_item").get(pk=paper.pk)
    meeting = lock_meeting(paper.agenda_item.meeting)
    check_open(meeting)
    agenda_changed(meeting)  # the chair agrees the papers that go out, too
    if meeting.is_circulated:
        raise RuleBroken(
            _(
                "The agenda and papers have gone out, so this paper stays with them: the meeting can withdraw it "
                "and the minutes say so."
            )
        )
    delete_files_on_commit(paper.files.all())
    paper.delete()
    announce_meeting_change_on_commit(meeting)


@rule_service
def attach_file(*, paper: Paper, upload, by, now: datetime.datetime | None = None) -> PaperFile:
    """Keep an uploaded file with the paper. Its kind is judged by its content (PDF, DOCX, XLSX,
    ODT) and its size by PAPER_MAX_UPLOAD_BYTES; a file refused leaves nothing behind."""
    paper = Paper.objects.select_related("agenda_item").get(pk=paper.pk)
    meeting = lock_meeting(paper.agenda_item.meeting)
    check_open(meeting)
    agenda_changed(meeting)  # the chair agrees the papers that go out, too
    kind = uploads.check_upload(upload, max_bytes=settings.PAPER_MAX_UPLOAD_BYTES)
    name = uploads.safe_name(upload.name, kind)
    paper_file = PaperFile(
        paper=paper,
        original_name=name,
        content_type=kind.content_type,
        size=upload.size,
        uploaded_at=now or timezone.now(),
        uploaded_by=by,
    )
    upload.seek(0)
    paper_file.file.save(name, upload, save=False)
    try:
        paper_file.save()
    except BaseException:
        paper_file.file.storage.delete(paper_file.file.name)  # the row failed: no orphan on the disk
        raise
    announce_meeting_change_on_commit(meeting)
    return paper_file


@rule_service
def remove_file(*, paper_file: PaperFile) -> None:
    """Take a file off a paper (a wrong file uploaded, say) until the meeting is held; the
    paper's history keeps a record that it was there."""
    paper_file = PaperFile.objects.select_related("paper__agenda_item").get(pk=paper_file.pk)
    meeting = lock_meeting(paper_file.paper.agenda_item.meeting)
    check_open(meeting)
    agenda_changed(meeting)  # the chair agrees the papers that go out, too
    delete_files_on_commit([paper_file])
    paper_file.delete()
    announce_meeting_change_on_commit(meeting)
