"""The meeting record: attendance with named substitutes, others attending, declarations of
interest, quorum, and decisions by consensus or by simple majority of the votes cast (ToR 3.2,
4.4, 5.6, 7), and the record locked once the chair has approved the minutes (ToR 5.8)."""

import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from meetings import services
from meetings.models import (
    Attendance,
    Decision,
    Declaration,
    MeetingStatus,
    OtherAttendee,
    Outcome,
)
from partnership.errors import RuleBroken
from partnership.models import Member
from tests.factories import MemberFactory, NominatingBodyFactory, PersonFactory

LONDON = ZoneInfo("Europe/London")
# Six of the Warwickshire nominating bodies (seed 001, 4.1) and who sits for each; quorum is 5.
SEATS = [
    ("Fire Authority", "Fay Fireman"),
    ("Probation", "Pat Probation"),
    ("Warwickshire PCT", "Hari Health"),
    ("Voluntary and Community Sector", "Vic Voluntary"),
    ("Youth Justice", "Yusuf Youth"),
    ("The Courts Service", "Cora Courts"),
]


@pytest.fixture(autouse=True)
def _recorded_after_the_meeting(after_the_meeting):
    """The record is made once the meeting has taken place."""


@pytest.fixture
def board(warwickshire):
    """Six members of six bodies; the partnership's quorum is 5."""
    return [
        MemberFactory(
            nominating_body=NominatingBodyFactory(partnership=warwickshire, name=body),
            person=PersonFactory(name=name),
        )
        for body, name in SEATS
    ]


@pytest.fixture
def item(meeting):
    return services.add_agenda_item(meeting=meeting, title="Commissioning of treatment services", purpose="decision")


@pytest.fixture
def everyone_present(meeting, item, board):
    """All six present; the agenda was built before anyone was recorded, as it is before a meeting."""
    for member in board:
        services.record_attendance(meeting=meeting, member=member, status="present")
    return board


def approve(meeting, chair):
    """The chair (Carol Chair, in office on the meeting's day, and there) approves the minutes."""
    services.record_attendance(meeting=meeting, member=Member.objects.get(person__user=chair), status="present")
    minutes = services.start_minutes(meeting=meeting)
    return services.approve_minutes(minutes=minutes, by=chair)


def vote(item, voters, votes_for, votes_against=0, abstentions=0, text="Award the contract"):
    return services.record_decision(
        agenda_item=item,
        text=text,
        method="vote",
        votes_for=votes_for,
        votes_against=votes_against,
        abstentions=abstentions,
        voters=voters,
    )


# Attendance (ToR 3.2)


def test_apologies_are_sent_before_the_meeting(meeting, board):
    with time_machine.travel(datetime.datetime(2027, 6, 1, 9, tzinfo=LONDON)):
        row = services.record_attendance(meeting=meeting, member=board[0], status="apologies")
    assert row.status == "apologies"
    meeting.refresh_from_db()
    assert meeting.status == MeetingStatus.PLANNED


@pytest.mark.parametrize("status", ["present", "absent", "substitute"])
def test_who_attended_is_recorded_once_the_meeting_has_taken_place(meeting, board, status):
    with (
        time_machine.travel(datetime.datetime(2027, 6, 1, 9, tzinfo=LONDON)),
        pytest.raises(RuleBroken, match="The meeting is on 15 June 2027: who attended is recorded once it"),
    ):
        services.record_attendance(meeting=meeting, member=board[0], status=status, substitute_name="Jo Deputy")
    assert not Attendance.objects.exists()


def test_recording_who_attended_marks_the_meeting_held(meeting, board):
    services.record_attendance(meeting=meeting, member=board[0], status="apologies")
    meeting.refresh_from_db()
    assert meeting.status == MeetingStatus.PLANNED
    services.record_attendance(meeting=meeting, member=board[1], status="present")
    meeting.refresh_from_db()
    assert meeting.status == MeetingStatus.HELD


