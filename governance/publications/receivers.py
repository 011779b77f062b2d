"""Keeping the index up to date when meetings publish something (meetings.signals) or a plan
summary is published or withdrawn (actionplans.signals), each sent once its transaction
commits. The hourly sweep (`sync_publications`) catches anything missed."""

from .sync import sync_meeting, sync_plans


def meeting_published_or_changed(sender, *, meeting_id, **kwargs) -> None:
    sync_meeting(meeting_id)


def plan_published_or_withdrawn(sender, *, partnership_id, **kwargs) -> None:
    sync_plans(partnership_id)


def connect() -> None:
    from actionplans.signals import plan_published, plan_withdrawn
    from meetings.signals import meeting_published, minutes_published

    meeting_published.connect(meeting_published_or_changed, dispatch_uid="publications.sync.meeting_published")
    minutes_published.connect(meeting_published_or_changed, dispatch_uid="publications.sync.minutes_published")
    plan_published.connect(plan_published_or_withdrawn, dispatch_uid="publications.sync.plan_published")
    plan_withdrawn.connect(plan_published_or_withdrawn, dispatch_uid="publications.sync.plan_withdrawn")
