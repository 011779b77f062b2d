"""Celery tasks of the action plans: thin, taking primary keys, safe to run again."""

from celery import shared_task

from .importing.kept_files import discard_abandoned


@shared_task(acks_late=True)
def discard_abandoned_import_previews() -> int:
    """Delete the uploaded plans whose preview was left unconfirmed for a day; returns how many."""
    return discard_abandoned()


@shared_task(acks_late=True, reject_on_worker_lost=True)
def build_quarterly_report(partnership_id: int, quarter: str) -> str:
    """Make the partnership's quarterly report ("2027Q1") unless the stored one is current."""
    from .reporting.reports import build_report  # the reports module queues this task, so it is imported here

    report = build_report(partnership_id=partnership_id, quarter=quarter)
    return report.status if report is not None else "no such partnership"
