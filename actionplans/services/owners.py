"""Who is responsible for an action, on the register: the members and nominating bodies an
action may be linked to, and linking every action whose owner is written the same way."""

import datetime

from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from simple_history.utils import bulk_update_with_history

from partnership.errors import RuleBroken
from partnership.models import Member, NominatingBody
from partnership.services.common import rule_service

from ..models import Action, ActionPlan

NOT_A_CURRENT_MEMBER = gettext_lazy("The owner must be a current member of the plan's partnership.")
NOT_A_CURRENT_BODY = gettext_lazy(
    "The owning body must be one of the plan's partnership's nominating bodies, and not withdrawn."
)


def current_members(partnership_id: int) -> QuerySet[Member]:
    """The seats an action of the partnership may be linked to: its active members."""
    return Member.objects.filter(partnership_id=partnership_id, active=True)


def current_bodies(partnership_id: int, today: datetime.date) -> QuerySet[NominatingBody]:
    """The partnership's nominating bodies; a body stops being a partner on the day its
    withdrawal takes effect (ToR 9)."""
    return NominatingBody.objects.filter(partnership_id=partnership_id).exclude(
        withdrawal_notices__effective_on__lte=today
    )


def check_owner(plan: ActionPlan, member: Member | None, body: NominatingBody | None, today: datetime.date) -> None:
    """An action's owner on the register is one of its plan's partnership's, and still there."""
    if member is not None and not current_members(plan.partnership_id).filter(pk=member.pk).exists():
        raise RuleBroken(NOT_A_CURRENT_MEMBER, field="owner_member")
    if body is not None and not current_bodies(plan.partnership_id, today).filter(pk=body.pk).exists():
        raise RuleBroken(NOT_A_CURRENT_BODY, field="owner_body")


@rule_service
def link_owner(
    *,
    plan: ActionPlan,
    owner: str,
    member: Member | None,
    body: NominatingBody | None,
    by=None,
    today: datetime.date | None = None,
) -> int:
    """Link every action of the plan whose owner is written `owner` to `member` and `body`
    (None unlinks), keeping each action's history. Answers how many actions were linked."""
    today = today or timezone.localdate()
    check_owner(plan, member, body, today)
    actions = list(Action.objects.select_for_update().filter(plan=plan, owner=owner).order_by("pk"))
    if not owner or not actions:
        raise RuleBroken(
            _("No action of the plan has “%(owner)s” as who is responsible.") % {"owner": owner}, field="owner"
        )
    for action in actions:
        action.owner_member = member
        action.owner_body = body
    bulk_update_with_history(actions, Action, ["owner_member", "owner_body"], default_user=by)
    return len(actions)