def test_a_substitute_is_named(meeting, board):
    with pytest.raises(RuleBroken, match="Name the substitute") as refusal:
        services.record_attendance(meeting=meeting, member=board[0], status="substitute", substitute_name="  ")
    assert refusal.value.field == "substitute_name"
    assert not Attendance.objects.exists()
    row = services.record_attendance(meeting=meeting, member=board[0], status="substitute", substitute_name="Jo Deputy")
    assert row.counts_as_present
    assert row.substitute_name == "Jo Deputy"


def test_a_substitutes_name_is_dropped_when_the_member_came_after_all(meeting, board):
    services.record_attendance(meeting=meeting, member=board[0], status="substitute", substitute_name="Jo Deputy")
    services.record_attendance(meeting=meeting, member=board[0], status="present", substitute_name="Jo Deputy")
    assert Attendance.objects.get().substitute_name == ""


def test_attendance_is_one_row_per_member(meeting, board):
    services.record_attendance(meeting=meeting, member=board[0], status="apologies")
    services.record_attendance(meeting=meeting, member=board[0], status="present")
    assert Attendance.objects.get().status == "present"


def test_attendance_is_one_of_the_four(meeting, board):
    with pytest.raises(RuleBroken, match="Choose present, apologies, absent") as refusal:
        services.record_attendance(meeting=meeting, member=board[0], status="late")
    assert refusal.value.field == "status"
    assert not Attendance.objects.exists()


def test_only_the_partnerships_members_attend(meeting, other_partnership):
    stranger = MemberFactory(nominating_body__partnership=other_partnership)
    with pytest.raises(RuleBroken, match="partnership's own members") as refusal:
        services.record_attendance(meeting=meeting, member=stranger, status="present")
    assert refusal.value.field == "member"
    assert not Attendance.objects.exists()


# Others attending (ToR 4.4)


def test_others_attending_are_named_with_their_role(meeting):
    with pytest.raises(RuleBroken, match="Give the name of who attended") as refusal:
        services.add_other_attendee(meeting=meeting, name=" ", role="officer")
    assert refusal.value.field == "name"
    with pytest.raises(RuleBroken, match="officer, the block lead or a guest") as refusal:
        services.add_other_attendee(meeting=meeting, name="Ann Analyst", role="observer")
    assert refusal.value.field == "role"
    assert not OtherAttendee.objects.exists()
    guest = services.add_other_attendee(
        meeting=meeting, name=" Ben Block ", organisation="Public Service Board", role="block_lead"
    )
    assert (guest.name, guest.get_role_display()) == ("Ben Block", "Block lead (ToR 4.4)")
    services.remove_other_attendee(attendee=guest)
    assert not OtherAttendee.objects.exists()


# Declarations of interest (ToR 7; the Code of Conduct)


def test_an_interest_is_personal_or_prejudicial(item, board):
    with pytest.raises(RuleBroken, match="personal or prejudicial") as refusal:
        services.declare_interest(agenda_item=item, member=board[0], kind="financial", nature="Shares in a bidder")
    assert refusal.value.field == "kind"
    assert not Declaration.objects.exists()


def test_an_interest_says_what_it_touches_in_the_codes_words(item, board):
    with pytest.raises(RuleBroken, match="Code of Conduct's list") as refusal:
        services.declare_interest(
            agenda_item=item, member=board[0], kind="personal", category="hobby", nature="Plays golf with a bidder"
        )
    assert refusal.value.field == "category"
    declaration = services.declare_interest(
        agenda_item=item, member=board[0], kind="personal", category="membership", nature="Member of a bidding charity"
    )
    assert declaration.get_category_display() == "An organisation of which they are a member"


def test_an_interest_may_be_declared_before_the_meeting(meeting, item, board):
    with time_machine.travel(datetime.datetime(2027, 6, 10, 9, tzinfo=LONDON)):
        declaration = services.declare_interest(
            agenda_item=item, member=board[0], kind="prejudicial", nature="Director of a bidder"
        )
    assert declaration.withdraws


