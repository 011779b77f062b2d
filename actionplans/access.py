"""Fetching a partnership's action plans, and the sections, actions and milestones of one, for
the user asking, as meetings/access.py does for meetings: someone outside the partnership gets
404 (they must not learn the plan exists), a member without the right gets 403 with the reason.
The rights are the predicates of actionplans/rules.py; views never write their own test."""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy

from partnership.models import Partnership

from .models import Action, ActionPlan, Milestone, Section

MANAGE = "actionplans.manage_plans"
REFUSALS = {
    MANAGE: gettext_lazy("Only the partnership's secretariat can create and change its action plans."),
}


def get_partnership_for_plans(request, slug: str) -> Partnership:
    """A partnership whose plans the user may read (secretariat, members, staff)."""
    partnership = get_object_or_404(Partnership, slug=slug)
    if not request.user.has_perm("actionplans.view_plans", partnership):
        raise Http404("No such partnership")
    return partnership


def get_partnership_for(request, slug: str, perm: str) -> Partnership:
    """A partnership on which the user holds `perm`: 403 to its members without it, 404 to others."""
    partnership = get_partnership_for_plans(request, slug)
    if not request.user.has_perm(perm, partnership):
        raise PermissionDenied(REFUSALS[perm])
    return partnership


def get_plan_for_user(request, slug: str, pk: int) -> ActionPlan:
    """A plan the user may read, with its partnership."""
    plan = get_object_or_404(ActionPlan.objects.select_related("partnership"), pk=pk, partnership__slug=slug)
    if not request.user.has_perm("actionplans.view_plans", plan.partnership):
        raise Http404("No such action plan")
    return plan


def get_plan_for(request, slug: str, pk: int, perm: str) -> ActionPlan:
    """A plan on which the user holds `perm`: 403 to a member without it, 404 to anyone outside."""
    plan = get_plan_for_user(request, slug, pk)
    if not request.user.has_perm(perm, plan.partnership):
        raise PermissionDenied(REFUSALS[perm])
    return plan


def get_section_for(request, slug: str, pk: int, section_pk: int, perm: str) -> Section:
    plan = get_plan_for(request, slug, pk, perm)
    section = get_object_or_404(Section, pk=section_pk, plan=plan)
    section.plan = plan
    return section


def get_action_for(request, slug: str, pk: int, action_pk: int, perm: str) -> Action:
    plan = get_plan_for(request, slug, pk, perm)
    action = get_object_or_404(Action.objects.select_related("section"), pk=action_pk, plan=plan)
    action.plan = plan
    return action


def get_milestone_for(request, slug: str, pk: int, milestone_pk: int, perm: str) -> Milestone:
    plan = get_plan_for(request, slug, pk, perm)
    milestone = get_object_or_404(Milestone.objects.select_related("action"), pk=milestone_pk, action__plan=plan)
    milestone.action.plan = plan
    return milestone
