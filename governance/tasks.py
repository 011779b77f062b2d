"""Celery tasks of the engine: thin, safe to run again."""

from celery import shared_task

from partnership.notifications.delivery import waiting_exists
from partnership.tasks import deliver_notifications

from .deadlines.announcements import record_missed_announcements
from .deadlines.sweep import run_sweep
from .models_publications import Publication
from .publications.sync import sync_all, sync_meeting, sync_plans
from .services_subscriptions import discard_unconfirmed, tell_subscribers


@shared_task(acks_late=True, reject_on_worker_lost=True)
def sweep_deadlines() -> int:
    """Record what today's deadlines call for, and the emails of announcements whose task was
    lost, then make sure everything waiting is sent, including what an earlier worker claimed
    and never finished. Returns how many were recorded."""
    recorded = len(run_sweep()) + record_missed_announcements()
    if not recorded and waiting_exists():
        deliver_notifications.delay()
    return recorded


@shared_task
def discard_unconfirmed_subscriptions() -> int:
    """Delete residents' subscriptions nobody confirmed within seven days. Returns how many."""
    return discard_unconfirmed()


@shared_task(acks_late=True, reject_on_worker_lost=True)
def sync_publications() -> int:
    """Bring the publications index in line with what is published. Returns how many rows were added."""
    return sync_all()


@shared_task(acks_late=True, reject_on_worker_lost=True)
def sync_meeting_publications(meeting_id: int) -> int:
    """Bring one meeting's rows of the index in line with what the public may read of it, after
    a change to it committed. Returns how many rows were added."""
    return len(sync_meeting(meeting_id))


@shared_task(acks_late=True, reject_on_worker_lost=True)
def sync_plan_publications(partnership_id: int) -> int:
    """Bring a partnership's plan rows of the index in line with the plans it has published.
    Returns how many rows were added."""
    return len(sync_plans(partnership_id))


@shared_task(acks_late=True, reject_on_worker_lost=True)
def tell_subscribers_of_publications(partnership_id: int, publication_ids: list[int]) -> int:
    """Email the partnership's confirmed subscribers the publications just added (those still in
    the index and not told of yet: the sweep may have told them when this task was late). Safe
    to run again: the rows are marked told. Returns how many."""
    publications = Publication.objects.filter(partnership_id=partnership_id, pk__in=publication_ids).order_by("pk")
    return len(tell_subscribers(partnership_id=partnership_id, publications=publications.only("pk")))
