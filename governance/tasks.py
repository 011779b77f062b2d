"""Celery tasks of the engine: thin, safe to run again."""

from celery import shared_task

from partnership.notifications.delivery import waiting_exists
from partnership.tasks import deliver_notifications

from .deadlines.sweep import run_sweep


@shared_task(acks_late=True, reject_on_worker_lost=True)
def sweep_deadlines() -> int:
    """Record what today's deadlines call for, then make sure everything waiting is sent,
    including what an earlier worker claimed and never finished. Returns how many were recorded."""
    recorded = run_sweep()
    if not recorded and waiting_exists():
        deliver_notifications.delay()
    return len(recorded)
