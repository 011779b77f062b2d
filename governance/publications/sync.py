"""Keeping the publications index in step with what meetings have published. A document the
public may read gets a row (kept by its key); a row no longer public (an item made
confidential, a meeting made private) is deleted; a row whose content did not change is left
as it was, published_at and all. A new row's published_at is when its record was published
(the agenda circulated, the minutes confirmed, the plan's summary published), not when it was
indexed. Two syncs of the same rows at once (a worker and the hourly sweep, say) cannot both
add a row: the second to commit finds the row there and tries once more, adding nothing twice.
Control characters are stripped from everything stored. New rows are announced with
`publications_added` once the transaction commits, for the subscribers' emails."""

import datetime

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone, translation

from meetings.models import Meeting, PaperFile
from partnership.models import Partnership

from ..models_publications import Publication, PublicationKind
from .clean_text import without_control_characters
from .documents import Document, meeting_documents, plan_documents
from .pdf_text import pdf_text
from .signals import publications_added

CONTENT_FIELDS = ("kind", "title", "summary", "text", "path", "fingerprint", "updated_at")


def sync_meeting(meeting_id: int, *, now: datetime.datetime | None = None) -> list[Publication]:
    """Bring the meeting's rows in line with what the public may read of it; returns the rows
    added. A fixed number of queries whatever the size of the agenda. Kept in the site's
    language whoever asked for it."""
    with translation.override(settings.LANGUAGE_CODE):
        return _sync_meeting(meeting_id, now=now)


def _sync_meeting(meeting_id: int, *, now: datetime.datetime | None) -> list[Publication]:
    meeting = Meeting.objects.select_related("partnership").filter(pk=meeting_id).first()
    documents = meeting_documents(meeting) if meeting is not None else []
    partnership_id = meeting.partnership_id if meeting is not None else None
    rows = Publication.objects.filter(meeting_id=meeting_id)
    return _keep(rows, documents, partnership_id=partnership_id, meeting_id=meeting_id, now=now)


def sync_plans(partnership_id: int, *, now: datetime.datetime | None = None) -> list[Publication]:
    """Bring the partnership's plan rows in line with the plan summaries it has published, in
    the site's language whoever asked for it."""
    with translation.override(settings.LANGUAGE_CODE):
        return _sync_plans(partnership_id, now=now)


def _sync_plans(partnership_id: int, *, now: datetime.datetime | None) -> list[Publication]:
    partnership = Partnership.objects.filter(pk=partnership_id).first()
    documents = plan_documents(partnership) if partnership is not None else []
    rows = Publication.objects.filter(partnership_id=partnership_id, kind=PublicationKind.PLAN)
    return _keep(rows, documents, partnership_id=partnership_id, meeting_id=None, now=now)


def sync_all(*, now: datetime.datetime | None = None) -> int:
    """The sweep: every public meeting, every meeting that still has rows (one made private
    since), and every partnership's plans. Returns how many rows were added."""
    meeting_ids = set(Meeting.objects.filter(is_public=True).values_list("pk", flat=True))
    meeting_ids |= set(Publication.objects.filter(meeting__isnull=False).values_list("meeting_id", flat=True))
    added = sum(len(sync_meeting(meeting_id, now=now)) for meeting_id in sorted(meeting_ids))
    for partnership_id in Partnership.objects.order_by("pk").values_list("pk", flat=True):
        added += len(sync_plans(partnership_id, now=now))
    return added


def _keep(rows, documents: list[Document], *, partnership_id, meeting_id, now) -> list[Publication]:
    """Make `rows` (the index's rows of one meeting, or of one partnership's plans) hold exactly
    `documents`: delete the rest, add the new, update the changed; returns the rows added. When
    another sync added one of the same rows first, this one starts again from what it added."""
    now = now or timezone.now()
    try:
        return _keep_once(rows, documents, partnership_id=partnership_id, meeting_id=meeting_id, now=now)
    except IntegrityError:
        return _keep_once(rows, documents, partnership_id=partnership_id, meeting_id=meeting_id, now=now)


def _keep_once(rows, documents: list[Document], *, partnership_id, meeting_id, now) -> list[Publication]:
    with transaction.atomic():
        # Locked in the order every other locker of the index uses (by pk), so two never deadlock.
        existing = {row.key: row for row in rows.select_for_update().order_by("pk")}
        # taken from the public record before the PDFs' words are added, so an unchanged paper's
        # files are not read again
        fingerprints = {document.key: document.fingerprint for document in documents}
        gone = [row.pk for key, row in existing.items() if key not in fingerprints]
        if gone:
            Publication.objects.filter(pk__in=gone).delete()
        changed = [d for d in documents if d.key not in existing or existing[d.key].fingerprint != fingerprints[d.key]]
        _add_pdf_text(changed)
        added, updated = [], []
        for document in changed:
            row = existing.get(document.key)
            if row is None:
                row = Publication(
                    key=document.key,
                    partnership_id=partnership_id,
                    meeting_id=meeting_id,
                    published_at=document.published_at or now,
                )
                added.append(row)
            else:
                updated.append(row)
            _fill(row, document, fingerprints[document.key], now)
        if added:
            Publication.objects.bulk_create(added)
        if updated:
            Publication.objects.bulk_update(updated, CONTENT_FIELDS)
        if added:
            _announce_on_commit(partnership_id, added)
    return added


def _fill(row: Publication, document: Document, fingerprint: str, now: datetime.datetime) -> None:
    row.kind, row.title, row.summary, row.text, row.path = (
        document.kind,
        without_control_characters(document.title)[:400],
        without_control_characters(document.summary),
        without_control_characters(document.text),
        document.path[:500],
    )
    row.fingerprint = fingerprint
    row.updated_at = now


def _add_pdf_text(documents: list[Document]) -> None:
    """Append the words of the uploaded PDFs of the documents that changed, in one query."""
    wanted = {pk for document in documents for pk in document.pdf_file_pks}
    if not wanted:
        return
    files = {row.pk: row.file for row in PaperFile.objects.filter(pk__in=wanted).only("pk", "file")}
    for document in documents:
        texts = [pdf_text(files[pk]) for pk in document.pdf_file_pks if pk in files]
        document.text = "\n".join([document.text, *texts]).strip()


def _announce_on_commit(partnership_id: int, added: list[Publication]) -> None:
    added = sorted(added, key=lambda row: row.pk or 0)
    transaction.on_commit(
        lambda: publications_added.send(sender=Publication, partnership_id=partnership_id, publications=added)
    )