def test_an_interest_is_declared_once_per_item_with_its_nature(item, everyone_present):
    with pytest.raises(RuleBroken, match="Say what the interest is") as refusal:
        services.declare_interest(agenda_item=item, member=everyone_present[0], kind="personal", nature=" ")
    assert refusal.value.field == "nature"
    services.declare_interest(
        agenda_item=item, member=everyone_present[0], kind="personal", nature="Friend of a bidder"
    )
    with pytest.raises(RuleBroken, match="Fay Fireman has already declared an interest in this item"):
        services.declare_interest(agenda_item=item, member=everyone_present[0], kind="personal", nature="Again")
    assert Declaration.objects.count() == 1


def test_only_the_partnerships_members_declare(item, other_partnership):
    stranger = MemberFactory(nominating_body__partnership=other_partnership)
    with pytest.raises(RuleBroken, match="partnership's own members"):
        services.declare_interest(agenda_item=item, member=stranger, kind="personal", nature="Friend of a bidder")
    assert not Declaration.objects.exists()


def test_only_a_prejudicial_interest_needs_the_boards_agreement(item, board):
    with pytest.raises(RuleBroken, match="Only a prejudicial interest") as refusal:
        services.declare_interest(
            agenda_item=item, member=board[0], kind="personal", nature="Friend", participation_reason="Remote"
        )
    assert refusal.value.field == "participation_reason"
    personal = services.declare_interest(agenda_item=item, member=board[0], kind="personal", nature="Friend")
    with pytest.raises(RuleBroken, match="Only a prejudicial interest"):
        services.agree_participation(declaration=personal, reason="Remote")
    personal.refresh_from_db()
    assert not personal.participation_agreed


def test_the_board_agrees_participation_with_its_reason(item, board):
    declaration = services.declare_interest(
        agenda_item=item, member=board[0], kind="prejudicial", nature="Trustee of a bidder"
    )
    with pytest.raises(RuleBroken, match="Record why the board agreed") as refusal:
        services.agree_participation(declaration=declaration, reason=" ")
    assert refusal.value.field == "reason"
    declaration.refresh_from_db()
    assert declaration.withdraws
    services.agree_participation(declaration=declaration, reason=" The trust has withdrawn its bid. ")
    declaration.refresh_from_db()
    assert (declaration.withdraws, declaration.participation_reason) == (False, "The trust has withdrawn its bid.")


def test_a_declaration_made_in_error_is_withdrawn(item, board):
    declaration = services.declare_interest(agenda_item=item, member=board[0], kind="personal", nature="Wrong item")
    services.withdraw_declaration(declaration=declaration)
    assert not Declaration.objects.exists()


def test_a_declaration_stays_once_the_member_has_voted(item, everyone_present):
    declaration = services.declare_interest(
        agenda_item=item, member=everyone_present[0], kind="personal", nature="Friend of a bidder"
    )
    vote(item, everyone_present[:5], 4, 1)
    with pytest.raises(RuleBroken, match="The member voted on this item; correct the decision first"):
        services.withdraw_declaration(declaration=declaration)
    assert Declaration.objects.count() == 1


def test_a_voter_cannot_then_declare_a_prejudicial_interest(item, everyone_present):
    """Otherwise the record would show a member with a prejudicial interest as a voter."""
    vote(item, everyone_present[:5], 4, 1)
    with pytest.raises(RuleBroken, match="Fay Fireman voted on this item") as refusal:
        services.declare_interest(agenda_item=item, member=everyone_present[0], kind="prejudicial", nature="Director")
    assert refusal.value.field == "kind"
    assert not Declaration.objects.exists()
    services.declare_interest(
        agenda_item=item,
        member=everyone_present[0],
        kind="prejudicial",
        nature="Director",
        participation_reason="The board agreed the interest did not touch this contract.",
    )
    services.declare_interest(agenda_item=item, member=everyone_present[1], kind="personal", nature="Friend")
    assert Declaration.objects.count() == 2


# Quorum


