"""Who may see and change a partnership's action plans. Members read the plans and report
progress on the actions they own; the secretariat (and staff) keep the plans."""

import rules

from partnership.rules import can_manage_register, can_view_register

from .models import Action, ActionPlan


def _partnership_of(obj):
    """The partnership a plan, section, action or milestone belongs to (a partnership is itself)."""
    if isinstance(obj, ActionPlan):
        return obj.partnership
    if isinstance(obj, Action):
        return obj.plan.partnership
    if hasattr(obj, "action"):
        return obj.action.plan.partnership
    if hasattr(obj, "plan"):
        return obj.plan.partnership
    return obj


@rules.predicate
def in_the_plans_partnership(user, obj):
    return obj is not None and can_view_register(user, _partnership_of(obj))


@rules.predicate
def runs_the_plans_partnership(user, obj):
    return obj is not None and can_manage_register(user, _partnership_of(obj))


@rules.predicate
def owns_the_action(user, action):
    """The member named as the action's owner, while they hold that seat."""
    if action is None or action.owner_member_id is None or not user.is_authenticated:
        return False
    member = action.owner_member
    if not member.active or member.partnership_id != action.plan.partnership_id:
        return False
    return member.person.user_id == user.pk


# On a partnership, or on one of its plans (or a section, action or milestone of one).
rules.add_perm("actionplans.view_plans", in_the_plans_partnership)
rules.add_perm("actionplans.manage_plans", runs_the_plans_partnership)
# On an action: reporting its progress and its milestones' status.
rules.add_perm("actionplans.update_own_action", runs_the_plans_partnership | owns_the_action)
