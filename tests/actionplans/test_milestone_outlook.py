"""Where an action's milestones stand on a day, read once for "My actions", the members' home
and matters arising: which are overdue, which comes next, and the status of the first not done."""

import datetime

import pytest

from actionplans.models import Action, ActionPlan, Milestone, MilestoneStatus
from actionplans.progress import milestone_outlook

pytestmark = pytest.mark.django_db
DAY = datetime.date(2026, 11, 25)


def action_with(partnership, *milestones) -> Action:
    plan = ActionPlan.objects.create(partnership=partnership, title="Community safety plan")
    action = Action.objects.create(plan=plan, position=1, title="Reduce reoffending")
    for number, (due, status) in enumerate(milestones):
        Milestone.objects.create(action=action, title=f"Step {number + 1}", due=due, status=status)
    return Action.objects.prefetch_related("milestones").get(pk=action.pk)


def test_overdue_next_and_current_on_the_day(warwickshire):
    action = action_with(
        warwickshire,
        (DAY - datetime.timedelta(days=30), MilestoneStatus.DONE),
        (DAY - datetime.timedelta(days=3), MilestoneStatus.ON_TRACK),
        (DAY, MilestoneStatus.AT_RISK),
        (DAY + datetime.timedelta(days=30), MilestoneStatus.ON_TRACK),
    )

    outlook = milestone_outlook(action, DAY)

    assert [(milestone.title, status) for milestone, status in outlook.rows] == [
        ("Step 1", MilestoneStatus.DONE),
        ("Step 2", MilestoneStatus.OVERDUE),
        ("Step 3", MilestoneStatus.AT_RISK),
        ("Step 4", MilestoneStatus.ON_TRACK),
    ]
    assert [milestone.title for milestone in outlook.overdue] == ["Step 2"]
    assert outlook.next_milestone.title == "Step 3"
    assert outlook.current_status == MilestoneStatus.OVERDUE


def test_an_action_with_every_milestone_done_has_nothing_next(warwickshire):
    action = action_with(warwickshire, (DAY - datetime.timedelta(days=3), MilestoneStatus.DONE))

    outlook = milestone_outlook(action, DAY)

    assert outlook.overdue == []
    assert outlook.next_milestone is None
    assert outlook.current_status == ""


def test_an_action_without_milestones_has_no_outlook(warwickshire):
    outlook = milestone_outlook(action_with(warwickshire), DAY)

    assert (outlook.rows, outlook.next_milestone, outlook.current_status) == ([], None, "")


def test_reading_the_outlook_asks_the_database_nothing_more(warwickshire, django_assert_num_queries):
    action = action_with(warwickshire, (DAY, MilestoneStatus.ON_TRACK), (DAY, MilestoneStatus.DONE))

    with django_assert_num_queries(0):
        outlook = milestone_outlook(action, DAY)
        assert outlook.next_milestone.title == "Step 1"
