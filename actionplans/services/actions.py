"""The rows of a plan: adding, changing, dating and removing actions."""

import datetime

from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from partnership.errors import RuleBroken
from partnership.services.common import check_date, required_text, rule_service

from ..models import Action, ActionPlan
from .common import check_fields
from .owners import check_owner
from .publication import announce_plan_change_on_commit

ACTION_FIELDS = (
    "section",
    "reference",
    "title",
    "method",
    "owner",
    "owner_member",
    "owner_body",
    "resources",
    "due_text",
    "due",
    "is_ongoing",
    "due_needs_checking",
    "outcomes",
    "evaluation",
    "wp_reference",
    "milestone_text",
)
TEXT_FIELDS = {"reference", "method", "owner", "resources", "due_text", "outcomes", "evaluation", "wp_reference"}


def _check_action(action: Action, today: datetime.date) -> None:
    """The rules of one action against its plan, checked on the values it would be saved with."""
    plan = action.plan
    if action.section_id is not None and action.section.plan_id != plan.pk:
        raise RuleBroken(_("The section must be one of this plan's sections."), field="section")
    check_owner(plan, action.owner_member, action.owner_body, today)
    check_date(action.due, field="due")
    if action.is_ongoing and action.due is not None:
        raise RuleBroken(_("An action is either ongoing or due by a date, not both."), field="due")


def _set(action: Action, values: dict) -> None:
    for name, value in values.items():
        if name in TEXT_FIELDS:
            value = (value or "").strip()
        setattr(action, name, value)
    action.title = required_text(action.title, field="title", message=_("Say what the action is."))


@rule_service
def add_action(
    *, plan: ActionPlan, title: str, today: datetime.date | None = None, position: int | None = None, **details
) -> Action:
    """A new row at the end of the plan (or at `position`). `owner` keeps who is responsible as
    written; `owner_member` and `owner_body` optionally link it to the register."""
    check_fields(details, ACTION_FIELDS, "action")
    today = today or timezone.localdate()
    locked = ActionPlan.objects.select_for_update().get(pk=plan.pk)  # positions are handed out one at a time
    if position is None:
        position = (plan.actions.aggregate(last=Max("position"))["last"] or 0) + 1
    action = Action(plan=plan, position=position)
    _set(action, {"title": title, **details})
    _check_action(action, today)
    action.save()
    announce_plan_change_on_commit(locked)
    return action


@rule_service
def update_action(*, action: Action, today: datetime.date | None = None, **changes) -> Action:
    """Change an action's columns. A new date or "ongoing" is given with set_action_due."""
    check_fields(changes, ACTION_FIELDS, "action")
    today = today or timezone.localdate()
    action = Action.objects.select_for_update(of=("self",)).select_related("plan").get(pk=action.pk)
    _set(action, changes)
    _check_action(action, today)
    action.save()
    announce_plan_change_on_commit(action.plan)
    return action


def check_due(due: datetime.date | None, is_ongoing: bool) -> None:
    """The rule of settling when an action is due: a date within reason, or ongoing, one of the two."""
    if due is None and not is_ongoing:
        raise RuleBroken(_("Give the date the action is due by, or say it is ongoing."), field="due")
    if due is not None and is_ongoing:
        raise RuleBroken(_("An action is either ongoing or due by a date, not both."), field="due")
    check_date(due, field="due")


def settle_due(action: Action, due: datetime.date | None, is_ongoing: bool) -> None:
    """Settled by the secretariat, so the importer's flag clears."""
    action.due = due
    action.is_ongoing = is_ongoing
    action.due_needs_checking = False


@rule_service
def set_action_due(
    *, action: Action, due: datetime.date | None = None, is_ongoing: bool = False, due_text: str | None = None
) -> Action:
    """The secretariat settles when an action is due: a date, or ongoing. A row the importer
    flagged because it could not read the words is settled by this, so the flag clears. The
    words as written stay unless new ones are given."""
    check_due(due, is_ongoing)
    action = Action.objects.select_for_update(of=("self",)).select_related("plan").get(pk=action.pk)
    settle_due(action, due, is_ongoing)
    if due_text is not None:
        action.due_text = due_text.strip()
    action.save()
    announce_plan_change_on_commit(action.plan)
    return action


@rule_service
def remove_action(*, action: Action) -> None:
    """Take a row off the plan, with its milestones. Once progress has been reported on it, it
    is part of what the partnership reported to the Public Service Board and stays."""
    action = Action.objects.select_for_update(of=("self",)).select_related("plan").get(pk=action.pk)
    if action.progress.exists():
        raise RuleBroken(
            _("Progress has been reported on this action, so it stays on the plan's record."), field="action"
        )
    action.delete()
    announce_plan_change_on_commit(action.plan)
