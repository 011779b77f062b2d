"""What the public may read of action plans: the plans whose summary the secretariat published,
and of each only its title, description and period, and how its sections and actions stand (red,
amber or green, as rag.py works it out). Owners, methods, resources, progress reports and
evaluation notes are never selected, so they cannot reach a public page by mistake."""

import dataclasses
import datetime
from collections import Counter

from django.db.models import Prefetch, QuerySet
from django.utils import timezone

from partnership.models import Partnership

from . import rag
from .models import Action, ActionPlan, Milestone, Section

PUBLIC_PLAN_FIELDS = ("id", "partnership_id", "title", "description", "starts_on", "ends_on", "published_at")
PUBLIC_ACTION_FIELDS = ("id", "plan_id", "section_id", "position", "reference", "title", "due", "is_ongoing")
PUBLIC_MILESTONE_FIELDS = ("id", "action_id", "due", "status")


@dataclasses.dataclass(frozen=True)
class PublishedPlanRow:
    plan: ActionPlan
    summary: rag.RagSummary


@dataclasses.dataclass(frozen=True)
class PublicAction:
    action: Action
    rag: rag.Rag


@dataclasses.dataclass(frozen=True)
class PublicSection:
    section: Section | None  # None: the actions in no section
    summary: rag.RagSummary
    actions: list[PublicAction]

    @property
    def actions_by_rag(self) -> dict[str, int]:
        """How many of the section's actions are green, amber and red."""
        counts = Counter({colour.value: 0 for colour in rag.Rag})
        counts.update(row.rag.value for row in self.actions)
        return dict(counts)


@dataclasses.dataclass(frozen=True)
class PublishedPlanSummary:
    plan: ActionPlan
    day: datetime.date
    summary: rag.RagSummary
    sections: list[PublicSection]


def _published_plans(partnership: Partnership) -> QuerySet[ActionPlan]:
    """The partnership's published plans, with the public columns of their actions and the
    milestones their colour needs: three queries however many."""
    actions = Action.objects.only(*PUBLIC_ACTION_FIELDS).order_by("position", "pk")
    milestones = Milestone.objects.only(*PUBLIC_MILESTONE_FIELDS).order_by("due", "pk")
    return (
        ActionPlan.objects.filter(partnership=partnership, is_published=True)
        .only(*PUBLIC_PLAN_FIELDS)
        .prefetch_related(Prefetch("actions", queryset=actions), Prefetch("actions__milestones", queryset=milestones))
        .order_by("-starts_on", "title", "pk")
    )


def published_plan_rows(partnership: Partnership, *, day: datetime.date | None = None) -> list[PublishedPlanRow]:
    """Each published plan of the partnership with its overall colour on `day`."""
    day = day or timezone.localdate()
    return [
        PublishedPlanRow(plan, rag.summarise(list(plan.actions.all()), day)) for plan in _published_plans(partnership)
    ]


def published_plan_summary(
    partnership: Partnership, pk: int, *, day: datetime.date | None = None
) -> PublishedPlanSummary | None:
    """The published summary of the partnership's plan `pk`, section by section in the plan's
    order (then the actions in no section, if any); None when it is not published or not the
    partnership's. Four queries however big the plan."""
    day = day or timezone.localdate()
    sections = Section.objects.only("id", "plan_id", "position", "code", "title").order_by("position", "pk")
    plan = _published_plans(partnership).prefetch_related(Prefetch("sections", queryset=sections)).filter(pk=pk).first()
    if plan is None:
        return None
    actions = list(plan.actions.all())
    by_section: dict[int | None, list[Action]] = {}
    for action in actions:
        by_section.setdefault(action.section_id, []).append(action)
    groups = [(section, by_section.get(section.pk, [])) for section in plan.sections.all()]
    if None in by_section:
        groups.append((None, by_section[None]))
    return PublishedPlanSummary(
        plan=plan,
        day=day,
        summary=rag.summarise(actions, day),
        sections=[_public_section(section, listed, day) for section, listed in groups],
    )


def _public_section(section: Section | None, actions: list[Action], day: datetime.date) -> PublicSection:
    rows = [PublicAction(action, rag.summarise([action], day).rag) for action in actions]
    return PublicSection(section=section, summary=rag.summarise(actions, day), actions=rows)
