"""The demo's action plans, with half a year behind them.

- "Partnership plan" for the financial year: the Six Hallmarks table of seed 002 adapted to
  Warwickshire, kept beside this module as the CSV a secretariat would upload, and imported
  through the same functions as the upload page. Its "When" months are written `{month-2}`
  (two months before today's), so the demo looks alive whatever day it is loaded.
- "Ethical framework improvement plan": seed 004's lettered sections and richer columns, typed
  in through the plan services as a secretariat would on the plan's pages.

Then milestones, and progress reported on them over the last two quarters (plan_story.py
tells what happened when). Each change goes through the services and its history is dated
the day it happened (see `dated`), so the quarterly report, which replays history, shows
statuses moving over time."""

import datetime
import re
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from dateutil.relativedelta import relativedelta
from django.db.models import Max

from actionplans import services
from actionplans.importing import import_plan, preview_import
from actionplans.models import Action, ActionPlan, Milestone, ProgressUpdate, Section

from .plan_story import (
    AS_WRITTEN,
    ETHICAL_SECTIONS,
    ETHICAL_TITLE,
    PARTNERSHIP_STORY,
    EthicalRow,
    MilestoneStory,
    Report,
)
from .record import at

PLAN_FILE = Path(__file__).resolve().parent / "partnership_plan.csv"
MONTH_WORDS = re.compile(r"\{month([+-]\d+)\}")
HISTORIES = (ActionPlan, Section, Action, Milestone, ProgressUpdate)
PARTNERSHIP_PLAN_MADE = 185  # days ago
ETHICAL_PLAN_MADE = 170


@dataclass
class Work:
    """An action of a demo plan and the milestones its story needs."""

    action: Action
    milestones: tuple[MilestoneStory, ...]
    made: datetime.date
    reports: list[tuple[Report, Milestone]] = field(default_factory=list)


def month_end(today: datetime.date, months: int) -> datetime.date:
    return today + relativedelta(months=months, day=31)


def plan_file(today: datetime.date) -> bytes:
    """The partnership plan's CSV as the secretariat would upload it, its months counted from today."""
    text = PLAN_FILE.read_text(encoding="utf-8")
    return MONTH_WORDS.sub(lambda match: f"{month_end(today, int(match[1])):%B %Y}", text).encode()


@contextmanager
def dated(day: datetime.date):
    """The history the services write inside the block is dated `day`, as if the change had
    been made then: the quarterly report replays history, so the demo's past needs past dates."""
    marks = {model: model.history.aggregate(last=Max("history_id"))["last"] or 0 for model in HISTORIES}
    yield
    for model, mark in marks.items():
        model.history.filter(history_id__gt=mark).update(history_date=at(day))


def load(partnership, today: datetime.date, *, members: dict, secretariat) -> None:
    """Both plans, their milestones, and half a year of progress reported on them."""
    work = _partnership_plan(partnership, today, members=members, secretariat=secretariat)
    work += _ethical_plan(partnership, today, members=members)
    reports = []
    for item in work:
        with dated(item.made):
            _add_milestones(item, today)
        reports += [(report, milestone, item.action) for report, milestone in item.reports]
    for report, milestone, action in sorted(reports, key=lambda reported: -reported[0].days_ago):
        day = today - datetime.timedelta(days=report.days_ago)
        with dated(day):
            services.record_progress(
                action=action,
                milestone=milestone,
                text=report.text,
                evidence=report.evidence,
                status=report.status or None,
                reported_on=day,
                by=_reporter(action, secretariat),
                today=today,
            )


def _financial_year(today: datetime.date) -> datetime.date:
    return datetime.date(today.year if today.month >= 4 else today.year - 1, 4, 1)


def _made(plan: ActionPlan, day: datetime.date) -> None:
    ActionPlan.objects.filter(pk=plan.pk).update(created_at=at(day))


def _partnership_plan(partnership, today: datetime.date, *, members: dict, secretariat) -> list[Work]:
    """Created and uploaded as the secretariat does on the import page, then owners that name a
    member linked to their seat (where the import did not link them)."""
    made = today - datetime.timedelta(days=PARTNERSHIP_PLAN_MADE)
    starts_on = _financial_year(today)
    with dated(made):
        plan = services.create_plan(
            partnership=partnership,
            title=f"Partnership plan {starts_on.year}-{(starts_on.year + 1) % 100:02d}",
            description="How the partnership meets the Six Hallmarks of Effective Practice this year.",
            starts_on=starts_on,
            ends_on=starts_on + relativedelta(years=1, days=-1),
        )
        _made(plan, made)
        import_plan(plan, preview_import(plan_file(today), today=today), by=secretariat)
        for action in plan.actions.filter(owner_member=None, owner__in=list(members)):
            services.update_action(action=action, owner_member=members[action.owner], today=today)
        services.publish_plan(plan=plan, by=secretariat, now=at(made))  # its summary is on the public site
    return [
        Work(action, PARTNERSHIP_STORY.get(action.reference, ()), made)
        for action in plan.actions.select_related("owner_member__person__user").prefetch_related("milestones")
    ]


def _ethical_plan(partnership, today: datetime.date, *, members: dict) -> list[Work]:
    """Typed in row by row, as the secretariat does on the plan's pages."""
    made = today - datetime.timedelta(days=ETHICAL_PLAN_MADE)
    work = []
    with dated(made):
        plan = services.create_plan(
            partnership=partnership,
            title=ETHICAL_TITLE,
            description="What the partnership will improve after the self-assessment of its ethical framework.",
        )
        _made(plan, made)
        for code, title, rows in ETHICAL_SECTIONS:
            section = services.add_section(plan=plan, title=title, code=code)
            for row in rows:
                action = services.add_action(plan=plan, section=section, today=today, **_columns(row, today, members))
                work.append(Work(action, row.milestones, made))
    return work


def _columns(row: EthicalRow, today: datetime.date, members: dict) -> dict:
    if row.due_in_months is None:
        when = {"due_text": "Ongoing", "is_ongoing": True}
    else:
        due = month_end(today, row.due_in_months)
        when = {"due_text": f"{due:%B %Y}", "due": due}
    return {
        "reference": row.reference,
        "title": row.title,
        "method": row.method,
        "owner": row.owner,
        "owner_member": members.get(row.owner),
        "resources": row.resources,
        "outcomes": row.outcomes,
        "evaluation": row.evaluation,
        "wp_reference": row.wp_reference,
        **when,
    }


def _add_milestones(item: Work, today: datetime.date) -> None:
    """The milestones the story needs; the one the plan's Milestone column gives is the
    importer's where it made one, dated as the story has it."""
    imported = list(item.action.milestones.all())
    for story in item.milestones:
        due = month_end(today, story.due_in_months)
        if story.title == AS_WRITTEN and imported:
            milestone = imported.pop(0)
            if milestone.due != due:
                milestone = services.update_milestone(milestone=milestone, due=due, today=today)
        else:
            milestone = services.add_milestone(
                action=item.action, title=story.title or item.action.milestone_text, due=due, today=today
            )
        item.reports += [(report, milestone) for report in story.reports]


def _reporter(action: Action, secretariat):
    """The member who owns the action reports on it when they have a login; else the secretariat."""
    member = action.owner_member
    user = member.person.user if member is not None else None
    return user or secretariat
