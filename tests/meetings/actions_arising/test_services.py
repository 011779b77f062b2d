"""Actions arising from a decision (services/actions_arising.py): added to one of the
partnership's plans from the decision, or linked when already on one, and unlinked; every
refusal says why and saves nothing."""

import datetime

import pytest

from actionplans.models import Action
from actionplans.progress import is_done, open_actions
from meetings import services
from meetings.models import Decision
from partnership.errors import RuleBroken
from tests.actionplans.factories import SectionFactory
from tests.factories import MemberFactory, NominatingBodyFactory, PersonFactory
from tests.meetings.actions_arising.support import PROTOCOL, action_on, decide, plan_of
from tests.meetings.test_views_record_support import approve_minutes


def refused(message: str, **kwargs):
    with pytest.raises(RuleBroken) as broken:
        kwargs.pop("service")(**kwargs)
    assert broken.value.message == message
    return broken.value


def test_an_action_arising_goes_on_the_plan_and_is_listed_under_the_decision(decision, plan, board, secretariat):
    section = SectionFactory(plan=plan)
    action = services.add_action_arising(
        decision=decision,
        plan=plan,
        section=section,
        title="Draft the protocol",
        owner_member=board[0],
        due=datetime.date(2027, 9, 30),
        by=secretariat,
    )
    assert action.plan == plan
    assert action.section == section
    assert action.owner == "Fay Fireman"  # the owning member's name, as written
    assert action.due == datetime.date(2027, 9, 30)
    assert list(decision.actions.all()) == [action]
    assert list(action.arising_from_decisions.all()) == [decision]


def test_the_owner_as_written_is_kept_when_given(decision, plan, board, secretariat):
    action = services.add_action_arising(
        decision=decision, plan=plan, title="Draft", owner="CSP Manager", owner_member=board[0], by=secretariat
    )
    assert action.owner == "CSP Manager"
    assert action.owner_member == board[0]


def test_the_link_is_kept_in_the_decisions_history_with_who_made_it(decision, plan, secretariat):
    action = services.add_action_arising(decision=decision, plan=plan, title="Draft", by=secretariat)
    latest = decision.history.latest()
    assert [row.action_id for row in latest.actions.all()] == [action.pk]
    assert latest.history_user == secretariat


def test_an_action_from_another_partnership_plan_is_refused(decision, other_partnership, secretariat):
    refused(
        "Choose one of the partnership's own action plans.",
        service=services.add_action_arising,
        decision=decision,
        plan=plan_of(other_partnership),
        title="Draft",
        by=secretariat,
    )
    assert not Action.objects.exists()
    assert not decision.actions.exists()


def test_a_lost_decision_gives_no_actions(after_the_meeting, board, plan, secretariat):
    lost = decide(after_the_meeting, method="vote", votes_for=2, votes_against=3)
    assert lost.outcome == "lost"
    message = f"Decision {lost.number} was lost, so no action arises from it."
    refused(message, service=services.add_action_arising, decision=lost, plan=plan, title="Draft", by=secretariat)
    refused(message, service=services.link_action, decision=lost, action=action_on(plan), by=secretariat)
    assert Action.objects.count() == 1  # only the one made to try linking
    assert not lost.actions.exists()


def test_an_owner_who_is_not_a_current_member_is_refused(decision, plan, board, other_partnership, secretariat):
    message = "The owner must be a current member of the partnership that took the decision."
    former = board[1]
    former.active = False
    former.save()
    elsewhere = MemberFactory(
        nominating_body=NominatingBodyFactory(partnership=other_partnership), person=PersonFactory(name="Else Where")
    )
    for owner in (former, elsewhere):
        broken = refused(
            message,
            service=services.add_action_arising,
            decision=decision,
            plan=plan,
            title="Draft",
            owner_member=owner,
            by=secretariat,
        )
        assert broken.field == "owner_member"
    assert not Action.objects.exists()


def test_a_section_of_another_plan_is_refused(decision, plan, warwickshire, secretariat):
    other_plan = plan_of(warwickshire, "Ethical framework action plan")
    refused(
        "The section must be one of this plan's sections.",
        service=services.add_action_arising,
        decision=decision,
        plan=plan,
        section=SectionFactory(plan=other_plan),
        title="Draft",
        by=secretariat,
    )
    assert not Action.objects.exists()


def test_an_action_needs_words(decision, plan, secretariat):
    refused(
        "Say what the action is.",
        service=services.add_action_arising,
        decision=decision,
        plan=plan,
        title="  ",
        by=secretariat,
    )
    assert not Action.objects.exists()
    assert not decision.actions.exists()


