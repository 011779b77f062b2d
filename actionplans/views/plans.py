"""A partnership's action plans with their colours, creating a plan, and a plan's page: its
sections in order, their actions and milestones, and the red, amber or green of each."""

from dataclasses import dataclass

from django.contrib.auth.decorators import login_required
from django.db.models import Prefetch
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from partnership.views.buttons import run_button
from partnership.views.register_form_page import posted

from .. import rag, services
from ..access import (
    MANAGE,
    get_action_for,
    get_partnership_for,
    get_partnership_for_plans,
    get_plan_for_user,
    get_section_for,
)
from ..forms import PlanForm
from ..models import Action, ActionPlan, Milestone, MilestoneStatus
from .common import plan_form_page, plan_url

STATUS_COLOURS = {
    MilestoneStatus.NOT_STARTED: "grey",
    MilestoneStatus.ON_TRACK: "blue",
    MilestoneStatus.AT_RISK: "yellow",
    MilestoneStatus.OVERDUE: "red",
    MilestoneStatus.DONE: "green",
}


@dataclass(frozen=True)
class MilestoneRow:
    milestone: Milestone
    status: str
    label: str
    colour: str


@dataclass(frozen=True)
class ActionRow:
    action: Action
    milestones: list[MilestoneRow]


@dataclass(frozen=True)
class SectionBlock:
    section_rag: rag.SectionRag
    rows: list[ActionRow]
    can_move_up: bool = False
    can_move_down: bool = False


def milestone_row(milestone: Milestone, day) -> MilestoneRow:
    status = milestone.status_on(day)
    return MilestoneRow(milestone, status, MilestoneStatus(status).label, STATUS_COLOURS[status])


@login_required
@require_GET
def plans(request, slug):
    partnership = get_partnership_for_plans(request, slug)
    today = timezone.localdate()
    listed = ActionPlan.objects.filter(partnership=partnership).prefetch_related(
        Prefetch("actions", queryset=Action.objects.order_by("position", "pk")), "actions__milestones"
    )
    rows = [(plan, rag.summarise(list(plan.actions.all()), today)) for plan in listed]
    context = {
        "partnership": partnership,
        "rows": rows,
        "today": today,
        "can_manage": request.user.has_perm(MANAGE, partnership),
    }
    return render(request, "actionplans/plans.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def create(request, slug):
    partnership = get_partnership_for(request, slug, MANAGE)
    form = PlanForm(posted(request), submit=_("Create the plan"))

    def save(form):
        return plan_url(services.create_plan(partnership=partnership, **form.cleaned_data))

    return plan_form_page(
        request,
        plan=None,
        partnership=partnership,
        form=form,
        title=_("Create an action plan"),
        save=save,
        done=_("Action plan created."),
    )


def plan_page(request, plan: ActionPlan, *, error: str | None = None, error_anchor: str = "sections"):
    """The plan as it stands today; `error` is a button's refusal, shown with status 400, linked
    to the part of the page at `error_anchor`."""
    day = timezone.localdate()
    summary = rag.plan_rag(plan, day=day)
    by_section: dict[int | None, list[ActionRow]] = {}
    for action in summary.plan.actions.all():
        rows = [milestone_row(m, day) for m in action.milestones.all()]
        by_section.setdefault(action.section_id, []).append(ActionRow(action, rows))
    sections = [section_rag.section.pk for section_rag in summary.sections if section_rag.section]
    blocks = [
        SectionBlock(
            section_rag,
            by_section.get(section_rag.section.pk if section_rag.section else None, []),
            can_move_up=bool(section_rag.section) and section_rag.section.pk != sections[0],
            can_move_down=bool(section_rag.section) and section_rag.section.pk != sections[-1],
        )
        for section_rag in summary.sections
    ]
    context = {
        "partnership": plan.partnership,
        "plan": summary.plan,
        "summary": summary,
        "blocks": blocks,
        "flagged": sum(row.action.due_needs_checking for rows in by_section.values() for row in rows),
        "today": day,
        "error": error,
        "error_anchor": error_anchor,
        "can_manage": request.user.has_perm(MANAGE, plan.partnership),
        "list_url": reverse("actionplans:list", kwargs={"slug": plan.partnership.slug}),
    }
    return render(request, "actionplans/plan.html", context, status=400 if error else 200)


@login_required
@require_GET
def plan(request, slug, pk):
    return plan_page(request, get_plan_for_user(request, slug, pk))


@login_required
@require_POST
def remove_action(request, slug, pk, action_pk):
    action = get_action_for(request, slug, pk, action_pk, MANAGE)
    return run_button(
        request,
        action=lambda: services.remove_action(action=action),
        done=_("Action removed: %(action)s.") % {"action": action},
        back=plan_url(action.plan),
        page=lambda reason: plan_page(request, action.plan, error=reason),
    )


@login_required
@require_POST
def move_section(request, slug, pk, section_pk, up: bool):
    """ "Move up" or "Move down" on the plan page: one place, the others closing up around it."""
    section = get_section_for(request, slug, pk, section_pk, MANAGE)
    return run_button(
        request,
        action=lambda: services.move_section_one_place(section=section, up=up),
        done=(_("Section %(section)s moved up.") if up else _("Section %(section)s moved down."))
        % {"section": section},
        back=f"{plan_url(section.plan)}#section-{section.pk}",
        page=lambda reason: plan_page(request, section.plan, error=reason),
    )
