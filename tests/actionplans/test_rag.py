"""The red, amber or green of a plan and its sections (actionplans/rag.py's rule)."""

import datetime

import pytest

from actionplans.models import MilestoneStatus
from actionplans.rag import Rag, is_late, plan_rag
from tests.actionplans.factories import ActionFactory, ActionPlanFactory, MilestoneFactory, SectionFactory

TODAY = datetime.date(2026, 11, 25)
LAST_MONTH = datetime.date(2026, 10, 31)
NEXT_MONTH = datetime.date(2026, 12, 31)


@pytest.fixture
def plan(warwickshire):
    return ActionPlanFactory(partnership=warwickshire, title="Test Valley action plan")


@pytest.fixture
def lead(plan):
    return SectionFactory(plan=plan, position=1, code="", title="Lead and Guide")


@pytest.fixture
def involve(plan):
    return SectionFactory(plan=plan, position=2, code="", title="Involve")


def milestone(section, status=MilestoneStatus.ON_TRACK, due=NEXT_MONTH, action_due=None, **action):
    action = ActionFactory(plan=section.plan, section=section, due=action_due, **action)
    return MilestoneFactory(action=action, status=status, due=due)


def test_an_empty_plan_is_green(plan):
    rag = plan_rag(plan, day=TODAY)
    assert rag.summary.rag == Rag.GREEN
    assert rag.summary.milestones == 0
    assert rag.sections == []


def test_all_on_track_is_green(lead):
    milestone(lead)
    milestone(lead, status=MilestoneStatus.DONE, due=LAST_MONTH)
    rag = plan_rag(lead.plan, day=TODAY)
    assert rag.summary.rag == Rag.GREEN
    assert rag.summary.statuses == {"not_started": 0, "on_track": 1, "at_risk": 0, "overdue": 0, "done": 1}


def test_an_overdue_milestone_makes_it_red(lead, involve):
    milestone(lead, status=MilestoneStatus.ON_TRACK, due=LAST_MONTH)
    milestone(involve, status=MilestoneStatus.AT_RISK)
    rag = plan_rag(lead.plan, day=TODAY)
    assert rag.summary.rag == Rag.RED
    assert rag.summary.statuses["overdue"] == 1
    assert [(s.section, s.summary.rag) for s in rag.sections] == [(lead, Rag.RED), (involve, Rag.AMBER)]


def test_a_milestone_at_risk_makes_it_amber(lead):
    milestone(lead, status=MilestoneStatus.AT_RISK)
    assert plan_rag(lead.plan, day=TODAY).summary.rag == Rag.AMBER


def test_an_action_past_its_date_with_milestones_not_done_is_amber(lead):
    late = milestone(lead, status=MilestoneStatus.ON_TRACK, due=NEXT_MONTH, action_due=LAST_MONTH)
    rag = plan_rag(lead.plan, day=TODAY)
    assert is_late(late.action, TODAY)
    assert (rag.summary.rag, rag.summary.late_actions, rag.summary.actions) == (Rag.AMBER, 1, 1)


def test_an_action_past_its_date_with_nothing_to_show_is_amber(lead):
    action = ActionFactory(plan=lead.plan, section=lead, due=LAST_MONTH)
    assert is_late(action, TODAY)
    assert plan_rag(lead.plan, day=TODAY).summary.rag == Rag.AMBER


def test_an_action_past_its_date_with_every_milestone_done_is_green(lead):
    done = milestone(lead, status=MilestoneStatus.DONE, due=LAST_MONTH, action_due=LAST_MONTH)
    assert not is_late(done.action, TODAY)
    assert plan_rag(lead.plan, day=TODAY).summary.rag == Rag.GREEN


def test_an_action_due_today_is_not_late(lead):
    action = ActionFactory(plan=lead.plan, section=lead, due=TODAY)
    assert not is_late(action, TODAY)
    assert plan_rag(lead.plan, day=TODAY).summary.rag == Rag.GREEN