def test_an_existing_action_is_linked_once(decision, plan, secretariat):
    action = action_on(plan)
    services.link_action(decision=decision, action=action, by=secretariat)
    refused(
        f"That action is already listed as arising from decision {decision.number}.",
        service=services.link_action,
        decision=decision,
        action=action,
        by=secretariat,
    )
    assert list(decision.actions.all()) == [action]


def test_one_action_may_arise_from_two_decisions(after_the_meeting, decision, plan, secretariat):
    action = action_on(plan)
    second = decide(after_the_meeting, text="Review the protocol in a year.")
    services.link_action(decision=decision, action=action, by=secretariat)
    services.link_action(decision=second, action=action, by=secretariat)
    assert set(action.arising_from_decisions.all()) == {decision, second}


def test_an_action_of_another_partnership_is_not_linked(decision, other_partnership, secretariat):
    refused(
        "Choose an action on one of the partnership's own plans.",
        service=services.link_action,
        decision=decision,
        action=action_on(plan_of(other_partnership)),
        by=secretariat,
    )
    assert not decision.actions.exists()


def test_unlinking_leaves_the_action_on_its_plan(decision, plan, secretariat):
    action = action_on(plan)
    services.link_action(decision=decision, action=action, by=secretariat)
    services.unlink_action(decision=decision, action=action, by=secretariat)
    assert not decision.actions.exists()
    assert Action.objects.filter(pk=action.pk).exists()


def test_an_action_not_linked_cannot_be_unlinked(decision, plan, secretariat):
    refused(
        f"That action is not listed as arising from decision {decision.number}.",
        service=services.unlink_action,
        decision=decision,
        action=action_on(plan),
        by=secretariat,
    )


def test_actions_arising_are_still_kept_once_the_minutes_are_approved(
    after_the_meeting, decision, plan, chair, secretariat
):
    """They are plan records, not the minutes: the record's lock does not stop them."""
    approve_minutes(after_the_meeting, chair)
    with pytest.raises(RuleBroken):
        services.correct_decision(decision=decision, text="Changed")  # the record itself is locked
    action = services.add_action_arising(decision=decision, plan=plan, title="Draft", by=secretariat)
    services.unlink_action(decision=decision, action=action, by=secretariat)
    services.link_action(decision=decision, action=action, by=secretariat)
    assert Decision.objects.get(pk=decision.pk).text == PROTOCOL
    assert list(decision.actions.all()) == [action]


# Open and done (actionplans/progress.py).


@pytest.mark.parametrize(
    ("milestones", "done"),
    [
        ((), False),  # nothing yet shows it was done
        (("not_started",), False),
        (("done", "on_track"), False),
        (("done",), True),
        (("done", "done"), True),
    ],
)
def test_an_action_is_done_when_every_milestone_is_done(warwickshire, milestones, done):
    action = action_on(plan_of(warwickshire), milestones=milestones)
    assert is_done(Action.objects.prefetch_related("milestones").get(pk=action.pk)) is done
    assert open_actions().filter(pk=action.pk).exists() is not done


# Correcting a decision that has actions arising (services/record.py).

LOST_WITH_ACTIONS = "Decision 1 has actions arising: unlink them before recording it as lost."


def test_a_decision_with_actions_arising_cannot_be_corrected_to_lost(decision, plan, secretariat):
    action = action_on(plan)
    services.link_action(decision=decision, action=action, by=secretariat)
    broken = refused(
        LOST_WITH_ACTIONS,
        service=services.correct_decision,
        decision=decision,
        text="The protocol is not agreed.",
        method="vote",
        votes_for=2,
        votes_against=3,
    )
    assert broken.field == "outcome"
    kept = Decision.objects.get(pk=decision.pk)
    assert (kept.text, kept.method, kept.outcome, kept.votes_for) == (PROTOCOL, "consensus", "agreed", 0)
    assert list(kept.actions.all()) == [action]


def test_a_decision_with_actions_arising_may_be_corrected_to_another_outcome(decision, plan, secretariat):
    services.link_action(decision=decision, action=action_on(plan), by=secretariat)
    corrected = services.correct_decision(decision=decision, text=PROTOCOL, method="vote", votes_for=4, votes_against=1)
    assert corrected.outcome == "carried"


def test_once_its_actions_are_unlinked_a_decision_may_be_corrected_to_lost(decision, plan, secretariat):
    action = action_on(plan)
    services.link_action(decision=decision, action=action, by=secretariat)
    services.unlink_action(decision=decision, action=action, by=secretariat)
    corrected = services.correct_decision(decision=decision, text=PROTOCOL, method="vote", votes_for=2, votes_against=3)
    assert Decision.objects.get(pk=corrected.pk).outcome == "lost"
