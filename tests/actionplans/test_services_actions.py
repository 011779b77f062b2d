"""Adding, changing, dating and removing the actions of a plan (seeds 002 and 004)."""

import datetime

import pytest

from actionplans import services
from actionplans.models import Action
from partnership.errors import RuleBroken
from partnership.models import WithdrawalNotice
from tests.actionplans.factories import ActionFactory, ActionPlanFactory, ProgressUpdateFactory, SectionFactory
from tests.factories import MemberFactory, NominatingBodyFactory


@pytest.fixture
def plan(warwickshire):
    return ActionPlanFactory(partnership=warwickshire, title="Ethical framework action plan")


@pytest.fixture
def communication(plan):
    return SectionFactory(plan=plan, code="C", title="COMMUNICATION")


@pytest.fixture
def mo_member(member):
    return member.person.seats.get()


def induction(plan, **details):
    return services.add_action(
        plan=plan,
        title="Review induction processes",
        reference="(a)",
        method="New e-learning induction package",
        owner="Monitoring Officer and",
        due_text="September 2006",
        due=datetime.date(2006, 9, 30),
        **details,
    )


def test_an_action_keeps_the_columns_as_written(plan, communication):
    action = induction(
        plan,
        section=communication,
        resources="IT e-learning package needs to be up and running",
        outcomes="Staff will know of the requirement",
        evaluation="Repeat of Self Assessment survey",
        wp_reference="WP 12-01-07 and subsequen t meetings",
    )
    action.refresh_from_db()
    assert action.owner == "Monitoring Officer and"
    assert action.section == communication
    assert action.due == datetime.date(2006, 9, 30)
    assert action.due_text == "September 2006"
    assert action.wp_reference == "WP 12-01-07 and subsequen t meetings"
    assert action.position == 1


def test_actions_are_numbered_in_the_order_added(plan):
    first = induction(plan)
    second = services.add_action(plan=plan, title="Prepare the Crime and Disorder Strategy", owner="Test Valley CSP")
    assert (first.position, second.position) == (1, 2)


def test_an_action_needs_a_title(plan):
    with pytest.raises(RuleBroken, match="Say what the action is") as refusal:
        services.add_action(plan=plan, title="  ", owner="MO")
    assert refusal.value.field == "title"
    assert not Action.objects.exists()


def test_the_section_is_one_of_the_plans(plan, other_partnership):
    elsewhere = SectionFactory(plan=ActionPlanFactory(partnership=other_partnership))
    with pytest.raises(RuleBroken, match="one of this plan's sections") as refusal:
        induction(plan, section=elsewhere)
    assert refusal.value.field == "section"
    assert not Action.objects.exists()


def test_the_owner_may_be_linked_to_a_member(plan, mo_member):
    action = induction(plan, owner_member=mo_member)
    assert action.owner_member == mo_member
    assert action.owner == "Monitoring Officer and"


def test_the_owner_is_a_member_of_the_plans_partnership(plan, outsider):
    rugby_member = outsider.person.seats.get()
    with pytest.raises(RuleBroken, match="current member of the plan's partnership") as refusal:
        induction(plan, owner_member=rugby_member)
    assert refusal.value.field == "owner_member"
    assert not Action.objects.exists()


def test_the_owner_is_a_current_member(plan, police):
    former = MemberFactory(nominating_body=police, active=False)
    with pytest.raises(RuleBroken, match="current member"):
        induction(plan, owner_member=former)
    assert not Action.objects.exists()


def test_the_owner_may_be_linked_to_a_nominating_body(plan, county_council):
    assert induction(plan, owner_body=county_council).owner_body == county_council


def test_the_owning_body_is_of_the_plans_partnership(plan, other_partnership):
    rugby = NominatingBodyFactory(partnership=other_partnership, name="Rugby Borough Council")
    with pytest.raises(RuleBroken, match="nominating bodies, and not withdrawn") as refusal:
        induction(plan, owner_body=rugby)
    assert refusal.value.field == "owner_body"
    assert not Action.objects.exists()


def test_a_withdrawn_body_owns_no_action(plan, county_council):
    WithdrawalNotice.objects.create(
        nominating_body=county_council, given_on=datetime.date(2025, 11, 1), effective_on=datetime.date(2026, 11, 1)
    )
    with pytest.raises(RuleBroken, match="not withdrawn"):
        induction(plan, owner_body=county_council)
    assert not Action.objects.exists()


def test_a_body_still_serving_its_notice_may_own_an_action(plan, county_council):
    WithdrawalNotice.objects.create(
        nominating_body=county_council, given_on=datetime.date(2026, 11, 1), effective_on=datetime.date(2027, 11, 1)
    )
    assert induction(plan, owner_body=county_council).owner_body == county_council


