"""What every document made in the background shares (the agenda pack, the quarterly report):
its states, when a request for it is taken to be lost, sending the stored PDF, and the answer
that says "being made, ask again shortly"."""

import datetime
from collections.abc import Callable

from django.core.files.base import ContentFile
from django.db import models, transaction
from django.http import FileResponse
from django.utils.translation import gettext_lazy as _

# Asked for again when a program should look back for a document still being made.
RETRY_AFTER_SECONDS = 5
# A document queued or being made for longer than this is taken to be lost (a worker died) and asked for again.
STUCK_AFTER = datetime.timedelta(minutes=15)


class DocumentStatus(models.TextChoices):
    QUEUED = "queued", _("Waiting to be made")
    BUILDING = "building", _("Being made")
    READY = "ready", _("Ready")
    FAILED = "failed", _("Could not be made")


class StoredDocument(models.Model):
    """A document as last made (the agenda pack, the quarterly report): what it was made from
    (a hash of it), how far its making has got, and when it was asked for and made. Each kind
    adds its own file field, stored where only a permission-checked view serves it."""

    # partnership/records_version.py: its making (progress written as it goes) changes no
    # record; the pages that show a document's state are not kept.
    bookkeeping = True
    fingerprint = models.CharField(max_length=64, blank=True)
    status = models.CharField(max_length=10, choices=DocumentStatus.choices, default=DocumentStatus.QUEUED)
    progress = models.PositiveSmallIntegerField(default=0, help_text=_("Per cent done while it is being made."))
    requested_at = models.DateTimeField(null=True, blank=True)
    built_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        abstract = True

    @property
    def is_ready(self) -> bool:
        return self.status == DocumentStatus.READY and bool(self.file)


def is_still_being_made(*, status: str, requested_at: datetime.datetime | None, now: datetime.datetime) -> bool:
    """Queued or being made, and asked for recently enough that a worker is still on it."""
    waiting = status in (DocumentStatus.QUEUED, DocumentStatus.BUILDING)
    return waiting and requested_at is not None and requested_at > now - STUCK_AFTER


def pdf_file_response(stored_file, *, filename: str, cache_control: str, as_attachment: bool = False) -> FileResponse:
    """The stored PDF as a response. Raises FileNotFoundError when the file has gone missing,
    so the caller can have it made again."""
    response = FileResponse(
        stored_file.open("rb"), content_type="application/pdf", filename=filename, as_attachment=as_attachment
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = cache_control
    return response


def retry_later(response):
    """Mark a 'being made' answer: ask again shortly, and do not keep this answer."""
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response


def make_and_keep(
    row,
    *,
    fingerprint: str,
    make: Callable[[Callable[[int], None]], bytes],
    filename: str,
    now: datetime.datetime,
):
    """Make a document and keep it on its row (a model with status, progress, fingerprint,
    file and built_at): `make(progress)` returns the PDF's bytes, telling progress (per cent)
    as it goes; the file is saved where the row's file field puts `filename`, the row marked
    ready, and the file it replaces deleted once that is committed. A failure marks the row
    failed and is raised. Progress is written outside any transaction, so the page asking can
    see it move; a newer request (another fingerprint) is not overwritten by this one's."""
    model = type(row)
    this_build = model.objects.filter(pk=row.pk, fingerprint=fingerprint)
    model.objects.filter(pk=row.pk).update(status=DocumentStatus.BUILDING, progress=5, fingerprint=fingerprint)
    try:
        pdf = make(lambda percent: this_build.update(progress=percent))
    except Exception:
        this_build.update(status=DocumentStatus.FAILED)
        raise
    field = model._meta.get_field("file")
    storage = field.storage
    name = storage.save(field.generate_filename(row, filename), ContentFile(pdf))
    with transaction.atomic():
        row = model.objects.select_for_update().get(pk=row.pk)
        old = row.file.name
        row.file.name = name
        row.fingerprint = fingerprint
        row.status = DocumentStatus.READY
        row.progress = 100
        row.built_at = now
        row.save()
        if old and old != name:
            transaction.on_commit(lambda: storage.delete(old))
    return row
