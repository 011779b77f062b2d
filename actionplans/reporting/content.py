"""What the quarterly report says, plan by plan and section by section: the colour at the end
of the period (the quarter's last day, or today while the quarter runs), the progress reported
in it, the milestones overdue at its end and those completed in it, each change of colour
during it, and the milestones' statuses sampled weekly for the chart.

Colours and statuses come from the one RAG rule (rag.summarise), applied to the plans as they
stood on each day, replayed from their history: five queries, however big the plans."""

import dataclasses
import datetime

from django.db.models import Prefetch
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from partnership.models import Partnership

from .. import rag
from ..models import Action, ActionPlan, Milestone, MilestoneStatus, ProgressUpdate, Section
from .history import Replay, Snapshot, action_history, milestone_history
from .quarters import Quarter

NO_SECTION = gettext_lazy("Actions in no section")
SAMPLE_EVERY = datetime.timedelta(days=7)


@dataclasses.dataclass(frozen=True)
class RagChange:
    day: datetime.date
    was: rag.Rag
    became: rag.Rag


@dataclasses.dataclass(frozen=True)
class MilestoneLine:
    milestone: Milestone
    action: Action


@dataclasses.dataclass(frozen=True)
class ProgressLine:
    update: ProgressUpdate
    reported_by: str


@dataclasses.dataclass(frozen=True)
class StatusSample:
    """How many of a plan's milestones stood at each status at the end of `day`."""

    day: datetime.date
    statuses: dict[str, int]


@dataclasses.dataclass(frozen=True)
class SectionReport:
    title: str
    summary: rag.RagSummary
    changes: list[RagChange]
    progress: list[ProgressLine]
    overdue: list[MilestoneLine]
    completed: list[MilestoneLine]


@dataclasses.dataclass(frozen=True)
class PlanReport:
    plan: ActionPlan
    summary: rag.RagSummary
    changes: list[RagChange]
    sections: list[SectionReport]
    samples: list[StatusSample]


@dataclasses.dataclass(frozen=True)
class QuarterlyContent:
    partnership: Partnership
    quarter: Quarter
    period_end: datetime.date  # the quarter's last day, or today while the quarter runs
    made_on: datetime.date
    plans: list[PlanReport]

    @property
    def is_partial(self) -> bool:
        return self.period_end < self.quarter.end


def period_end(quarter: Quarter, today: datetime.date) -> datetime.date:
    return min(quarter.end, today)


def sample_days(start: datetime.date, end: datetime.date) -> list[datetime.date]:
    """Weekly from the first day, and the last day."""
    days = []
    day = start
    while day < end:
        days.append(day)
        day += SAMPLE_EVERY
    return [*days, end]


def reporter_name(update: ProgressUpdate) -> str:
    user = update.reported_by
    if user is None:
        return _("Not recorded")
    person = getattr(user, "person", None)  # a login of no person (staff) has none
    return person.name if person is not None else (user.get_full_name() or user.get_username())


def _plans(partnership: Partnership, end: datetime.date) -> list[ActionPlan]:
    listed = ActionPlan.objects.filter(partnership=partnership).prefetch_related(
        Prefetch("sections", queryset=Section.objects.order_by("position", "pk"))
    )
    return [plan for plan in listed if timezone.localdate(plan.created_at) <= end]


def _progress(partnership: Partnership, start: datetime.date, end: datetime.date) -> list[ProgressUpdate]:
    return list(
        ProgressUpdate.objects.filter(action__plan__partnership=partnership, reported_on__range=(start, end))
        .select_related("action", "milestone", "reported_by__person")
        .order_by("reported_on", "pk")
    )


