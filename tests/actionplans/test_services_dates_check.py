"""set_action_dues: the secretariat settles the dates of many actions of a plan in one go, with
history; set_action_due's rule for each; any refusal saves nothing."""

import datetime

import pytest

from actionplans import services
from actionplans.models import Action
from partnership.errors import RuleBroken
from tests.actionplans.factories import ActionFactory, ActionPlanFactory

APRIL_2008 = datetime.date(2008, 4, 30)
JUNE_2008 = datetime.date(2008, 6, 30)


@pytest.fixture
def plan(warwickshire):
    return ActionPlanFactory(partnership=warwickshire, title="Test Valley action plan")


def flagged(plan, title, position):
    return ActionFactory(
        plan=plan,
        position=position,
        reference="",
        title=title,
        due_text="To be approved by Community Safety Partnership by April 2008.",
        due_needs_checking=True,
    )


@pytest.fixture
def protocol(plan):
    return flagged(plan, "Protocol to be signed", 1)


@pytest.fixture
def meetings(plan):
    return flagged(plan, "Public meeting to be held", 2)


def dates_of(plan):
    return [
        (a.title, a.due, a.is_ongoing, a.due_needs_checking) for a in Action.objects.filter(plan=plan).order_by("pk")
    ]


def test_each_action_is_settled_with_history(plan, protocol, meetings, secretariat):
    settled = services.set_action_dues(
        plan=plan, dues={protocol: (APRIL_2008, False), meetings: (None, True)}, by=secretariat
    )
    assert settled == 2
    assert dates_of(plan) == [
        ("Protocol to be signed", APRIL_2008, False, False),
        ("Public meeting to be held", None, True, False),
    ]
    assert Action.history.filter(history_type="~", history_user=secretariat).count() == 2
    assert Action.objects.get(pk=protocol.pk).due_text.endswith("by April 2008.")  # the words as written stay


def test_an_action_not_flagged_may_be_settled_too(plan, protocol):
    ongoing = ActionFactory(plan=plan, title="Liaison", is_ongoing=True)
    services.set_action_dues(plan=plan, dues={ongoing: (JUNE_2008, False)})
    ongoing.refresh_from_db()
    assert (ongoing.due, ongoing.is_ongoing) == (JUNE_2008, False)


def test_no_dues_settles_nothing(plan, protocol):
    assert services.set_action_dues(plan=plan, dues={}) == 0
    assert dates_of(plan) == [("Protocol to be signed", None, False, True)]


@pytest.mark.parametrize(
    ("due", "message"),
    [
        ((APRIL_2008, True), "Public meeting to be held: An action is either ongoing or due by a date, not both."),
        ((None, False), "Public meeting to be held: Give the date the action is due by, or say it is ongoing."),
        ((datetime.date(1066, 10, 14), False), "Public meeting to be held: Give a date between 1900 and 2100."),
    ],
)
def test_a_refused_row_saves_nothing_and_names_its_action(plan, protocol, meetings, due, message):
    with pytest.raises(RuleBroken) as refusal:
        services.set_action_dues(plan=plan, dues={protocol: (APRIL_2008, False), meetings: due})
    assert refusal.value.message == message
    assert refusal.value.field == f"action-{meetings.pk}-due"
    assert dates_of(plan) == [
        ("Protocol to be signed", None, False, True),
        ("Public meeting to be held", None, False, True),
    ]
    assert not Action.history.filter(history_type="~").exists()


def test_an_action_of_another_plan_is_refused_and_nothing_saved(plan, protocol, warwickshire):
    elsewhere = flagged(ActionPlanFactory(partnership=warwickshire), "Another plan's action", 1)
    with pytest.raises(RuleBroken, match="must be this plan's actions"):
        services.set_action_dues(plan=plan, dues={protocol: (APRIL_2008, False), elsewhere: (JUNE_2008, False)})
    assert dates_of(plan) == [("Protocol to be signed", None, False, True)]
    elsewhere.refresh_from_db()
    assert elsewhere.due is None
    assert elsewhere.due_needs_checking


def test_an_action_removed_meanwhile_is_refused(plan, protocol, meetings):
    Action.objects.filter(pk=meetings.pk).delete()
    with pytest.raises(RuleBroken, match="reload the page"):
        services.set_action_dues(plan=plan, dues={protocol: (APRIL_2008, False), meetings: (JUNE_2008, False)})
    assert dates_of(plan) == [("Protocol to be signed", None, False, True)]


def test_the_queries_do_not_grow_with_the_actions(plan, django_assert_max_num_queries):
    for count in (20, 60):
        actions = [flagged(plan, f"Action {n}", n) for n in range(count)]
        # 5; SQLite takes 60 history rows in two batches (its 999 parameters), PostgreSQL in one
        with django_assert_max_num_queries(6):
            services.set_action_dues(plan=plan, dues=dict.fromkeys(actions, (APRIL_2008, False)))
