"""Celery tasks: thin, taking primary keys, safe to run again: the emails are recorded in the
outbox under a key, so a task run twice records and sends nothing twice."""

from celery import shared_task

from .models import Meeting, Minutes, MinutesStatus, WrittenProposal
from .notifications import email_members_agenda, email_members_minutes, email_members_written_proposal


@shared_task(acks_late=True, reject_on_worker_lost=True)
def email_agenda_circulated(meeting_id: int) -> int:
    """Email each active member that the agenda is out; returns how many were recorded."""
    meeting = Meeting.objects.select_related("partnership").filter(pk=meeting_id).first()
    if meeting is None or not meeting.is_circulated:
        return 0
    return email_members_agenda(meeting)


@shared_task(acks_late=True, reject_on_worker_lost=True)
def build_agenda_pack(meeting_id: int, variant: str) -> str:
    """Make the meeting's agenda pack ("members" or "public") unless the stored one is current."""
    from .pack.packs import build_pack  # the pack module queues this task, so it is imported here

    pack = build_pack(meeting_id=meeting_id, variant=variant)
    return pack.status if pack is not None else "no such meeting"


@shared_task(acks_late=True, reject_on_worker_lost=True)
def email_minutes_circulated(minutes_id: int) -> int:
    """Email each active member that the approved minutes are out; returns how many were recorded."""
    minutes = Minutes.objects.select_related("meeting__partnership").filter(pk=minutes_id).first()
    if minutes is None or minutes.status != MinutesStatus.CIRCULATED:
        return 0
    return email_members_minutes(minutes)


@shared_task(acks_late=True, reject_on_worker_lost=True)
def email_written_proposal(proposal_id: int) -> int:
    """Ask each active member to respond to a decision put to them in writing."""
    proposal = WrittenProposal.objects.select_related("partnership").filter(pk=proposal_id).first()
    if proposal is None or not proposal.is_open:
        return 0
    return email_members_written_proposal(proposal)
