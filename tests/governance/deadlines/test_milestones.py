"""Action milestones: the owner is reminded 5 working days before a milestone is due; the owner
and the secretariat are told the working day after it was due, then every week while it is not
done."""

import datetime

import pytest
from django.urls import reverse

from actionplans.models import MilestoneStatus
from governance.deadlines import milestones
from governance.deadlines import sweep as the_sweep
from governance.deadlines.context import load_context
from partnership.models import ClosureDay, Member
from tests.actionplans.factories import ActionFactory, ActionPlanFactory, MilestoneFactory, SectionFactory
from tests.factories import MemberFactory, PartnershipFactory, PersonFactory, SecretariatFactory

from .conftest import addressed_to, subjects

SECRETARIAT = "sam.secretariat@example.org"
OWNER = "mo.member@police.example.org"
CHAIR = "carol.chair@warwickshire.example.org"
DUE = datetime.date(2026, 12, 9)  # a Wednesday with no holiday near


@pytest.fixture(autouse=True)
def only_this_rule(monkeypatch):
    """Other rules (the yearly prompt to confirm interests, the year's meetings) write to the
    same people on the same days; this module tests what its own rule sends."""
    monkeypatch.setattr(the_sweep, "RULES", (milestones.find,))


@pytest.fixture
def plan(warwickshire):
    return ActionPlanFactory(partnership=warwickshire, title="Ethical framework action plan")


@pytest.fixture
def owned_action(plan, member):
    return ActionFactory(
        plan=plan,
        section=SectionFactory(plan=plan),
        reference="(a)",
        title="Clarify roles and responsibilities of partners",
        owner_member=Member.objects.get(person__user=member),
    )


def milestone_due(action, due, **fields):
    return MilestoneFactory(action=action, title="Protocol drafted", due=due, **fields)


def html(message) -> str:
    return message.alternatives[0][0]


def test_the_owner_is_reminded_five_working_days_before_a_milestone_is_due(owned_action, secretariat, chair, sweep):
    milestone_due(owned_action, DUE)
    assert sweep(datetime.date(2026, 12, 1)) == []
    sent = sweep(datetime.date(2026, 12, 2))  # Wednesday: 5 working days before

    assert subjects(sent) == ["Milestone due on Wednesday 9 December: Protocol drafted"]
    assert sent[0].to == [OWNER]
    sentence = (
        "The milestone “Protocol drafted” of action (a) Clarify roles and responsibilities of partners in "
        "Ethical framework action plan is due on Wednesday 9 December 2026."
    )
    link = reverse("my_actions:progress", kwargs={"pk": owned_action.pk})
    assert sentence in sent[0].body
    assert link in sent[0].body
    assert sentence in html(sent[0])
    assert link in html(sent[0])
    assert "as the member who owns the action" in sent[0].body
    assert sweep(datetime.date(2026, 12, 3)) == []  # told once


def test_a_closure_day_and_christmas_move_the_reminder_earlier(warwickshire, owned_action, secretariat, sweep):
    # Due Monday 4 January 2027: New Year's Day, Boxing Day (substitute, 28th), Christmas Day
    # and the closure day on Christmas Eve are not working days, so 5 working days before is
    # Tuesday 22 December.
    ClosureDay.objects.create(partnership=warwickshire, date=datetime.date(2026, 12, 24), name="Christmas Eve")
    milestone_due(owned_action, datetime.date(2027, 1, 4))

    assert sweep(datetime.date(2026, 12, 21)) == []
    sent = sweep(datetime.date(2026, 12, 22))
    assert subjects(sent) == ["Milestone due on Monday 4 January: Protocol drafted"]
    assert sweep(datetime.date(2026, 12, 23)) == []


def test_owner_and_secretariat_are_told_the_working_day_after_it_was_due_then_weekly(
    owned_action, plan, secretariat, chair, sweep
):
    milestone_due(owned_action, DUE)
    sweep(datetime.date(2026, 12, 2))
    assert sweep(DUE) == []
    sent = sweep(datetime.date(2026, 12, 10))

    assert subjects(sent) == ["Milestone overdue since Wednesday 9 December: Protocol drafted"] * 2
    to_owner, to_secretariat = addressed_to(sent, OWNER), addressed_to(sent, SECRETARIAT)
    assert to_owner
    assert to_secretariat
    assert not addressed_to(sent, CHAIR)
    assert "was due on Wednesday 9 December 2026 and is not done." in to_owner[0].body
    assert reverse("my_actions:progress", kwargs={"pk": owned_action.pk}) in to_owner[0].body
    plan_link = reverse("actionplans:plan", kwargs={"slug": plan.partnership.slug, "pk": plan.pk})
    assert f"{plan_link}#section-{owned_action.section_id}" in to_secretariat[0].body
    assert plan_link in html(to_secretariat[0])
    assert "every week until the milestone is done" in to_secretariat[0].body

    assert sweep(datetime.date(2026, 12, 11)) == []
    assert sweep(datetime.date(2026, 12, 16)) == []
    assert len(sweep(datetime.date(2026, 12, 17))) == 2  # a week on
    assert sweep(datetime.date(2026, 12, 18)) == []


