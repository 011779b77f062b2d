"""link_owner: every action of a plan whose owner is written the same way, linked in one go to
a current member and nominating body of the plan's partnership, with history; any refusal saves
nothing."""

import datetime

import pytest

from actionplans import services
from actionplans.models import Action
from partnership.errors import RuleBroken
from partnership.models import WithdrawalNotice
from tests.actionplans.factories import ActionFactory, ActionPlanFactory
from tests.factories import MemberFactory, NominatingBodyFactory

TODAY = datetime.date(2026, 11, 25)


@pytest.fixture
def plan(warwickshire):
    return ActionPlanFactory(partnership=warwickshire)


@pytest.fixture
def mo(member):
    return member.person.seats.get()


def linked(plan):
    return sorted((a.owner, a.owner_member_id, a.owner_body_id) for a in Action.objects.filter(plan=plan))


def test_every_action_with_the_same_words_is_linked_with_history(plan, mo, police, secretariat):
    for _ in range(3):
        ActionFactory(plan=plan, owner="CSP Manager")
    ActionFactory(plan=plan, owner="csp manager")  # written differently: another owner
    count = services.link_owner(plan=plan, owner="CSP Manager", member=mo, body=police, by=secretariat, today=TODAY)
    assert count == 3
    assert linked(plan) == [("CSP Manager", mo.pk, police.pk)] * 3 + [("csp manager", None, None)]
    assert Action.history.filter(history_type="~", history_user=secretariat, owner_member_id=mo.pk).count() == 3


def test_none_unlinks(plan, mo):
    ActionFactory(plan=plan, owner="Mo", owner_member=mo)
    services.link_owner(plan=plan, owner="Mo", member=None, body=None)
    assert linked(plan) == [("Mo", None, None)]


def test_actions_of_another_plan_are_left_alone(plan, mo, warwickshire):
    other = ActionFactory(plan=ActionPlanFactory(partnership=warwickshire), owner="CSP Manager")
    ActionFactory(plan=plan, owner="CSP Manager")
    services.link_owner(plan=plan, owner="CSP Manager", member=mo, body=None)
    other.refresh_from_db()
    assert other.owner_member is None


@pytest.mark.parametrize(
    ("who", "message"),
    [
        ("outsider_member", "The owner must be a current member of the plan's partnership."),
        ("former_member", "The owner must be a current member of the plan's partnership."),
        (
            "outsider_body",
            "The owning body must be one of the plan's partnership's nominating bodies, and not withdrawn.",
        ),
        (
            "withdrawn_body",
            "The owning body must be one of the plan's partnership's nominating bodies, and not withdrawn.",
        ),
        ("unknown_words", "No action of the plan has “Nobody” as who is responsible."),
    ],
)
def test_refusals_save_nothing(plan, mo, police, other_partnership, who, message):
    ActionFactory(plan=plan, owner="CSP Manager")
    owner, member, body = "CSP Manager", None, None
    if who == "outsider_member":
        member = MemberFactory(nominating_body=NominatingBodyFactory(partnership=other_partnership))
    elif who == "former_member":
        mo.active = False
        mo.save()
        member = mo
    elif who == "outsider_body":
        body = NominatingBodyFactory(partnership=other_partnership)
    elif who == "withdrawn_body":
        WithdrawalNotice.objects.create(
            nominating_body=police, given_on=datetime.date(2025, 1, 1), effective_on=datetime.date(2026, 1, 1)
        )
        body = police
    else:
        owner = "Nobody"
    with pytest.raises(RuleBroken) as refused:
        services.link_owner(plan=plan, owner=owner, member=member, body=body, today=TODAY)
    assert refused.value.message == message
    assert linked(plan) == [("CSP Manager", None, None)]