def test_an_ongoing_action_is_never_late_by_date(lead):
    action = ActionFactory(plan=lead.plan, section=lead, is_ongoing=True, due_text="Ongoing")
    assert not is_late(action, TODAY)
    assert plan_rag(lead.plan, day=TODAY).summary.rag == Rag.GREEN


def test_overdue_outranks_at_risk_and_late(lead):
    milestone(lead, status=MilestoneStatus.AT_RISK, action_due=LAST_MONTH)
    milestone(lead, status=MilestoneStatus.NOT_STARTED, due=LAST_MONTH)
    assert plan_rag(lead.plan, day=TODAY).summary.rag == Rag.RED


def test_the_colour_is_for_the_day_asked(lead):
    milestone(lead, status=MilestoneStatus.ON_TRACK, due=NEXT_MONTH)
    assert plan_rag(lead.plan, day=TODAY).summary.rag == Rag.GREEN
    assert plan_rag(lead.plan, day=datetime.date(2027, 1, 1)).summary.rag == Rag.RED
    assert plan_rag(lead.plan).day == TODAY  # today by default


def test_actions_in_no_section_come_last_and_count_for_the_plan(plan, lead):
    milestone(lead)
    MilestoneFactory(action=ActionFactory(plan=plan, section=None), status="not_started", due=LAST_MONTH)
    rag = plan_rag(plan, day=TODAY)
    assert [s.section for s in rag.sections] == [lead, None]
    assert [s.summary.rag for s in rag.sections] == [Rag.GREEN, Rag.RED]
    assert rag.summary.rag == Rag.RED
    assert rag.summary.actions == 2


def test_an_empty_section_is_listed_green(plan, lead, involve):
    milestone(involve, status=MilestoneStatus.AT_RISK)
    rag = plan_rag(plan, day=TODAY)
    assert [(s.section, s.summary.rag, s.summary.actions) for s in rag.sections] == [
        (lead, Rag.GREEN, 0),
        (involve, Rag.AMBER, 1),
    ]


def test_another_plans_actions_do_not_count(plan, lead, warwickshire):
    other = ActionPlanFactory(partnership=warwickshire, title="Ethical framework action plan")
    MilestoneFactory(action=ActionFactory(plan=other), due=LAST_MONTH)
    assert plan_rag(plan, day=TODAY).summary.rag == Rag.GREEN


def test_the_summary_takes_a_fixed_number_of_queries(plan, lead, involve, django_assert_max_num_queries):
    """300 actions with two milestones each, in two sections: five queries (plan, sections,
    actions with owners, milestones), the same as for one action."""
    statuses = [MilestoneStatus.ON_TRACK, MilestoneStatus.AT_RISK, MilestoneStatus.DONE, MilestoneStatus.NOT_STARTED]
    for n in range(300):
        action = ActionFactory(plan=plan, section=(lead, involve)[n % 2], position=n + 1, due=NEXT_MONTH)
        MilestoneFactory(action=action, status=statuses[n % 4], due=NEXT_MONTH)
        MilestoneFactory(action=action, status=MilestoneStatus.DONE, due=LAST_MONTH)
    with django_assert_max_num_queries(5):
        rag = plan_rag(plan, day=TODAY)
        rows = [(s.section.title, s.summary.rag, s.summary.statuses) for s in rag.sections]
        owners = [a.owner_member for a in rag.plan.actions.all()]
    assert rag.summary.actions == 300
    assert rag.summary.milestones == 600
    assert rag.summary.statuses == {"not_started": 75, "on_track": 75, "at_risk": 75, "overdue": 0, "done": 375}
    assert rag.summary.rag == Rag.AMBER
    assert [row[:2] for row in rows] == [("Lead and Guide", Rag.GREEN), ("Involve", Rag.AMBER)]
    assert len(owners) == 300
