"""Settling the dates of many actions of a plan in one go: the secretariat checking every row
the importer could not read as a date ("To be approved by the Board by April 2008.")."""

import datetime
from collections.abc import Mapping

from django.utils.translation import gettext as _
from simple_history.utils import bulk_update_with_history

from partnership.errors import RuleBroken
from partnership.services.common import rule_service

from ..models import Action, ActionPlan
from .actions import check_due, settle_due

Due = tuple[datetime.date | None, bool]  # (the date, or None; ongoing)


def due_field(action_pk: int) -> str:
    """The field a refusal about one action's date names, so a page can show it at that row."""
    return f"action-{action_pk}-due"


@rule_service
def set_action_dues(*, plan: ActionPlan, dues: Mapping[Action, Due], by=None) -> int:
    """Settle when each given action of the plan is due: a date, or ongoing (set_action_due's
    rule, for each). All or nothing: one refusal, naming its action, and nothing is saved.
    Answers how many actions were settled. A fixed number of queries however many."""
    given = {action.pk: due for action, due in dues.items()}
    locked = {action.pk: action for action in Action.objects.select_for_update().filter(pk__in=given).order_by("pk")}
    for pk in given:
        if pk not in locked or locked[pk].plan_id != plan.pk:
            raise RuleBroken(_("The actions must be this plan's actions: reload the page and try again."))
    actions = sorted(locked.values(), key=lambda action: (action.position, action.pk))
    for action in actions:
        due, is_ongoing = given[action.pk]
        try:
            check_due(due, is_ongoing)
        except RuleBroken as broken:
            raise RuleBroken(
                _("%(action)s: %(reason)s") % {"action": action, "reason": broken.message}, field=due_field(action.pk)
            ) from broken
        settle_due(action, due, is_ongoing)
    bulk_update_with_history(actions, Action, ["due", "is_ongoing", "due_needs_checking"], default_user=by)
    return len(actions)
