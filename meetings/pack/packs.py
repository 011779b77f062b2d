"""Asking for a meeting's agenda pack, and making it.

A pack is kept until what it was made from changes: its fingerprint is a hash of the agenda,
the papers and their files as the pack shows them, so asking again after any change finds the
stored pack stale and queues a new one. Making it is the Celery task's work (meetings.tasks)."""

import datetime

from django.db import transaction
from django.utils import timezone

from partnership.documents import is_still_being_made, make_and_keep

from ..models import Meeting, PaperFile
from ..models_pack import AgendaPack, PackStatus, PackVariant
from ..tasks import build_agenda_pack
from .contents import contents_for
from .render import render_pack


def _paper_storage():
    return PaperFile._meta.get_field("file").storage


def request_pack(
    *, meeting: Meeting, variant: str, now: datetime.datetime | None = None, rebuild: bool = False
) -> AgendaPack:
    """The meeting's pack of this variant. When the stored one is current it is ready to serve;
    otherwise its making is queued (once, however often it is asked for) and the row returned
    says how far it has got. `rebuild` makes it again whatever is stored (a file gone missing)."""
    now = now or timezone.now()
    fingerprint = contents_for(meeting.pk, variant).fingerprint()
    with transaction.atomic():
        pack, _ = AgendaPack.objects.select_for_update().get_or_create(meeting_id=meeting.pk, variant=variant)
        if pack.fingerprint == fingerprint and not rebuild:
            if pack.is_ready:
                return pack
            if is_still_being_made(status=pack.status, requested_at=pack.requested_at, now=now):
                return pack
        pack.fingerprint = fingerprint
        pack.status = PackStatus.QUEUED
        pack.progress = 0
        pack.requested_at = now
        pack.save(update_fields=["fingerprint", "status", "progress", "requested_at"])
        transaction.on_commit(lambda: build_agenda_pack.delay(meeting.pk, variant))
    pack.refresh_from_db()  # a worker (or an eager task) may have got on with it already
    return pack


def members_pack(meeting: Meeting, *, now: datetime.datetime | None = None, rebuild: bool = False) -> AgendaPack:
    """Everything on the agenda, confidential items and their papers included."""
    return request_pack(meeting=meeting, variant=PackVariant.MEMBERS, now=now, rebuild=rebuild)


def public_pack(meeting: Meeting, *, now: datetime.datetime | None = None) -> AgendaPack | None:
    """The pack the public may read: None until the meeting is published (a public meeting
    whose agenda has gone out); then without confidential items or their papers."""
    if not meeting.is_published:
        return None
    return request_pack(meeting=meeting, variant=PackVariant.PUBLIC, now=now)


def build_pack(*, meeting_id: int, variant: str, now: datetime.datetime | None = None) -> AgendaPack | None:
    """Make the pack from the agenda as it is now and keep it. Safe to run twice: a pack that
    is already current is left as it is."""
    if not Meeting.objects.filter(pk=meeting_id).exists():
        return None
    contents = contents_for(meeting_id, variant)
    fingerprint = contents.fingerprint()
    pack, _ = AgendaPack.objects.get_or_create(meeting_id=meeting_id, variant=variant)
    if pack.is_ready and pack.fingerprint == fingerprint:
        return pack
    paper_storage = _paper_storage()
    return make_and_keep(
        pack,
        fingerprint=fingerprint,
        make=lambda progress: render_pack(
            contents, open_file=lambda name: paper_storage.open(name, "rb"), progress=progress
        ),
        filename=f"{variant}-{fingerprint[:16]}.pdf",
        now=now or timezone.now(),
    )
