"""The quarterly report's content: the colour at the end of the period, the progress reported,
the milestones overdue and completed, and each change of colour, replayed from the history."""

import datetime

import pytest

from actionplans import services
from actionplans.models import MilestoneStatus
from actionplans.rag import Rag
from actionplans.reporting.content import NO_SECTION, RagChange, build_content, sample_days
from actionplans.reporting.quarters import Quarter
from tests.actionplans.report_support import EVIDENCE, PLAN_TITLE, PROGRESS_TEXT, live_through_the_quarter, on

Q1 = Quarter(2027, 1)
AFTER_Q1 = datetime.date(2027, 4, 10)


@pytest.fixture
def lived(warwickshire, secretariat):
    return live_through_the_quarter(warwickshire, secretariat)


def changes(*rows):
    return [RagChange(datetime.date(*day), Rag(was), Rag(became)) for day, was, became in rows]


Q1_CHANGES = changes(
    ((2027, 1, 10), "green", "amber"),
    ((2027, 1, 25), "amber", "green"),
    ((2027, 3, 1), "green", "amber"),
    ((2027, 3, 16), "amber", "red"),
)


def test_the_colour_changes_of_the_plan_and_its_section_are_replayed_from_history(warwickshire, lived):
    content = build_content(partnership=warwickshire, quarter=Q1, today=AFTER_Q1)
    [plan] = content.plans
    assert plan.plan.title == PLAN_TITLE
    assert plan.changes == Q1_CHANGES
    [section] = plan.sections
    assert section.title == "B. Relationships"
    assert section.changes == Q1_CHANGES


def test_the_colour_at_the_quarter_end_uses_the_rag_rule(warwickshire, lived):
    content = build_content(partnership=warwickshire, quarter=Q1, today=AFTER_Q1)
    assert content.period_end == datetime.date(2027, 3, 31)
    assert not content.is_partial
    [plan] = content.plans
    assert plan.summary.rag == Rag.RED
    assert plan.summary.statuses == {"not_started": 0, "on_track": 1, "at_risk": 0, "overdue": 1, "done": 1}
    assert plan.summary.late_actions == 1


def test_progress_reported_in_the_quarter_is_listed_with_who_reported_it(warwickshire, lived):
    [plan] = build_content(partnership=warwickshire, quarter=Q1, today=AFTER_Q1).plans
    [line] = plan.sections[0].progress
    assert line.update.text == PROGRESS_TEXT
    assert line.update.evidence == EVIDENCE
    assert line.update.reported_on == datetime.date(2027, 1, 20)
    assert line.update.status == MilestoneStatus.DONE
    assert line.reported_by == "sam.secretariat"


def test_progress_outside_the_quarter_is_left_out(warwickshire, secretariat, lived):
    _plan, _section, action, _milestones = lived
    with on(AFTER_Q1):
        services.record_progress(action=action, text="Reported in April", reported_on=AFTER_Q1, by=secretariat)
    [plan] = build_content(partnership=warwickshire, quarter=Q1, today=AFTER_Q1).plans
    assert [line.update.text for line in plan.sections[0].progress] == [PROGRESS_TEXT]


def test_overdue_and_completed_milestones_are_those_at_the_period_end(warwickshire, lived):
    [plan] = build_content(partnership=warwickshire, quarter=Q1, today=AFTER_Q1).plans
    section = plan.sections[0]
    assert [line.milestone.title for line in section.overdue] == ["Protocol agreed"]
    assert [line.milestone.title for line in section.completed] == ["Protocol drafted"]
    assert section.completed[0].milestone.completed_on == datetime.date(2027, 1, 20)
    assert str(section.overdue[0].action).startswith("(a) Clarify roles")


def test_a_quarter_still_running_reports_to_today(warwickshire, lived):
    today = datetime.date(2027, 2, 10)
    content = build_content(partnership=warwickshire, quarter=Q1, today=today)
    assert content.period_end == today
    assert content.is_partial
    [plan] = content.plans
    assert plan.changes == Q1_CHANGES[:2]
    assert plan.summary.rag == Rag.GREEN
    assert plan.sections[0].overdue == []
    assert plan.samples[-1].day == today


def test_a_later_change_does_not_alter_an_earlier_quarter(warwickshire, lived):
    _plan, _section, _action, milestones = lived
    with on(AFTER_Q1):
        services.update_milestone(milestone=milestones["agreed"], status=MilestoneStatus.DONE)
    [plan] = build_content(partnership=warwickshire, quarter=Q1, today=AFTER_Q1).plans
    assert plan.changes == Q1_CHANGES
    assert [line.milestone.title for line in plan.sections[0].overdue] == ["Protocol agreed"]


def test_a_deleted_action_counts_until_the_day_it_was_removed(warwickshire, lived):
    plan, _section, _action, _milestones = lived
    with on(datetime.date(2027, 2, 1)):
        spare = services.add_action(plan=plan, title="Publish the protocol", due=datetime.date(2027, 2, 10))
        services.add_milestone(action=spare, title="Protocol published", due=datetime.date(2027, 2, 10))
    with on(datetime.date(2027, 2, 20)):
        services.remove_action(action=spare)
    [report] = build_content(partnership=warwickshire, quarter=Q1, today=AFTER_Q1).plans
    assert report.changes == changes(
        ((2027, 1, 10), "green", "amber"),
        ((2027, 1, 25), "amber", "green"),
        ((2027, 2, 11), "green", "red"),
        ((2027, 2, 20), "red", "green"),
        ((2027, 3, 1), "green", "amber"),
        ((2027, 3, 16), "amber", "red"),
    )
    # The action in no section shows only while it has something to show.
    assert [section.title for section in report.sections] == ["B. Relationships", NO_SECTION]


def test_statuses_are_sampled_weekly_and_at_the_period_end(warwickshire, lived):
    [plan] = build_content(partnership=warwickshire, quarter=Q1, today=AFTER_Q1).plans
    assert [sample.day for sample in plan.samples] == sample_days(Q1.start, Q1.end)
    assert plan.samples[0].day == datetime.date(2027, 1, 1)
    assert plan.samples[-1].day == datetime.date(2027, 3, 31)
    assert len(plan.samples) == 14
    first, last = plan.samples[0].statuses, plan.samples[-1].statuses
    assert (first["on_track"], first["not_started"], first["done"]) == (2, 1, 0)
    assert (last["done"], last["overdue"], last["on_track"]) == (1, 1, 1)


def test_other_partnerships_plans_are_not_in_the_report(warwickshire, other_partnership, secretariat, lived):
    with on(datetime.date(2027, 1, 5)):
        services.create_plan(partnership=other_partnership, title="Rugby plan")
    content = build_content(partnership=warwickshire, quarter=Q1, today=AFTER_Q1)
    assert [plan.plan.title for plan in content.plans] == [PLAN_TITLE]
    assert build_content(partnership=other_partnership, quarter=Q1, today=AFTER_Q1).plans[0].changes == []


def test_a_plan_made_after_the_period_is_not_in_it(warwickshire, lived):
    with on(AFTER_Q1):
        services.create_plan(partnership=warwickshire, title="Plan for 2027 to 2030")
    content = build_content(partnership=warwickshire, quarter=Q1, today=AFTER_Q1)
    assert [plan.plan.title for plan in content.plans] == [PLAN_TITLE]
