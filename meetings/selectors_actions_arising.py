"""Actions arising from decisions, as the pages and the agenda pack read them, each list a fixed
number of queries however many decisions and actions there are:

- the actions each decision gave rise to (the record's decisions page, the decision log and
  its CSV download);
- matters arising: every action still open that arose from a decision the partnership took
  before a meeting's day, carried from meeting to meeting until it is done.

Open and done are actionplans/progress.py's; late is actionplans/rag.py's."""

import datetime
from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import Prefetch, QuerySet, prefetch_related_objects
from django.utils import timezone

from actionplans.models import Action, Milestone, MilestoneStatus
from actionplans.progress import is_done, milestone_outlook, open_filter
from actionplans.rag import is_late

from .models import Decision, Meeting

STATUS_LABELS = dict(MilestoneStatus.choices)
NO_MILESTONES = "No milestones yet"
ACTION_ORDER = ("plan__title", "position", "pk")  # a decision's actions, plan by plan, as each plan lists them


@dataclass(frozen=True)
class ActionStanding:
    """An action and where it stands on a day: done, or open with the status of its next
    milestone not done, overdue when a milestone or the action itself is past its date."""

    action: Action
    done: bool
    overdue: bool
    status: str  # a MilestoneStatus value, or "" for an open action with no milestones

    @property
    def status_label(self) -> str:
        if self.overdue:
            return STATUS_LABELS[MilestoneStatus.OVERDUE]
        return STATUS_LABELS.get(self.status, NO_MILESTONES)

    @property
    def tag_colour(self) -> str:
        if self.done:
            return "green"
        if self.overdue:
            return "red"
        return {MilestoneStatus.AT_RISK: "orange", MilestoneStatus.ON_TRACK: "blue"}.get(self.status, "grey")


def standing_of(action: Action, day: datetime.date) -> ActionStanding:
    """Expects the action's milestones loaded in their order (due date, then as added)."""
    if is_done(action):
        return ActionStanding(action=action, done=True, overdue=False, status=MilestoneStatus.DONE)
    outlook = milestone_outlook(action, day)
    overdue = bool(outlook.overdue) or is_late(action, day)
    return ActionStanding(action=action, done=False, overdue=overdue, status=outlook.current_status)


def _actions():
    """Actions with what a line about one shows: its plan, its owner, its milestones in order."""
    return Action.objects.select_related("plan", "owner_member__person").prefetch_related(
        Prefetch("milestones", queryset=Milestone.objects.order_by("due", "pk"))
    )


def with_actions_listed(decisions: QuerySet[Decision]) -> QuerySet[Decision]:
    """The decisions with the actions each gave rise to, in order, and nothing of where they
    stand (the decision log's CSV). One query more for any number of decisions."""
    return decisions.prefetch_related(Prefetch("actions", queryset=Action.objects.order_by(*ACTION_ORDER)))


def with_actions_arising(decisions: Iterable[Decision], day: datetime.date | None = None) -> list[Decision]:
    """The decisions, each given `arising`: where each action it gave rise to stands on `day`.
    Two queries for any number of decisions."""
    day = day or timezone.localdate()
    decisions = list(decisions)
    ordered = _actions().order_by(*ACTION_ORDER)
    prefetch_related_objects(decisions, Prefetch("actions", queryset=ordered))
    for decision in decisions:
        decision.arising = [standing_of(action, day) for action in decision.actions.all()]
    return decisions


@dataclass(frozen=True)
class ArisingFrom:
    """A decision an action arose from, as matters arising names it."""

    decision: Decision

    @property
    def from_confidential_item(self) -> bool:
        item = self.decision.agenda_item
        return item is not None and item.is_confidential


@dataclass(frozen=True)
class MatterArising:
    """An open action under matters arising, once however many decisions it arose from, with
    those decisions oldest first."""

    origins: tuple[ArisingFrom, ...]
    standing: ActionStanding

    @property
    def action(self) -> Action:
        return self.standing.action


def matters_arising(meeting: Meeting, day: datetime.date | None = None) -> list[MatterArising]:
    """Every open action that arose from a decision the partnership took before the meeting's
    day, each once, in the order of the oldest decision it arose from: not only the last
    meeting's, as they carry until done. Where each stands is read on `day` (today), not on
    the meeting's day. Two queries."""
    day = day or timezone.localdate()
    links = (
        Decision.actions.through.objects.filter(
            decision__partnership_id=meeting.partnership_id, decision__decided_on__lt=meeting.date
        )
        .filter(open_filter("action"))
        .select_related("decision__agenda_item", "action__plan", "action__owner_member__person")
        .prefetch_related(Prefetch("action__milestones", queryset=Milestone.objects.order_by("due", "pk")))
        .order_by("decision__decided_on", "decision__number", "action__plan__title", "action__position", "action__pk")
    )
    actions: dict[int, Action] = {}
    origins: dict[int, list[ArisingFrom]] = {}
    for link in links:
        actions.setdefault(link.action_id, link.action)
        origins.setdefault(link.action_id, []).append(ArisingFrom(decision=link.decision))
    return [
        MatterArising(origins=tuple(origins[pk]), standing=standing_of(action, day)) for pk, action in actions.items()
    ]