class _PlanGroups:
    """A plan's groups: its sections in order, then the actions in no section (or in a section
    since removed). Keys are section ids, None for no section, which is always there (empty,
    it is green) so that its colour is followed as the others are."""

    def __init__(self, plan: ActionPlan):
        self.plan = plan
        self.sections = {section.pk: section for section in plan.sections.all()}

    def key(self, section_id: int | None) -> int | None:
        return section_id if section_id in self.sections else None

    def split(self, actions: list[Action]) -> dict[int | None, list[Action]]:
        groups: dict[int | None, list[Action]] = {pk: [] for pk in self.sections} | {None: []}
        for action in actions:
            groups.setdefault(self.key(action.section_id), []).append(action)
        return groups

    def title(self, key: int | None) -> str:
        return str(self.sections[key]) if key is not None else str(NO_SECTION)


def _colour_changes(replay: Replay, plans: list[_PlanGroups], days: list[datetime.date]):
    """Each plan's and group's changes of colour on `days` (the first day sets the colour they
    start from; nothing yet is green), and the snapshot of each day."""
    changes: dict[tuple[int, object], list[RagChange]] = {}
    colours: dict[tuple[int, object], rag.Rag] = {}
    snapshots: dict[datetime.date, Snapshot] = {}
    for index, day in enumerate(days):
        snapshot = replay.on(day)
        snapshots[day] = snapshot
        for groups in plans:
            actions = snapshot.of_plan(groups.plan.pk)
            now_colours = {("plan", None): rag.summarise(actions, day).rag}
            for key, grouped in groups.split(actions).items():
                now_colours["section", key] = rag.summarise(grouped, day).rag
            for (kind, key), colour in now_colours.items():
                at = (groups.plan.pk, kind, key)
                if index and colours.get(at, rag.Rag.GREEN) != colour:
                    changes.setdefault(at, []).append(RagChange(day, colours.get(at, rag.Rag.GREEN), colour))
                colours[at] = colour
    return changes, snapshots


def _milestone_lines(actions: list[Action], keep) -> list[MilestoneLine]:
    return [MilestoneLine(m, action) for action in actions for m in action.milestones.all() if keep(m)]


def build_content(
    *, partnership: Partnership, quarter: Quarter, today: datetime.date | None = None
) -> QuarterlyContent:
    """The report's content for the quarter, as things stood at the end of each day."""
    today = today or timezone.localdate()
    start, end = quarter.start, period_end(quarter, today)
    plans = [_PlanGroups(plan) for plan in _plans(partnership, end)]
    replay = Replay(action_history(partnership), milestone_history(partnership))
    samples = sample_days(start, end)
    days = sorted({start - datetime.timedelta(days=1), *samples, *replay.days_anything_changes(start, end)})
    changes, snapshots = _colour_changes(replay, plans, days)
    at_end = snapshots[end]
    section_of = {action.pk: action.section_id for action in at_end.actions}
    progress = _progress(partnership, start, end)

    reports = []
    for groups in plans:
        plan = groups.plan
        actions = at_end.of_plan(plan.pk)
        sections = []
        for key, grouped in groups.split(actions).items():
            updates = [
                ProgressLine(update, reporter_name(update))
                for update in progress
                if update.action.plan_id == plan.pk
                and groups.key(section_of.get(update.action_id, update.action.section_id)) == key
            ]
            section_changes = changes.get((plan.pk, "section", key), [])
            if key is None and not (grouped or updates or section_changes):
                continue
            sections.append(
                SectionReport(
                    title=groups.title(key),
                    summary=rag.summarise(grouped, end),
                    changes=section_changes,
                    progress=updates,
                    overdue=_milestone_lines(grouped, lambda m: m.status_on(end) == MilestoneStatus.OVERDUE),
                    completed=_milestone_lines(
                        grouped,
                        lambda m: (
                            m.status == MilestoneStatus.DONE
                            and m.completed_on is not None
                            and start <= m.completed_on <= end
                        ),
                    ),
                )
            )
        reports.append(
            PlanReport(
                plan=plan,
                summary=rag.summarise(actions, end),
                changes=changes.get((plan.pk, "plan", None), []),
                sections=sections,
                samples=[
                    StatusSample(day, rag.summarise(snapshots[day].of_plan(plan.pk), day).statuses) for day in samples
                ],
            )
        )
    return QuarterlyContent(partnership=partnership, quarter=quarter, period_end=end, made_on=today, plans=reports)
