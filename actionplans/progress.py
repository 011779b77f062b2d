"""Whether an action is done, in one place: done when it has milestones and every one of them
is done; otherwise it is open (nothing yet shows it was done). The same reading as rag.is_late,
which counts an action late only while it is open.

`is_done` reads milestones already loaded; `open_actions` asks the database the same question,
so a list of open actions is one query however many there are. `milestone_outlook` reads, on a
day, where each of an action's milestones stands: which are overdue and which comes next."""

import datetime
from dataclasses import dataclass

from django.db.models import Exists, OuterRef, Q, QuerySet

from .models import Action, Milestone, MilestoneStatus


def is_done(action: Action) -> bool:
    """Expects the action's milestones loaded (prefetched); each is read once."""
    milestones = action.milestones.all()
    return bool(milestones) and all(milestone.status == MilestoneStatus.DONE for milestone in milestones)


def open_filter(action_field: str = "pk") -> Q:
    """The rows whose action is open; `action_field` names the action in the rows filtered:
    "pk" for actions themselves, "action" for rows that point at one."""
    milestones = Milestone.objects.filter(action=OuterRef(action_field))
    return ~Exists(milestones) | Exists(milestones.exclude(status=MilestoneStatus.DONE))


def open_actions(actions: QuerySet[Action] | None = None) -> QuerySet[Action]:
    return (Action.objects.all() if actions is None else actions).filter(open_filter())


@dataclass(frozen=True)
class MilestoneOutlook:
    """An action's milestones in their order, each with its status on a day."""

    rows: list[tuple[Milestone, str]]

    @property
    def statuses(self) -> list[str]:
        return [status for _milestone, status in self.rows]

    @property
    def overdue(self) -> list[Milestone]:
        return [milestone for milestone, status in self.rows if status == MilestoneStatus.OVERDUE]

    @property
    def next_milestone(self) -> Milestone | None:
        """The first milestone neither done nor overdue."""
        waiting = (MilestoneStatus.DONE, MilestoneStatus.OVERDUE)
        return next((milestone for milestone, status in self.rows if status not in waiting), None)

    @property
    def current_status(self) -> str:
        """The status of the first milestone not done (overdue included); "" when none is left."""
        return next((status for status in self.statuses if status != MilestoneStatus.DONE), "")


def milestone_outlook(action: Action, day: datetime.date) -> MilestoneOutlook:
    """Expects the action's milestones loaded in their order (due date, then as added)."""
    return MilestoneOutlook(rows=[(milestone, milestone.status_on(day)) for milestone in action.milestones.all()])
