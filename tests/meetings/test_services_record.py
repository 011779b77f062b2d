"""The meeting record: attendance with named substitutes, declarations of interest, quorum,
and decisions by consensus or by simple majority of the votes cast (ToR 3.2, 5.6, 7)."""

import pytest

from meetings import services
from meetings.models import Attendance, Decision, Declaration, Outcome
from partnership.errors import RuleBroken
from tests.factories import MemberFactory, NominatingBodyFactory


@pytest.fixture(autouse=True)
def _recorded_after_the_meeting(after_the_meeting):
    """The record is made once the meeting has taken place."""


@pytest.fixture
def board(warwickshire):
    """Six members of six bodies; the partnership's quorum is 5."""
    return [
        MemberFactory(nominating_body=NominatingBodyFactory(partnership=warwickshire, name=f"Body {n}"))
        for n in range(6)
    ]


@pytest.fixture
def item(meeting):
    return services.add_agenda_item(meeting=meeting, title="Commissioning of treatment services", purpose="decision")


@pytest.fixture
def everyone_present(meeting, board):
    for member in board:
        services.record_attendance(meeting=meeting, member=member, status="present")
    return board


def test_a_substitute_is_named(meeting, board):
    with pytest.raises(RuleBroken, match="Name the substitute") as refusal:
        services.record_attendance(meeting=meeting, member=board[0], status="substitute")
    assert refusal.value.field == "substitute_name"
    assert not Attendance.objects.exists()
    row = services.record_attendance(meeting=meeting, member=board[0], status="substitute", substitute_name="Jo Deputy")
    assert row.counts_as_present


def test_attendance_is_one_row_per_member(meeting, board):
    services.record_attendance(meeting=meeting, member=board[0], status="apologies")
    services.record_attendance(meeting=meeting, member=board[0], status="present")
    assert Attendance.objects.get().status == "present"


def test_only_the_partnerships_members_attend(meeting, other_partnership):
    stranger = MemberFactory(nominating_body__partnership=other_partnership)
    with pytest.raises(RuleBroken, match="partnership's own members"):
        services.record_attendance(meeting=meeting, member=stranger, status="present")


def test_the_meeting_is_quorate_with_enough_present(meeting, board):
    for member in board[:4]:
        services.record_attendance(meeting=meeting, member=member, status="present")
    assert not services.meeting_quorum(meeting).is_quorate
    services.record_attendance(meeting=meeting, member=board[4], status="substitute", substitute_name="Jo Deputy")
    assert services.meeting_quorum(meeting).is_quorate


def test_a_prejudicial_interest_can_make_an_item_inquorate(item, everyone_present):
    for member in everyone_present[:2]:
        services.declare_interest(agenda_item=item, member=member, kind="prejudicial", nature="Employed by a bidder")
    quorum = services.item_quorum(item)
    assert (quorum.present, quorum.withdrawn, quorum.is_quorate) == (6, 2, False)
    with pytest.raises(RuleBroken, match="not quorate for this item"):
        services.record_decision(agenda_item=item, text="Award the contract")
    assert not Decision.objects.exists()


def test_a_member_with_a_prejudicial_interest_is_never_a_voter(item, everyone_present):
    conflicted = everyone_present[0]
    services.declare_interest(agenda_item=item, member=conflicted, kind="prejudicial", nature="Director of a bidder")
    with pytest.raises(RuleBroken, match="declared a prejudicial interest in this item") as refusal:
        services.record_decision(
            agenda_item=item,
            text="Award the contract",
            method="vote",
            votes_for=4,
            votes_against=1,
            voters=everyone_present[:5],
        )
    assert refusal.value.field == "voters"
    assert not Decision.objects.exists()


def test_the_board_may_agree_a_conflicted_member_takes_part(item, everyone_present):
    declaration = services.declare_interest(
        agenda_item=item,
        member=everyone_present[0],
        kind="prejudicial",
        nature="Trustee of a bidder",
        participation_reason="The interest is remote and was agreed by the board.",
    )
    assert not declaration.withdraws
    decision = services.record_decision(
        agenda_item=item, text="Award", method="vote", votes_for=4, votes_against=1, voters=everyone_present[:5]
    )
    assert decision.outcome == Outcome.CARRIED


@pytest.mark.parametrize(
    ("votes_for", "votes_against", "abstentions", "outcome"),
    [(3, 2, 1, Outcome.CARRIED), (2, 3, 1, Outcome.LOST), (3, 3, 0, Outcome.LOST), (2, 1, 3, Outcome.CARRIED)],
)
def test_a_vote_is_decided_by_simple_majority_of_votes_cast(
    item, everyone_present, votes_for, votes_against, abstentions, outcome
):
    decision = services.record_decision(
        agenda_item=item,
        text="Award",
        method="vote",
        votes_for=votes_for,
        votes_against=votes_against,
        abstentions=abstentions,
        voters=everyone_present,
    )
    assert decision.outcome == outcome


def test_voters_must_match_the_votes_counted(item, everyone_present):
    with pytest.raises(RuleBroken, match="6 voters are named but 5 votes are counted"):
        services.record_decision(
            agenda_item=item, text="Award", method="vote", votes_for=3, votes_against=2, voters=everyone_present
        )


def test_only_those_present_vote(item, meeting, board):
    for member in board[:5]:
        services.record_attendance(meeting=meeting, member=member, status="present")
    services.record_attendance(meeting=meeting, member=board[5], status="apologies")
    with pytest.raises(RuleBroken, match="is not recorded as present"):
        services.record_decision(
            agenda_item=item, text="Award", method="vote", votes_for=4, votes_against=2, voters=board
        )


def test_decisions_are_numbered_in_the_partnerships_log(item, everyone_present):
    first = services.record_decision(agenda_item=item, text="Note the report")
    second = services.record_decision(agenda_item=item, text="Agree the plan")
    assert (first.number, second.number, first.outcome) == (1, 2, Outcome.AGREED)


def test_a_consensus_has_no_votes(item, everyone_present):
    with pytest.raises(RuleBroken, match="A decision by consensus has no votes"):
        services.record_decision(agenda_item=item, text="Agree", votes_for=3)


def test_an_interest_is_declared_once_per_item_with_its_nature(item, everyone_present):
    with pytest.raises(RuleBroken, match="Say what the interest is"):
        services.declare_interest(agenda_item=item, member=everyone_present[0], kind="personal", nature=" ")
    services.declare_interest(
        agenda_item=item, member=everyone_present[0], kind="personal", nature="Friend of a bidder"
    )
    with pytest.raises(RuleBroken, match="has already declared an interest"):
        services.declare_interest(agenda_item=item, member=everyone_present[0], kind="personal", nature="Again")
    assert Declaration.objects.count() == 1