def test_the_meeting_is_quorate_with_enough_present(meeting, board):
    for member in board[:4]:
        services.record_attendance(meeting=meeting, member=member, status="present")
    services.record_attendance(meeting=meeting, member=board[5], status="apologies")
    assert not services.meeting_quorum(meeting).is_quorate
    services.record_attendance(meeting=meeting, member=board[4], status="substitute", substitute_name="Jo Deputy")
    quorum = services.meeting_quorum(meeting)
    assert (quorum.required, quorum.present, quorum.is_quorate) == (5, 5, True)


def test_a_prejudicial_interest_can_make_an_item_inquorate(item, everyone_present):
    for member in everyone_present[:2]:
        services.declare_interest(agenda_item=item, member=member, kind="prejudicial", nature="Employed by a bidder")
    quorum = services.item_quorum(item)
    assert (quorum.present, quorum.withdrawn, quorum.is_quorate) == (6, 2, False)
    with pytest.raises(RuleBroken, match="not quorate for this item"):
        services.record_decision(agenda_item=item, text="Award the contract")
    assert not Decision.objects.exists()


def test_an_inquorate_meeting_decides_nothing(item, meeting, board):
    for member in board[:4]:
        services.record_attendance(meeting=meeting, member=member, status="present")
    with pytest.raises(RuleBroken, match="at least 5 members needed"):
        services.record_decision(agenda_item=item, text="Note the report")
    assert not Decision.objects.exists()


def test_an_absent_members_interest_does_not_count_against_the_quorum(item, meeting, board):
    for member in board[:5]:
        services.record_attendance(meeting=meeting, member=member, status="present")
    services.declare_interest(agenda_item=item, member=board[5], kind="prejudicial", nature="Director of a bidder")
    assert services.item_quorum(item).is_quorate


# Decisions (ToR 5.6)


def test_a_consensus_is_agreed_without_votes(item, everyone_present):
    decision = services.record_decision(agenda_item=item, text=" Note the report ")
    assert (decision.text, decision.outcome, decision.votes_for, decision.voters.count()) == (
        "Note the report",
        Outcome.AGREED,
        0,
        0,
    )
    assert decision.decided_on == datetime.date(2027, 6, 15)


def test_a_consensus_has_no_votes(item, everyone_present):
    with pytest.raises(RuleBroken, match="A decision by consensus has no votes") as refusal:
        services.record_decision(agenda_item=item, text="Agree", votes_for=3)
    assert refusal.value.field == "method"
    with pytest.raises(RuleBroken, match="A decision by consensus has no votes"):
        services.record_decision(agenda_item=item, text="Agree", voters=everyone_present[:1])
    assert not Decision.objects.exists()


@pytest.mark.parametrize(
    ("text", "method", "message", "field"),
    [
        (" ", "consensus", "Write down what was decided", "text"),
        ("Award", "show of hands", "consensus or by a vote", "method"),
    ],
)
def test_a_decision_says_what_and_how(item, everyone_present, text, method, message, field):
    with pytest.raises(RuleBroken, match=message) as refusal:
        services.record_decision(agenda_item=item, text=text, method=method)
    assert refusal.value.field == field
    assert not Decision.objects.exists()


def test_decisions_are_recorded_once_the_meeting_has_taken_place(item, everyone_present):
    with (
        time_machine.travel(datetime.datetime(2027, 6, 14, 9, tzinfo=LONDON)),
        pytest.raises(RuleBroken, match="its decisions are recorded once it has taken place"),
    ):
        services.record_decision(agenda_item=item, text="Note the report")
    assert not Decision.objects.exists()


@pytest.mark.parametrize(
    ("votes_for", "votes_against", "abstentions", "outcome"),
    [(3, 2, 1, Outcome.CARRIED), (2, 3, 1, Outcome.LOST), (3, 3, 0, Outcome.LOST), (2, 1, 3, Outcome.CARRIED)],
)
def test_a_vote_is_decided_by_simple_majority_of_votes_cast(
    item, everyone_present, votes_for, votes_against, abstentions, outcome
):
    decision = vote(item, everyone_present, votes_for, votes_against, abstentions)
    assert decision.outcome == outcome
    assert set(decision.voters.all()) == set(everyone_present)


