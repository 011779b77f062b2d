"""Keeping the index up to date when meetings publish or change something (meetings.signals) or
a plan summary is published, edited or withdrawn (actionplans.signals), each sent once its
transaction commits. The receivers only enqueue the sync (governance.tasks): reading PDFs and
telling subscribers happen in a worker, so nothing there can fail the request that made the
change. Should the queue itself be out of reach, the change stands and the hourly sweep
(`sync_publications`) catches up."""

import logging

from ..tasks import sync_meeting_publications, sync_plan_publications

logger = logging.getLogger(__name__)


def enqueue(task, *arguments) -> None:
    """Ask a worker to run `task`; a queue out of reach is logged, never raised, for the change
    that called for it has committed."""
    try:
        task.delay(*arguments)
    except Exception:  # noqa: BLE001 - the change has committed; the hourly sweep catches up
        logger.exception("Could not enqueue %s%s; the hourly sweep will catch up", task.name, arguments)


def meeting_published_or_changed(sender, *, meeting_id, **kwargs) -> None:
    enqueue(sync_meeting_publications, meeting_id)


def plan_published_or_withdrawn(sender, *, partnership_id, **kwargs) -> None:
    enqueue(sync_plan_publications, partnership_id)


def connect() -> None:
    from actionplans.signals import plan_published, plan_withdrawn
    from meetings.signals import meeting_published, minutes_published

    meeting_published.connect(meeting_published_or_changed, dispatch_uid="publications.sync.meeting_published")
    minutes_published.connect(meeting_published_or_changed, dispatch_uid="publications.sync.minutes_published")
    plan_published.connect(plan_published_or_withdrawn, dispatch_uid="publications.sync.plan_published")
    plan_withdrawn.connect(plan_published_or_withdrawn, dispatch_uid="publications.sync.plan_withdrawn")