def test_a_weekly_repeat_falling_on_a_bank_holiday_waits_for_the_next_working_day(owned_action, secretariat, sweep):
    # Due Friday 18 December: first overdue on Monday 21st; a week on is Monday 28 December,
    # the substitute Boxing Day.
    milestone_due(owned_action, datetime.date(2026, 12, 18))
    assert len(sweep(datetime.date(2026, 12, 21))) == 2
    assert sweep(datetime.date(2026, 12, 28)) == []
    assert len(sweep(datetime.date(2026, 12, 29))) == 2
    assert sweep(datetime.date(2026, 12, 30)) == []


def test_overdue_starts_after_the_bank_holidays_that_follow_the_due_date(owned_action, secretariat, sweep):
    milestone_due(owned_action, datetime.date(2026, 12, 24))
    assert sweep(datetime.date(2026, 12, 28)) == []  # substitute Boxing Day
    assert len(sweep(datetime.date(2026, 12, 29))) == 2


def test_a_done_milestone_sends_nothing(owned_action, secretariat, sweep):
    milestone_due(owned_action, DUE, status=MilestoneStatus.DONE, completed_on=datetime.date(2026, 11, 20))
    assert sweep(datetime.date(2026, 12, 2)) == []
    assert sweep(datetime.date(2026, 12, 10)) == []


def test_a_milestone_done_after_the_first_overdue_notice_stops_the_weekly_repeat(owned_action, secretariat, sweep):
    milestone = milestone_due(owned_action, DUE)
    assert len(sweep(datetime.date(2026, 12, 10))) == 2
    milestone.status, milestone.completed_on = MilestoneStatus.DONE, datetime.date(2026, 12, 14)
    milestone.save()
    assert sweep(datetime.date(2026, 12, 17)) == []


def test_a_milestone_moved_to_a_later_date_is_reminded_again(owned_action, secretariat, sweep):
    milestone = milestone_due(owned_action, DUE)
    assert len(sweep(datetime.date(2026, 12, 2))) == 1
    milestone.due = datetime.date(2026, 12, 16)
    milestone.save()
    sent = sweep(datetime.date(2026, 12, 9))
    assert subjects(sent) == ["Milestone due on Wednesday 16 December: Protocol drafted"]


def test_without_a_linked_owner_only_the_secretariat_is_told_when_overdue(plan, secretariat, member, sweep):
    action = ActionFactory(plan=plan, owner="CSP Manager", owner_member=None)
    milestone_due(action, DUE)
    assert sweep(datetime.date(2026, 12, 2)) == []
    sent = sweep(datetime.date(2026, 12, 10))
    assert [message.to for message in sent] == [[SECRETARIAT]]
    assert "No member of the partnership is linked as the action's owner." in sent[0].body


def test_an_owner_who_has_left_the_partnership_is_not_told(owned_action, secretariat, sweep):
    Member.objects.filter(pk=owned_action.owner_member_id).update(active=False)
    milestone_due(owned_action, DUE)
    assert sweep(datetime.date(2026, 12, 2)) == []
    assert [message.to for message in sweep(datetime.date(2026, 12, 10))] == [[SECRETARIAT]]


def test_another_partnerships_milestones_go_to_its_own_people(
    owned_action, secretariat, chair, outsider, other_partnership, sweep
):
    rugby_plan = ActionPlanFactory(partnership=other_partnership)
    rugby_owner = Member.objects.get(person__user=outsider)
    milestone_due(owned_action, DUE)
    milestone_due(ActionFactory(plan=rugby_plan, owner_member=rugby_owner), DUE)

    sent = sweep(datetime.date(2026, 12, 10))
    assert len(addressed_to(sent, "oscar.outsider@example.org")) == 1  # Rugby's secretariat
    assert len(addressed_to(sent, rugby_owner.person.email)) == 1
    assert len(addressed_to(sent, SECRETARIAT)) == 1  # Warwickshire's own milestone only
    assert len(addressed_to(sent, OWNER)) == 1
    assert len(sent) == 4


def _partnerships_with_milestones(count: int) -> None:
    for _ in range(count):
        partnership = PartnershipFactory()
        SecretariatFactory(partnership=partnership)
        ClosureDay.objects.create(partnership=partnership, date=datetime.date(2026, 12, 24), name="Christmas Eve")
        owner = MemberFactory(nominating_body__partnership=partnership, person=PersonFactory())
        action = ActionFactory(plan=ActionPlanFactory(partnership=partnership), owner_member=owner)
        milestone_due(action, datetime.date(2026, 11, 27))  # due soon
        milestone_due(action, datetime.date(2026, 11, 2))  # overdue


@pytest.mark.parametrize("count", [2, 20])
def test_finding_the_milestones_takes_the_same_queries_whatever_the_number(db, count, django_assert_max_num_queries):
    _partnerships_with_milestones(count)
    with django_assert_max_num_queries(5):
        notices = list(milestones.find(load_context()))
    assert len(notices) == 3 * count
