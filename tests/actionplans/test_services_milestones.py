"""Milestones and their statuses, and the progress an action's owner reports."""

import datetime

import pytest
import time_machine

from actionplans import services
from actionplans.models import Milestone, MilestoneStatus, ProgressUpdate
from partnership.errors import RuleBroken
from tests.actionplans.factories import ActionFactory, ActionPlanFactory, MilestoneFactory

TODAY = datetime.date(2026, 11, 25)


@pytest.fixture
def action(warwickshire):
    plan = ActionPlanFactory(partnership=warwickshire, title="Test Valley action plan")
    return ActionFactory(plan=plan, title="Prepare the Crime and Disorder Strategy", owner="Test Valley CSP")


@pytest.fixture
def milestone(action):
    return services.add_milestone(action=action, title="Strategic assessment agreed", due=datetime.date(2027, 1, 31))


def test_a_milestone_starts_not_started(milestone):
    assert milestone.status == MilestoneStatus.NOT_STARTED
    assert milestone.completed_on is None
    assert milestone.current_status == MilestoneStatus.NOT_STARTED


def test_a_milestone_needs_a_title(action):
    with pytest.raises(RuleBroken, match="Give the milestone a title") as refusal:
        services.add_milestone(action=action, title="")
    assert refusal.value.field == "title"
    assert not Milestone.objects.exists()


def test_overdue_is_never_recorded(action):
    with pytest.raises(RuleBroken, match="Overdue is worked out from the due date") as refusal:
        services.add_milestone(action=action, title="Late", status=MilestoneStatus.OVERDUE)
    assert refusal.value.field == "status"
    assert not Milestone.objects.exists()


def test_a_status_is_one_of_the_recorded_ones(action):
    with pytest.raises(RuleBroken, match="not started, on track, at risk or done"):
        services.add_milestone(action=action, title="Odd", status="amber")
    assert not Milestone.objects.exists()


def test_a_milestone_due_date_is_within_reason(action):
    with pytest.raises(RuleBroken, match="between 1900 and 2100") as refusal:
        services.add_milestone(action=action, title="Typo", due=datetime.date(2207, 1, 1))
    assert refusal.value.field == "due"
    assert not Milestone.objects.exists()


def test_a_done_milestone_is_completed_today(action):
    milestone = services.add_milestone(action=action, title="Audit done", status=MilestoneStatus.DONE)
    assert milestone.completed_on == TODAY


def test_a_done_milestone_may_say_when(action):
    milestone = services.add_milestone(
        action=action, title="Audit done", status="done", completed_on=datetime.date(2026, 10, 2)
    )
    assert milestone.completed_on == datetime.date(2026, 10, 2)


def test_a_milestone_is_not_done_in_the_future(action):
    with pytest.raises(RuleBroken, match="day still to come") as refusal:
        services.add_milestone(action=action, title="Audit", status="done", completed_on=TODAY.replace(day=26))
    assert refusal.value.field == "completed_on"
    assert not Milestone.objects.exists()


def test_only_a_done_milestone_is_completed(action):
    with pytest.raises(RuleBroken, match="Only a milestone that is done") as refusal:
        services.add_milestone(action=action, title="Audit", status="on_track", completed_on=TODAY)
    assert refusal.value.field == "completed_on"
    assert not Milestone.objects.exists()


def test_marking_done_sets_completed_on_and_reopening_clears_it(milestone):
    services.update_milestone(milestone=milestone, status="done")
    milestone.refresh_from_db()
    assert milestone.completed_on == TODAY
    services.update_milestone(milestone=milestone, status="at_risk")
    milestone.refresh_from_db()
    assert (milestone.status, milestone.completed_on) == ("at_risk", None)


def test_an_update_keeps_the_rules(milestone):
    for changes, message in [
        ({"status": "overdue"}, "Overdue is worked out"),
        ({"title": " "}, "Give the milestone a title"),
        ({"due": datetime.date(1800, 1, 1)}, "between 1900 and 2100"),
        ({"completed_on": TODAY}, "Only a milestone that is done"),
    ]:
        with pytest.raises(RuleBroken, match=message):
            services.update_milestone(milestone=milestone, **changes)
    milestone.refresh_from_db()
    assert (milestone.title, milestone.status, milestone.due) == (
        "Strategic assessment agreed",
        "not_started",
        datetime.date(2027, 1, 31),
    )