@pytest.mark.parametrize(
    ("votes_for", "votes_against", "abstentions", "message"),
    [
        (0, 0, 5, "A vote needs votes cast for or against"),
        (-1, 3, 0, "Votes are counted from nought up"),
        (5, 2, 0, "7 votes are counted but only 6 members present could vote on this item"),
    ],
)
def test_votes_are_counted_sensibly(item, everyone_present, votes_for, votes_against, abstentions, message):
    with pytest.raises(RuleBroken, match=message) as refusal:
        vote(item, [], votes_for, votes_against, abstentions)
    assert refusal.value.field == "votes_for"
    assert not Decision.objects.exists()


def test_voters_must_match_the_votes_counted(item, everyone_present):
    with pytest.raises(RuleBroken, match="6 voters are named but 5 votes are counted") as refusal:
        vote(item, everyone_present, 3, 2)
    assert refusal.value.field == "voters"
    with pytest.raises(RuleBroken, match="Name each voter once"):
        vote(item, [everyone_present[0], everyone_present[0], everyone_present[1]], 2, 1)
    assert not Decision.objects.exists()


def test_only_those_present_vote(item, meeting, board):
    for member in board[:5]:
        services.record_attendance(meeting=meeting, member=member, status="present")
    services.record_attendance(meeting=meeting, member=board[5], status="apologies")
    with pytest.raises(RuleBroken, match="Cora Courts is not recorded as present, so cannot vote") as refusal:
        vote(item, board, 4, 2)
    assert refusal.value.field == "voters"
    assert not Decision.objects.exists()


@pytest.mark.parametrize("status", ["apologies", "absent"])
def test_a_voter_is_not_then_recorded_as_away(item, meeting, everyone_present, status):
    vote(item, everyone_present, 4, 2)
    with pytest.raises(RuleBroken, match="Fay Fireman voted on decision 1, so was present") as refusal:
        services.record_attendance(meeting=meeting, member=everyone_present[0], status=status)
    assert refusal.value.field == "status"
    assert Attendance.objects.get(member=everyone_present[0]).status == "present"
    services.record_attendance(meeting=meeting, member=everyone_present[0], status="substitute", substitute_name="Jo")


def test_a_substitute_votes_in_the_members_place(item, meeting, board):
    for member in board[:4]:
        services.record_attendance(meeting=meeting, member=member, status="present")
    services.record_attendance(meeting=meeting, member=board[4], status="substitute", substitute_name="Jo Deputy")
    assert vote(item, board[:5], 3, 2).outcome == Outcome.CARRIED


def test_a_member_with_a_prejudicial_interest_is_never_a_voter(item, everyone_present):
    conflicted = everyone_present[0]
    services.declare_interest(agenda_item=item, member=conflicted, kind="prejudicial", nature="Director of a bidder")
    with pytest.raises(RuleBroken, match="Fay Fireman declared a prejudicial interest in this item") as refusal:
        vote(item, everyone_present[:5], 4, 1)
    assert refusal.value.field == "voters"
    assert not Decision.objects.exists()
    decision = vote(item, everyone_present[1:], 4, 1)
    assert conflicted not in decision.voters.all()


def test_a_personal_interest_does_not_stop_a_vote(item, everyone_present):
    services.declare_interest(agenda_item=item, member=everyone_present[0], kind="personal", nature="Friend")
    assert vote(item, everyone_present, 4, 2).outcome == Outcome.CARRIED


def test_the_board_may_agree_a_conflicted_member_takes_part(item, everyone_present):
    declaration = services.declare_interest(
        agenda_item=item,
        member=everyone_present[0],
        kind="prejudicial",
        nature="Trustee of a bidder",
        participation_reason="The interest is remote and was agreed by the board.",
    )
    assert not declaration.withdraws
    decision = vote(item, everyone_present[:5], 4, 1)
    assert decision.outcome == Outcome.CARRIED
    assert everyone_present[0] in decision.voters.all()


def test_decisions_are_numbered_in_the_partnerships_log(item, everyone_present):
    first = services.record_decision(agenda_item=item, text="Note the report")
    second = services.record_decision(agenda_item=item, text="Agree the plan")
    assert (first.number, second.number, first.outcome) == (1, 2, Outcome.AGREED)


