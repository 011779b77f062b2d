"""Who may read a partnership's plans, keep them, and report progress on an action."""

import pytest
from django.contrib.auth.models import AnonymousUser

from actionplans.selectors import actions_owned_by, plans_visible_to
from tests.actionplans.factories import ActionFactory, ActionPlanFactory, MilestoneFactory, SectionFactory
from tests.factories import MemberFactory, NominatingBodyFactory, PersonFactory, UserFactory


@pytest.fixture
def plan(warwickshire):
    return ActionPlanFactory(partnership=warwickshire, title="Ethical framework action plan")


@pytest.fixture
def owned_action(plan, member):
    return ActionFactory(plan=plan, owner="Chief Superintendent", owner_member=member.person.seats.get())


@pytest.fixture
def cast(secretariat, chair, member, outsider, staff):
    return {
        "secretariat": secretariat,
        "chair": chair,
        "member": member,
        "outsider": outsider,
        "staff": staff,
        "anonymous": AnonymousUser(),
    }


VIEWERS = {"secretariat", "chair", "member", "staff"}
MANAGERS = {"secretariat", "staff"}


@pytest.mark.parametrize("who", ["secretariat", "chair", "member", "outsider", "staff", "anonymous"])
def test_who_reads_the_plans(cast, warwickshire, plan, who):
    user = cast[who]
    section = SectionFactory(plan=plan)
    milestone = MilestoneFactory(action=ActionFactory(plan=plan, section=section))
    for obj in (warwickshire, plan, section, milestone.action, milestone):
        assert user.has_perm("actionplans.view_plans", obj) is (who in VIEWERS), obj


@pytest.mark.parametrize("who", ["secretariat", "chair", "member", "outsider", "staff", "anonymous"])
def test_who_keeps_the_plans(cast, warwickshire, plan, who):
    user = cast[who]
    for obj in (warwickshire, plan, ActionFactory(plan=plan)):
        assert user.has_perm("actionplans.manage_plans", obj) is (who in MANAGERS), obj


@pytest.mark.parametrize("who", ["secretariat", "chair", "member", "outsider", "staff", "anonymous"])
def test_who_reports_progress_on_an_action(cast, owned_action, who):
    """The member who owns it, and the secretariat (and staff) who keep the plan."""
    assert cast[who].has_perm("actionplans.update_own_action", owned_action) is (who in MANAGERS | {"member"})


def test_a_member_may_not_report_on_an_action_they_do_not_own(member, plan):
    assert not member.has_perm("actionplans.update_own_action", ActionFactory(plan=plan, owner="Mo Member"))


def test_a_member_who_has_left_reports_no_more(member, owned_action):
    seat = owned_action.owner_member
    seat.active = False
    seat.save()
    fresh = UserFactory(username=member.username)  # a new request: no roles cached
    owned_action.refresh_from_db()
    assert not fresh.has_perm("actionplans.update_own_action", owned_action)


def test_the_owners_seat_on_another_partnership_does_not_count(other_partnership, member):
    """Mo also sits on Rugby. An action of a Rugby plan owned by Mo's Rugby seat is Mo's; one
    wrongly linked to Mo's Warwickshire seat gives Mo nothing on Rugby's plan."""
    rugby_plan = ActionPlanFactory(partnership=other_partnership)
    body = NominatingBodyFactory(partnership=other_partnership, name="Rugby Borough Council")
    rugby_seat = MemberFactory(nominating_body=body, person=member.person)
    assert member.has_perm("actionplans.update_own_action", ActionFactory(plan=rugby_plan, owner_member=rugby_seat))
    warwickshire_seat = member.person.seats.get(partnership__slug="warwickshire-scp")
    mislinked = ActionFactory(plan=rugby_plan, owner_member=warwickshire_seat)
    assert not member.has_perm("actionplans.update_own_action", mislinked)


def test_a_login_without_a_seat_owns_nothing(owned_action):
    stranger = UserFactory(username="sid.stranger")
    PersonFactory(name="Sid Stranger", user=stranger)
    assert not stranger.has_perm("actionplans.update_own_action", owned_action)
    assert not stranger.has_perm("actionplans.view_plans", owned_action.plan)


def test_nothing_is_granted_on_no_object(member, secretariat):
    assert not secretariat.has_perm("actionplans.manage_plans", None)
    assert not member.has_perm("actionplans.update_own_action", None)


def test_plans_listed_are_those_of_the_callers_partnerships(cast, plan, other_partnership):
    rugby_plan = ActionPlanFactory(partnership=other_partnership)
    assert list(plans_visible_to(cast["member"])) == [plan]
    assert list(plans_visible_to(cast["outsider"])) == [rugby_plan]
    assert set(plans_visible_to(cast["staff"])) == {plan, rugby_plan}
    assert not plans_visible_to(cast["anonymous"]).exists()


def test_my_actions_are_those_my_current_seat_owns(cast, owned_action, plan):
    ActionFactory(plan=plan, owner="Chief Superintendent")  # the words alone make no owner
    assert list(actions_owned_by(cast["member"])) == [owned_action]
    assert not actions_owned_by(cast["secretariat"]).exists()
    assert not actions_owned_by(cast["anonymous"]).exists()
