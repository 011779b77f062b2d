"""The red, amber or green of a plan and of each of its sections, on a given day.

The rule, in one place:

- **red** when any milestone is overdue (past its due date and not done);
- **amber** when none is overdue but a milestone is at risk, or an action is late: its own
  due date has passed while it has milestones not done, or no milestones to show it was done;
- **green** otherwise, including a plan or section with nothing in it yet.

An ongoing action, or one with no date, is never late by its own date; its milestones still
count. Alongside the colour: how many milestones stand at each status on that day (overdue
included, as computed), how many actions there are and how many are late. The plan's colour
is worked out from all its actions, those in no section included.
"""

import dataclasses
import datetime
from collections import Counter
from enum import StrEnum

from django.utils import timezone

from .models import Action, ActionPlan, MilestoneStatus, Section
from .selectors import plan_with_actions


class Rag(StrEnum):
    RED = "red"
    AMBER = "amber"
    GREEN = "green"


@dataclasses.dataclass(frozen=True)
class RagSummary:
    rag: Rag
    statuses: dict[str, int]  # every MilestoneStatus value, overdue included, with its count
    actions: int
    late_actions: int

    @property
    def milestones(self) -> int:
        return sum(self.statuses.values())


@dataclasses.dataclass(frozen=True)
class SectionRag:
    section: Section | None  # None: the actions in no section
    summary: RagSummary


@dataclasses.dataclass(frozen=True)
class PlanRag:
    plan: ActionPlan
    day: datetime.date
    summary: RagSummary
    sections: list[SectionRag]


def is_late(action: Action, day: datetime.date) -> bool:
    """Past its own due date with milestones not done, or none to show it was done."""
    if action.is_ongoing or action.due is None or action.due >= day:
        return False
    milestones = action.milestones.all()
    return not milestones or any(m.status != MilestoneStatus.DONE for m in milestones)


def summarise(actions: list[Action], day: datetime.date) -> RagSummary:
    """The colour and counts of some actions, their milestones already loaded."""
    statuses = Counter({status.value: 0 for status in MilestoneStatus})
    late = 0
    for action in actions:
        statuses.update(m.status_on(day) for m in action.milestones.all())
        late += is_late(action, day)
    if statuses[MilestoneStatus.OVERDUE]:
        rag = Rag.RED
    elif statuses[MilestoneStatus.AT_RISK] or late:
        rag = Rag.AMBER
    else:
        rag = Rag.GREEN
    return RagSummary(rag=rag, statuses=dict(statuses), actions=len(actions), late_actions=late)


def plan_rag(plan: ActionPlan, *, day: datetime.date | None = None) -> PlanRag:
    """The plan's colour and each section's, in the plan's order, then the actions in no
    section (only if there are any). Five queries however big the plan."""
    day = day or timezone.localdate()
    plan = plan_with_actions(plan)
    actions = list(plan.actions.all())
    by_section: dict[int | None, list[Action]] = {}
    for action in actions:
        by_section.setdefault(action.section_id, []).append(action)
    sections = [SectionRag(section, summarise(by_section.get(section.pk, []), day)) for section in plan.sections.all()]
    if None in by_section:
        sections.append(SectionRag(None, summarise(by_section[None], day)))
    return PlanRag(plan=plan, day=day, summary=summarise(actions, day), sections=sections)
