"""Actions arising from a decision: the plan actions a decision gave rise to, created on one of
the partnership's plans from the decision, or an action already on a plan linked to it. Open
ones are carried under matters arising at the partnership's later meetings until done
(meetings/selectors_actions_arising.py).

The actions are plan records, not part of the minutes: they can still be added, linked and
unlinked after the chair has approved (or the board confirmed) the minutes of the meeting the
decision was taken at, so check_record_open is deliberately not asked here."""

import datetime

from django.utils.translation import gettext as _

from actionplans.models import Action, ActionPlan, Section
from actionplans.services import add_action
from partnership.errors import RuleBroken
from partnership.models import Member
from partnership.services.common import rule_service

from ..models import Decision, Outcome


def _lock(decision: Decision, by) -> Decision:
    """The decision's row, locked: two secretaries linking the same action at the same moment
    are taken one after the other, so the second is told it is already linked."""
    locked = Decision.objects.select_for_update(of=("self",)).get(pk=decision.pk)
    if locked.outcome == Outcome.LOST:
        raise RuleBroken(_("Decision %(number)s was lost, so no action arises from it.") % {"number": locked.number})
    locked._history_user = by  # the history of the link names who made it (simple_history)
    return locked


def _check_owner(decision: Decision, owner_member: Member | None) -> None:
    if owner_member is not None and (owner_member.partnership_id != decision.partnership_id or not owner_member.active):
        raise RuleBroken(
            _("The owner must be a current member of the partnership that took the decision."), field="owner_member"
        )


@rule_service
def add_action_arising(
    *,
    decision: Decision,
    plan: ActionPlan,
    section: Section | None = None,
    title: str,
    owner: str = "",
    owner_member: Member | None = None,
    due: datetime.date | None = None,
    by,
    today: datetime.date | None = None,
) -> Action:
    """A new action at the end of one of the partnership's plans, arising from `decision`. Who
    is responsible as written defaults to the owning member's name."""
    decision = _lock(decision, by)
    if plan.partnership_id != decision.partnership_id:
        raise RuleBroken(_("Choose one of the partnership's own action plans."), field="plan")
    _check_owner(decision, owner_member)
    owner = owner.strip() or (owner_member.person.name if owner_member is not None else "")
    action = add_action(
        plan=plan, title=title, section=section, owner=owner, owner_member=owner_member, due=due, today=today
    )
    decision.actions.add(action)
    return action


@rule_service
def link_action(*, decision: Decision, action: Action, by) -> Action:
    """An action already on one of the partnership's plans, recorded as arising from `decision`."""
    decision = _lock(decision, by)
    if action.plan.partnership_id != decision.partnership_id:
        raise RuleBroken(_("Choose an action on one of the partnership's own plans."), field="action")
    if decision.actions.filter(pk=action.pk).exists():
        raise RuleBroken(
            _("That action is already listed as arising from decision %(number)s.") % {"number": decision.number},
            field="action",
        )
    decision.actions.add(action)
    return action


@rule_service
def unlink_action(*, decision: Decision, action: Action, by) -> None:
    """The action no longer listed as arising from the decision; it stays on its plan."""
    decision = Decision.objects.select_for_update(of=("self",)).get(pk=decision.pk)
    if not decision.actions.filter(pk=action.pk).exists():
        raise RuleBroken(
            _("That action is not listed as arising from decision %(number)s.") % {"number": decision.number},
            field="action",
        )
    decision._history_user = by
    decision.actions.remove(action)
