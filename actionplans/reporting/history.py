"""The partnership's actions and milestones as they stood at the end of any day, replayed from
their django-simple-history rows: loaded once for the whole partnership (two queries, however
many plans, actions and milestones), then stepped through in Python, day by day."""

import copy
import dataclasses
import datetime
from collections.abc import Iterable

from django.utils import timezone

from partnership.models import Partnership

from ..models import Action, ActionPlan, Milestone

REMOVED = "-"


@dataclasses.dataclass(frozen=True)
class Change:
    """One history row: the record as it was saved (None when it was deleted) and the day it happened."""

    day: datetime.date
    pk: int
    record: Action | Milestone | None


def load_changes(history_rows: Iterable) -> list[Change]:
    """History rows, oldest first, as the record they saved on the (local) day they saved it."""
    rows = sorted(history_rows, key=lambda row: (row.history_date, row.history_id))
    return [
        Change(
            day=timezone.localtime(row.history_date).date(),
            pk=row.id,
            record=None if row.history_type == REMOVED else row.instance,
        )
        for row in rows
    ]


def _plan_ids(partnership: Partnership):
    """Every plan the partnership ever had, deleted ones included, as a subquery."""
    return ActionPlan.history.filter(partnership_id=partnership.pk).values("id")


def action_history(partnership: Partnership) -> list[Change]:
    """Every saved state of every action the partnership's plans ever had (one query)."""
    plan_ids = _plan_ids(partnership)
    return load_changes(Action.history.filter(plan_id__in=plan_ids))


def milestone_history(partnership: Partnership) -> list[Change]:
    """Every saved state of every milestone of those actions (one query)."""
    action_ids = Action.history.filter(plan_id__in=_plan_ids(partnership)).values("id")
    return load_changes(Milestone.history.filter(action_id__in=action_ids))


def with_milestones(action: Action, milestones: list[Milestone]) -> Action:
    """A copy of `action` whose `milestones.all()` answers `milestones` without a query, as if
    they had been prefetched, so the RAG rule (rag.summarise) reads it as it reads the plan."""
    action = copy.copy(action)
    loaded = Milestone.objects.none()
    loaded._result_cache = list(milestones)
    loaded._prefetch_done = True
    action._prefetched_objects_cache = {"milestones": loaded}
    return action


@dataclasses.dataclass(frozen=True)
class Snapshot:
    """The actions (each with its milestones) standing at the end of `day`."""

    day: datetime.date
    actions: list[Action]

    def of_plan(self, plan_id: int) -> list[Action]:
        return [action for action in self.actions if action.plan_id == plan_id]


class Replay:
    """Steps the history forward: ask for days in order, each answer is the state at its end."""

    def __init__(self, actions: list[Change], milestones: list[Change]):
        self._changes = {Action: actions, Milestone: milestones}
        self._applied = {Action: 0, Milestone: 0}
        self._current: dict[type, dict[int, Action | Milestone]] = {Action: {}, Milestone: {}}
        self._day: datetime.date | None = None

    def _apply_until(self, model: type, day: datetime.date) -> None:
        changes, current = self._changes[model], self._current[model]
        index = self._applied[model]
        while index < len(changes) and changes[index].day <= day:
            change = changes[index]
            if change.record is None:
                current.pop(change.pk, None)
            else:
                current[change.pk] = change.record
            index += 1
        self._applied[model] = index

    def on(self, day: datetime.date) -> Snapshot:
        if self._day is not None and day < self._day:
            raise ValueError("The history is replayed forwards: ask for the days in order.")
        self._day = day
        self._apply_until(Action, day)
        self._apply_until(Milestone, day)
        by_action: dict[int, list[Milestone]] = {}
        ordered = sorted(self._current[Milestone].values(), key=lambda m: (m.due is None, m.due, m.pk))
        for milestone in ordered:
            by_action.setdefault(milestone.action_id, []).append(milestone)
        actions = sorted(self._current[Action].values(), key=lambda a: (a.plan_id, a.position, a.pk))
        return Snapshot(day, [with_milestones(action, by_action.get(action.pk, [])) for action in actions])

    def days_anything_changes(self, first: datetime.date, last: datetime.date) -> set[datetime.date]:
        """The days from `first` to `last` on which a colour could change: a record was saved,
        or the day after a due date (when a milestone becomes overdue or an action late)."""
        days = set()
        for changes in self._changes.values():
            for change in changes:
                days.add(change.day)
                if change.record is not None and change.record.due is not None:
                    days.add(change.record.due + datetime.timedelta(days=1))
        return {day for day in days if first <= day <= last}