def test_an_ongoing_action_has_no_date(plan):
    action = services.add_action(plan=plan, title="Develop clear guidance", due_text="Ongoing", is_ongoing=True)
    assert action.is_ongoing
    assert action.due is None


def test_an_action_is_not_both_ongoing_and_dated(plan):
    with pytest.raises(RuleBroken, match="either ongoing or due by a date") as refusal:
        induction(plan, is_ongoing=True)
    assert refusal.value.field == "due"
    assert not Action.objects.exists()


def test_a_due_date_is_within_reason(plan):
    with pytest.raises(RuleBroken, match="between 1900 and 2100") as refusal:
        services.add_action(plan=plan, title="Typo", due=datetime.date(2207, 4, 30))
    assert refusal.value.field == "due"
    assert not Action.objects.exists()


def test_an_unknown_action_field_is_a_programming_error(plan):
    with pytest.raises(TypeError, match="unknown action fields"):
        services.add_action(plan=plan, title="Typo", plan_id=3)


def test_an_action_is_updated(plan, communication, mo_member):
    action = induction(plan)
    services.update_action(action=action, section=communication, owner=" MO ", owner_member=mo_member)
    action.refresh_from_db()
    assert (action.section, action.owner, action.owner_member) == (communication, "MO", mo_member)


def test_an_update_keeps_the_rules(plan, outsider, other_partnership):
    action = induction(plan)
    refusals = [
        ({"title": ""}, "Say what the action is"),
        ({"section": SectionFactory(plan=ActionPlanFactory(partnership=other_partnership))}, "plan's sections"),
        ({"owner_member": outsider.person.seats.get()}, "current member"),
        ({"is_ongoing": True}, "either ongoing or due by a date"),
    ]
    for changes, message in refusals:
        with pytest.raises(RuleBroken, match=message):
            services.update_action(action=action, **changes)
    action.refresh_from_db()
    assert (action.title, action.section, action.owner_member, action.is_ongoing) == (
        "Review induction processes",
        None,
        None,
        False,
    )


def test_the_secretariat_sets_a_flagged_date(plan):
    action = services.add_action(
        plan=plan, title="Produce a leaflet", due_text="Early in 2007", due_needs_checking=True
    )
    services.set_action_due(action=action, due=datetime.date(2007, 3, 31))
    action.refresh_from_db()
    assert action.due == datetime.date(2007, 3, 31)
    assert not action.due_needs_checking
    assert action.due_text == "Early in 2007"


def test_a_flagged_date_may_be_settled_as_ongoing_with_new_words(plan):
    action = services.add_action(plan=plan, title="Guidance", due_text="as and when", due_needs_checking=True)
    services.set_action_due(action=action, is_ongoing=True, due_text="Ongoing")
    action.refresh_from_db()
    assert (action.is_ongoing, action.due, action.due_text, action.due_needs_checking) == (True, None, "Ongoing", False)


def test_setting_a_date_clears_ongoing(plan):
    action = services.add_action(plan=plan, title="Guidance", due_text="Ongoing", is_ongoing=True)
    services.set_action_due(action=action, due=datetime.date(2027, 3, 31))
    action.refresh_from_db()
    assert (action.is_ongoing, action.due) == (False, datetime.date(2027, 3, 31))


@pytest.mark.parametrize(
    ("given", "message"),
    [
        ({}, "Give the date the action is due by, or say it is ongoing"),
        ({"due": datetime.date(2007, 4, 30), "is_ongoing": True}, "either ongoing or due by a date"),
        ({"due": datetime.date(1066, 10, 14)}, "between 1900 and 2100"),
    ],
)
def test_a_flagged_date_is_settled_properly(plan, given, message):
    action = services.add_action(plan=plan, title="Leaflet", due_text="Early in 2007", due_needs_checking=True)
    with pytest.raises(RuleBroken, match=message) as refusal:
        services.set_action_due(action=action, **given)
    assert refusal.value.field == "due"
    action.refresh_from_db()
    assert action.due_needs_checking
    assert action.due is None


def test_an_action_is_removed_with_its_milestones(plan):
    action = induction(plan)
    services.add_milestone(action=action, title="Package live")
    services.remove_action(action=action)
    assert not Action.objects.exists()


def test_an_action_with_progress_reported_stays(plan):
    action = ActionFactory(plan=plan)
    ProgressUpdateFactory(action=action, reported_on=datetime.date(2026, 10, 1))
    with pytest.raises(RuleBroken, match="stays on the plan's record"):
        services.remove_action(action=action)
    assert Action.objects.filter(pk=action.pk).exists()