def test_numbering_runs_on_across_meetings_and_decisions_in_writing(
    warwickshire, item, everyone_present, chair, other_partnership
):
    other_meeting = services.schedule_meeting(
        partnership=other_partnership, title="Board", date=datetime.date(2027, 6, 15), start_time=datetime.time(10)
    )
    rugby = MemberFactory(nominating_body__partnership=other_partnership)
    services.record_attendance(meeting=other_meeting, member=rugby, status="present")
    other_partnership.quorum = 1
    other_partnership.save()
    assert services.record_decision(agenda_item=other_meeting.agenda_items.first(), text="Note").number == 1

    assert services.record_decision(agenda_item=item, text="Note the report").number == 1
    proposal = services.open_written_proposal(
        partnership=warwickshire,
        title="Summer diversionary activities",
        proposal="Fund the summer diversionary activities from the partnership grant.",
        why_now="The scheme starts before the next meeting.",
        respond_by=datetime.date(2027, 6, 25),
        by=chair,
    )
    for member in everyone_present[:5]:
        services.respond_in_writing(proposal=proposal, member=member, response="for")
    assert services.close_written_proposal(proposal=proposal, by=chair).number == 2

    september = services.schedule_meeting(
        partnership=warwickshire, title="Board meeting", date=datetime.date(2027, 9, 14), start_time=datetime.time(14)
    )
    with time_machine.travel(datetime.datetime(2027, 9, 14, 17, tzinfo=LONDON)):
        for member in everyone_present:
            services.record_attendance(meeting=september, member=member, status="present")
        later = services.record_decision(agenda_item=september.agenda_items.last(), text="Agree the action plan")
    assert later.number == 3


def test_correcting_a_decision_keeps_its_number(item, everyone_present):
    services.record_decision(agenda_item=item, text="Note the report")
    decision = vote(item, everyone_present, 3, 3, text="Award the contract")
    assert decision.outcome == Outcome.LOST
    corrected = services.correct_decision(
        decision=decision,
        text="Award the contract to the second bidder",
        method="vote",
        votes_for=4,
        votes_against=2,
        voters=everyone_present,
    )
    corrected.refresh_from_db()
    assert (corrected.number, corrected.outcome, corrected.text) == (
        2,
        Outcome.CARRIED,
        "Award the contract to the second bidder",
    )


def test_a_correction_keeps_the_rules(item, everyone_present):
    services.declare_interest(agenda_item=item, member=everyone_present[0], kind="prejudicial", nature="Director")
    decision = services.record_decision(agenda_item=item, text="Award the contract")
    with pytest.raises(RuleBroken, match="declared a prejudicial interest"):
        services.correct_decision(
            decision=decision, text="Award", method="vote", votes_for=3, votes_against=2, voters=everyone_present[:5]
        )
    decision.refresh_from_db()
    assert (decision.method, decision.outcome) == ("consensus", Outcome.AGREED)


def test_a_decision_taken_in_writing_is_not_corrected_here(warwickshire, chair, board):
    proposal = services.open_written_proposal(
        partnership=warwickshire,
        title="Summer diversionary activities",
        proposal="Fund the summer diversionary activities.",
        why_now="The scheme starts before the next meeting.",
        respond_by=datetime.date(2027, 6, 25),
        by=chair,
    )
    for member in board[:5]:
        services.respond_in_writing(proposal=proposal, member=member, response="for")
    decision = services.close_written_proposal(proposal=proposal, by=chair)
    with pytest.raises(RuleBroken, match="taken in writing is the members' responses"):
        services.correct_decision(decision=decision, text="Something else")
    decision.refresh_from_db()
    assert decision.text == "Fund the summer diversionary activities."


# The record once the chair has approved the minutes (ToR 5.8)