def test_an_unknown_milestone_field_is_a_programming_error(milestone):
    with pytest.raises(TypeError, match="unknown milestone fields"):
        services.update_milestone(milestone=milestone, action=None)


def test_a_milestone_past_due_and_not_done_is_overdue(milestone):
    assert milestone.current_status == MilestoneStatus.NOT_STARTED
    with time_machine.travel(datetime.datetime(2027, 1, 31, 23, 0), tick=False):
        assert milestone.current_status == MilestoneStatus.NOT_STARTED  # due today is not yet overdue
    with time_machine.travel(datetime.datetime(2027, 2, 1, 12, 0), tick=False):
        assert milestone.current_status == MilestoneStatus.OVERDUE
        services.update_milestone(milestone=milestone, status="done")
        milestone.refresh_from_db()
        assert milestone.current_status == MilestoneStatus.DONE
        assert milestone.completed_on == datetime.date(2027, 2, 1)


def test_progress_is_recorded_with_its_evidence(action, member):
    update = services.record_progress(
        action=action,
        text="Strategy drafted and sent to partners",
        reported_on=datetime.date(2026, 11, 20),
        evidence="Draft strategy v2",
        by=member,
    )
    assert update.reported_by == member
    assert (update.milestone, update.status, update.evidence) == (None, "", "Draft strategy v2")


def test_progress_with_a_status_moves_the_milestone(action, milestone, member):
    services.record_progress(
        action=action,
        text="Partners slow to reply",
        reported_on=TODAY,
        milestone=milestone,
        status="at_risk",
        by=member,
    )
    milestone.refresh_from_db()
    assert milestone.status == MilestoneStatus.AT_RISK


def test_progress_marking_done_completes_the_milestone_on_the_day_reported(action, milestone, member):
    update = services.record_progress(
        action=action,
        text="Assessment agreed by the board",
        reported_on=datetime.date(2026, 11, 19),
        milestone=milestone,
        status="done",
        by=member,
    )
    milestone.refresh_from_db()
    assert (milestone.status, milestone.completed_on) == ("done", datetime.date(2026, 11, 19))
    assert update.status == "done"


def test_progress_is_not_reported_ahead_of_time(action, member):
    with pytest.raises(RuleBroken, match="on or before today, 25 November 2026") as refusal:
        services.record_progress(action=action, text="Will be done", reported_on=TODAY.replace(day=26), by=member)
    assert refusal.value.field == "reported_on"
    assert not ProgressUpdate.objects.exists()


def test_progress_says_what_was_done(action, member):
    with pytest.raises(RuleBroken, match="Say what progress was made") as refusal:
        services.record_progress(action=action, text=" ", reported_on=TODAY, by=member)
    assert refusal.value.field == "text"
    assert not ProgressUpdate.objects.exists()


def test_the_milestone_belongs_to_the_action(action, member):
    elsewhere = MilestoneFactory(action=ActionFactory(plan=action.plan))
    with pytest.raises(RuleBroken, match="one of this action's milestones") as refusal:
        services.record_progress(
            action=action, text="Done", reported_on=TODAY, milestone=elsewhere, status="done", by=member
        )
    assert refusal.value.field == "milestone"
    assert not ProgressUpdate.objects.exists()
    elsewhere.refresh_from_db()
    assert elsewhere.status == "not_started"


def test_a_status_needs_its_milestone(action, member):
    with pytest.raises(RuleBroken, match="Say which milestone the status is for") as refusal:
        services.record_progress(action=action, text="Going well", reported_on=TODAY, status="on_track", by=member)
    assert refusal.value.field == "milestone"
    assert not ProgressUpdate.objects.exists()


@pytest.mark.parametrize("status", ["overdue", "red"])
def test_progress_records_only_recorded_statuses(action, milestone, member, status):
    with pytest.raises(RuleBroken, match="not started, on track, at risk or done"):
        services.record_progress(
            action=action, text="Late", reported_on=TODAY, milestone=milestone, status=status, by=member
        )
    assert not ProgressUpdate.objects.exists()
    milestone.refresh_from_db()
    assert milestone.status == "not_started"
