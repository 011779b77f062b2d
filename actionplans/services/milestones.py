"""Milestones of an action, and the progress its owner reports."""

import datetime

from django.utils import timezone
from django.utils.translation import gettext as _

from partnership.errors import RuleBroken
from partnership.services.common import check_date, long_date, required_text, rule_service

from ..models import RECORDED_STATUSES, Action, Milestone, MilestoneStatus, ProgressUpdate
from .common import check_fields

MILESTONE_FIELDS = ("title", "due", "status", "completed_on")
RECORDED = {value for value, _label in RECORDED_STATUSES}


def _check_status(status: str, *, field: str = "status") -> None:
    if status == MilestoneStatus.OVERDUE:
        raise RuleBroken(
            _("Overdue is worked out from the due date; record not started, on track, at risk or done."), field=field
        )
    if status not in RECORDED:
        raise RuleBroken(_("Record the status as not started, on track, at risk or done."), field=field)


def _settle(milestone: Milestone, today: datetime.date, completed_on: datetime.date | None) -> None:
    """A done milestone carries the day it was done (today unless given); any other carries none."""
    check_date(milestone.due, field="due")
    _check_status(milestone.status)
    if milestone.status == MilestoneStatus.DONE:
        milestone.completed_on = completed_on or milestone.completed_on or today
        check_date(milestone.completed_on, field="completed_on")
        if milestone.completed_on > today:
            raise RuleBroken(_("A milestone cannot be done on a day still to come."), field="completed_on")
    elif completed_on is not None:
        raise RuleBroken(_("Only a milestone that is done has a day it was completed."), field="completed_on")
    else:
        milestone.completed_on = None


@rule_service
def add_milestone(
    *,
    action: Action,
    title: str,
    due: datetime.date | None = None,
    status: str = MilestoneStatus.NOT_STARTED,
    completed_on: datetime.date | None = None,
    today: datetime.date | None = None,
) -> Milestone:
    today = today or timezone.localdate()
    title = required_text(title, field="title", message=_("Give the milestone a title."))
    milestone = Milestone(action=action, title=title, due=due, status=status)
    _settle(milestone, today, completed_on)
    milestone.save()
    return milestone


@rule_service
def update_milestone(*, milestone: Milestone, today: datetime.date | None = None, **changes) -> Milestone:
    check_fields(changes, MILESTONE_FIELDS, "milestone")
    today = today or timezone.localdate()
    milestone = Milestone.objects.select_for_update().get(pk=milestone.pk)
    completed_on = changes.pop("completed_on", None)
    if "title" in changes:
        changes["title"] = required_text(changes["title"], field="title", message=_("Give the milestone a title."))
    for name, value in changes.items():
        setattr(milestone, name, value)
    _settle(milestone, today, completed_on)
    milestone.save()
    return milestone


@rule_service
def record_progress(
    *,
    action: Action,
    text: str,
    reported_on: datetime.date,
    by,
    evidence: str = "",
    milestone: Milestone | None = None,
    status: str | None = None,
    today: datetime.date | None = None,
) -> ProgressUpdate:
    """What was done on an action, on a day, with its evidence. A status given is the new status
    of the milestone the update is about (done on the day reported)."""
    today = today or timezone.localdate()
    text = required_text(text, field="text", message=_("Say what progress was made."))
    check_date(reported_on, field="reported_on")
    if reported_on > today:
        raise RuleBroken(
            _("Progress is reported on or before today, %(today)s, not on a day still to come.")
            % {"today": long_date(today)},
            field="reported_on",
        )
    if milestone is not None and milestone.action_id != action.pk:
        raise RuleBroken(_("The milestone must be one of this action's milestones."), field="milestone")
    if status:
        _check_status(status)
        if milestone is None:
            raise RuleBroken(_("Say which milestone the status is for."), field="milestone")
        milestone = Milestone.objects.select_for_update().get(pk=milestone.pk)
        milestone.status = status
        _settle(milestone, today, reported_on if status == MilestoneStatus.DONE else None)
        milestone.save()
    return ProgressUpdate.objects.create(
        action=action,
        milestone=milestone,
        reported_on=reported_on,
        text=text,
        evidence=(evidence or "").strip(),
        status=status or "",
        reported_by=by if getattr(by, "is_authenticated", False) else None,
    )