@pytest.fixture
def approved(meeting, item, everyone_present, chair):
    """A recorded meeting whose minutes the chair has approved: a declaration and a decision."""
    declaration = services.declare_interest(
        agenda_item=item, member=everyone_present[5], kind="personal", nature="Friend"
    )
    decision = services.record_decision(agenda_item=item, text="Note the report")
    other = services.add_other_attendee(meeting=meeting, name="Ann Analyst", role="officer")
    minutes = approve(meeting, chair)
    return {"minutes": minutes, "declaration": declaration, "decision": decision, "other": other}


def test_the_approved_record_stays_as_it_is(meeting, item, everyone_present, approved):
    changes = [
        lambda: services.record_attendance(meeting=meeting, member=everyone_present[0], status="absent"),
        lambda: services.add_other_attendee(meeting=meeting, name="Gus Guest", role="guest"),
        lambda: services.remove_other_attendee(attendee=approved["other"]),
        lambda: services.declare_interest(agenda_item=item, member=everyone_present[0], kind="personal", nature="X"),
        lambda: services.agree_participation(declaration=approved["declaration"], reason="Remote"),
        lambda: services.withdraw_declaration(declaration=approved["declaration"]),
        lambda: services.record_decision(agenda_item=item, text="Agree the plan"),
        lambda: services.correct_decision(decision=approved["decision"], text="Note the revised report"),
    ]
    for change in changes:
        with pytest.raises(RuleBroken, match="The chair has approved the minutes"):
            change()
    assert set(Attendance.objects.values_list("status", flat=True)) == {"present"}
    assert (OtherAttendee.objects.count(), Declaration.objects.count(), Decision.objects.count()) == (1, 1, 1)
    assert Decision.objects.get().text == "Note the report"


def test_the_record_opens_again_when_the_minutes_go_back_to_draft(meeting, item, everyone_present, approved):
    services.return_minutes_to_draft(minutes=approved["minutes"])
    services.record_attendance(meeting=meeting, member=everyone_present[0], status="absent")
    services.correct_decision(decision=approved["decision"], text="Note the revised report")
    assert Decision.objects.get().text == "Note the revised report"


def test_who_presided_stays_once_the_minutes_are_approved(meeting, everyone_present, approved):
    with pytest.raises(RuleBroken, match="The chair has approved the minutes"):
        services.reschedule_meeting(meeting=meeting, presiding_member=everyone_present[0])
    meeting.refresh_from_db()
    assert meeting.presiding_member is None
    services.reschedule_meeting(meeting=meeting, place="Council Chamber, Shire Hall")
    services.return_minutes_to_draft(minutes=approved["minutes"])
    services.reschedule_meeting(meeting=meeting, presiding_member=everyone_present[0])
    meeting.refresh_from_db()
    assert meeting.presiding_member == everyone_present[0]


def test_who_presides_is_named_before_the_minutes_are_approved(meeting, member):
    mo = Member.objects.get(person__user=member)
    services.reschedule_meeting(meeting=meeting, presiding_member=mo)
    meeting.refresh_from_db()
    assert meeting.presiding_member == mo


def test_a_decision_stays_quorate_when_attendance_is_corrected(meeting, item, everyone_present):
    """Six present, a quorum of five, a decision taken: two recorded away afterwards would leave
    the decision without a quorum."""
    services.record_decision(agenda_item=item, text="Note the report")
    services.record_attendance(meeting=meeting, member=everyone_present[0], status="absent")
    with pytest.raises(RuleBroken, match="Decision 1 on .* would leave it without one"):
        services.record_attendance(meeting=meeting, member=everyone_present[1], status="apologies")
    assert Attendance.objects.get(member=everyone_present[1]).status == "present"


def test_a_decision_stays_quorate_when_an_interest_is_declared_afterwards(meeting, item, everyone_present):
    services.record_decision(agenda_item=item, text="Note the report")
    services.declare_interest(agenda_item=item, member=everyone_present[0], kind="prejudicial", nature="Employer")
    with pytest.raises(RuleBroken, match="would leave it without one"):
        services.declare_interest(agenda_item=item, member=everyone_present[1], kind="prejudicial", nature="Spouse")
    assert Declaration.objects.count() == 1
