"""Celery tasks: thin, taking primary keys, safe to run again."""

from celery import shared_task

from .models import Meeting
from .notifications import email_members_agenda


@shared_task(acks_late=True, autoretry_for=(OSError,), retry_backoff=True, max_retries=5)
def email_agenda_circulated(meeting_id: int) -> int:
    """Email each active member that the agenda is out; returns how many were sent."""
    meeting = Meeting.objects.select_related("partnership").filter(pk=meeting_id).first()
    if meeting is None or not meeting.is_circulated:
        return 0
    return email_members_agenda(meeting)
