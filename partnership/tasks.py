"""Celery tasks of the core: sending what the outbox holds."""

from celery import shared_task

from .notifications.delivery import deliver_waiting


class NotificationsNotSentError(Exception):
    """Some notifications failed to send this time; the task tries again later."""


@shared_task(
    acks_late=True,
    reject_on_worker_lost=True,
    autoretry_for=(NotificationsNotSentError,),
    retry_backoff=60,
    retry_backoff_max=3600,
    max_retries=5,
)
def deliver_notifications() -> int:
    """Send every notification waiting; safe to run twice or in two workers at once, since each
    row is claimed before it is sent. Returns how many were sent."""
    result = deliver_waiting()
    if result.failed:
        raise NotificationsNotSentError(f"{len(result.failed)} notification(s) could not be sent")
    return len(result.sent)
