"""Read queries the plan pages, the API and the reports share, each a fixed number of queries."""

from django.db.models import Prefetch, QuerySet

from partnership.models import Partnership
from partnership.roles import visible_partnership_filter

from .models import Action, ActionPlan, Milestone, Section


def plans_visible_to(user) -> QuerySet[ActionPlan]:
    """The plans of the partnerships whose private register `user` may read (staff: all)."""
    partnerships = Partnership.objects.filter(visible_partnership_filter(user))
    return ActionPlan.objects.filter(partnership__in=partnerships).select_related("partnership")


def plan_with_actions(plan: ActionPlan) -> ActionPlan:
    """The plan fresh from the database with its sections, actions (with owners and sections)
    and milestones loaded: five queries, however many actions it has."""
    actions = Action.objects.select_related("owner_member__person", "owner_body").order_by("position", "pk")
    return (
        ActionPlan.objects.select_related("partnership")
        .prefetch_related(
            Prefetch("sections", queryset=Section.objects.order_by("position", "pk")),
            Prefetch("actions", queryset=actions),
            Prefetch("actions__milestones", queryset=Milestone.objects.order_by("due", "pk")),
        )
        .get(pk=plan.pk)
    )


def actions_owned_by(user) -> QuerySet[Action]:
    """ "My actions": those whose owner is one of `user`'s current seats, on partnerships the
    user still sits on."""
    if not user.is_authenticated:
        return Action.objects.none()
    return (
        Action.objects.filter(owner_member__person__user=user, owner_member__active=True)
        .select_related("plan__partnership", "section", "owner_member__person")
        .prefetch_related(Prefetch("milestones", queryset=Milestone.objects.order_by("due", "pk")))
        .order_by("plan__title", "position", "pk")
    )
