"""Decisions that cannot wait for the next meeting, taken in writing: only the chair opens,
closes and withdraws them; members respond in the portal, declaring any interest first; the
result is decided by simple majority of votes cast (ToR 5.6), numbered in the decision log and
reported to the next meeting."""

import datetime
from zoneinfo import ZoneInfo

import pytest
from django.core import mail
from django.urls import reverse

from meetings import services
from meetings.minutes_document import meeting_to_report_to, written_decisions_to_report
from meetings.models import Decision, Outcome, ProposalStatus, WrittenProposal, WrittenResponse
from meetings.services.writing import ONLY_THE_CHAIR
from partnership.errors import RuleBroken
from partnership.models import Member, OfficeRole
from tests.factories import MemberFactory, OfficeFactory, PersonFactory

LONDON = ZoneInfo("Europe/London")
TODAY = datetime.date(2026, 11, 25)
RESPOND_BY = datetime.date(2026, 12, 4)
CDRP_CHAIRS = ["Nell North Warwickshire", "Ned Nuneaton", "Rita Rugby", "Stan Stratford", "Wendy Warwick"]


def at(day: datetime.date, hour: int = 10) -> datetime.datetime:
    return datetime.datetime.combine(day, datetime.time(hour), tzinfo=LONDON)


def member_of(user) -> Member:
    return Member.objects.get(person__user=user)


@pytest.fixture
def vice_chair(member):
    """Mo Member (The Police Service) is vice chair; Carol Chair (the County Council) chairs."""
    OfficeFactory(member=member_of(member), role=OfficeRole.VICE_CHAIR, starts_on=datetime.date(2026, 8, 1))
    return member


@pytest.fixture
def cdrp(cdrp_chairs):
    """The five CDRP strategy group chairs (seed 001, 4.1); with the partnership's quorum of 5,
    all five must take part for a decision."""
    return [MemberFactory(nominating_body=cdrp_chairs, person=PersonFactory(name=name)) for name in CDRP_CHAIRS]


def open_proposal(partnership, by, **changes):
    details = {
        "title": "Summer diversionary activities",
        "proposal": "Release 20,000 pounds of the partnership grant for summer diversionary activities in Nuneaton.",
        "why_now": "The activities must be booked before the next meeting in March.",
        "respond_by": RESPOND_BY,
        **changes,
    }
    return services.open_written_proposal(partnership=partnership, by=by, **details)


@pytest.fixture
def proposal(warwickshire, chair):
    return open_proposal(warwickshire, chair)


def answer(proposal, members, response, **interest):
    for member in members:
        services.respond_in_writing(proposal=proposal, member=member, response=response, **interest)


# Opening


def test_the_chair_puts_a_decision_to_the_members(proposal, chair):
    proposal.refresh_from_db()
    assert (proposal.status, proposal.opened_by, proposal.respond_by) == (ProposalStatus.OPEN, chair, RESPOND_BY)
    assert proposal.why_now == "The activities must be booked before the next meeting in March."


@pytest.mark.parametrize("who", ["vice_chair", "secretariat", "staff", "member", "outsider"])
def test_only_the_chair_puts_a_decision_in_writing(warwickshire, request, who):
    with pytest.raises(RuleBroken, match=ONLY_THE_CHAIR):
        open_proposal(warwickshire, request.getfixturevalue(who))
    assert not WrittenProposal.objects.exists()


def test_a_chair_whose_term_has_ended_does_not(warwickshire, chair):
    """Carol Chair took office on 17 August 2026 for two years."""
    with pytest.raises(RuleBroken, match=ONLY_THE_CHAIR):
        open_proposal(warwickshire, chair, respond_by=datetime.date(2028, 9, 1), now=at(datetime.date(2028, 8, 17)))
    assert not WrittenProposal.objects.exists()


@pytest.mark.parametrize(
    ("field", "message"),
    [
        ("title", "Give the proposal a title"),
        ("proposal", "Write what the members are asked to agree"),
        ("why_now", "Say why it cannot wait for the next meeting"),
    ],
)
def test_a_proposal_says_what_and_why_now(warwickshire, chair, field, message):
    with pytest.raises(RuleBroken, match=message) as refusal:
        open_proposal(warwickshire, chair, **{field: "  "})
    assert refusal.value.field == field
    assert not WrittenProposal.objects.exists()


@pytest.mark.parametrize(
    ("respond_by", "message"),
    [
        (None, "Give the date by which members respond"),
        (datetime.date(2026, 11, 24), "cannot be in the past"),
        (datetime.date(9999, 1, 1), "Give a date between 1900 and 2100"),
    ],
)
def test_members_are_given_a_date_to_respond_by(warwickshire, chair, respond_by, message):
    with pytest.raises(RuleBroken, match=message) as refusal:
        open_proposal(warwickshire, chair, respond_by=respond_by)
    assert refusal.value.field == "respond_by"
    assert not WrittenProposal.objects.exists()
    assert open_proposal(warwickshire, chair, respond_by=TODAY).respond_by == TODAY


def test_members_are_emailed_when_it_opens(
    warwickshire, chair, member, cdrp, django_capture_on_commit_callbacks, settings
):
    settings.CELERY_TASK_ALWAYS_EAGER = True
    MemberFactory(nominating_body__partnership=warwickshire, person__email="gone@example.org", active=False)
    with django_capture_on_commit_callbacks(execute=True):
        proposal = open_proposal(warwickshire, chair)
    members = Member.objects.filter(partnership=warwickshire, active=True)
    assert sorted(message.to[0] for message in mail.outbox) == sorted(members.values_list("person__email", flat=True))
    message = mail.outbox[0]
    assert (
        message.subject
        == "Decision in writing: Warwickshire Safer Communities Partnership, Summer diversionary activities"
    )
    assert "Please respond by Friday 4 December 2026" in message.body
    link = reverse("writing:respond", kwargs={"slug": "warwickshire-scp", "pk": proposal.pk})
    assert f"{settings.SITE_URL}{link}" in message.body


# Responding


def test_a_member_responds_once_and_may_change_their_answer(proposal, cdrp):
    services.respond_in_writing(proposal=proposal, member=cdrp[0], response="against")
    services.respond_in_writing(proposal=proposal, member=cdrp[0], response="for")
    assert WrittenResponse.objects.get().response == "for"


def test_a_prejudicial_interest_is_a_withdrawal(proposal, cdrp):
    response = services.respond_in_writing(
        proposal=proposal,
        member=cdrp[1],
        response="for",
        interest="prejudicial",
        interest_category="control",
        interest_nature="Manages the youth club that would run the activities",
    )
    response.refresh_from_db()
    assert (response.withdrew, response.response, response.interest_category) == (True, "", "control")
    assert str(response) == "Ned Nuneaton (The Chair of each CDRP strategy group): withdrew"


def test_a_personal_interest_is_declared_and_the_member_answers(proposal, cdrp):
    response = services.respond_in_writing(
        proposal=proposal, member=cdrp[0], response="for", interest="personal", interest_nature="Her son attends"
    )
    assert (response.withdrew, response.response, response.interest_nature) == (False, "for", "Her son attends")


@pytest.mark.parametrize(
    ("details", "field", "message"),
    [
        ({"response": "for", "interest": "financial", "interest_nature": "x"}, "interest", "personal or prejudicial"),
        (
            {"response": "for", "interest": "personal", "interest_nature": " "},
            "interest_nature",
            "Say what the interest",
        ),
        (
            {"response": "for", "interest": "personal", "interest_category": "golf", "interest_nature": "x"},
            "interest_category",
            "Code of Conduct's list",
        ),
        ({"response": ""}, "response", "Answer for, against or abstain"),
        ({"response": "maybe"}, "response", "Answer for, against or abstain"),
    ],
)
def test_a_response_is_an_answer_with_any_interest_declared(proposal, cdrp, details, field, message):
    with pytest.raises(RuleBroken, match=message) as refusal:
        services.respond_in_writing(proposal=proposal, member=cdrp[0], **details)
    assert refusal.value.field == field
    assert not WrittenResponse.objects.exists()


def test_responses_are_taken_until_the_respond_by_date(proposal, cdrp):
    services.respond_in_writing(proposal=proposal, member=cdrp[0], response="for", now=at(RESPOND_BY, 23))
    with pytest.raises(RuleBroken, match="Responses were due by 4 December 2026"):
        services.respond_in_writing(
            proposal=proposal, member=cdrp[1], response="for", now=at(datetime.date(2026, 12, 5))
        )
    assert WrittenResponse.objects.count() == 1


def test_only_the_partnerships_current_members_respond(proposal, warwickshire, other_partnership):
    stranger = MemberFactory(nominating_body__partnership=other_partnership)
    former = MemberFactory(nominating_body__partnership=warwickshire, active=False)
    for member in (stranger, former):
        with pytest.raises(RuleBroken, match="Only the partnership's current members respond") as refusal:
            services.respond_in_writing(proposal=proposal, member=member, response="for")
        assert refusal.value.field == "member"
    assert not WrittenResponse.objects.exists()


def test_no_responses_once_closed_or_withdrawn(warwickshire, proposal, chair, cdrp, member):
    answer(proposal, cdrp, "for")
    services.close_written_proposal(proposal=proposal, by=chair)
    with pytest.raises(RuleBroken, match="The chair has closed this proposal; responses are no longer taken"):
        services.respond_in_writing(proposal=proposal, member=member_of(member), response="against")
    withdrawn = open_proposal(warwickshire, chair, title="Another")
    services.withdraw_written_proposal(proposal=withdrawn, by=chair)
    with pytest.raises(RuleBroken, match="The chair withdrew this proposal"):
        services.respond_in_writing(proposal=withdrawn, member=cdrp[0], response="for")
    assert WrittenResponse.objects.count() == 5


# Closing


@pytest.mark.parametrize("who", ["vice_chair", "secretariat", "staff", "member"])
def test_only_the_chair_closes_or_withdraws(proposal, cdrp, request, who):
    answer(proposal, cdrp, "for")
    user = request.getfixturevalue(who)
    for act in (services.close_written_proposal, services.withdraw_written_proposal):
        with pytest.raises(RuleBroken, match=ONLY_THE_CHAIR):
            act(proposal=proposal, by=user)
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.OPEN
    assert not Decision.objects.exists()


def test_closing_needs_a_quorum_of_members_taking_part(proposal, chair, cdrp):
    answer(proposal, cdrp[:4], "for")
    answer(proposal, cdrp[4:], "", interest="prejudicial", interest_nature="Runs the youth club")
    with pytest.raises(RuleBroken, match="4 members have taken part so far; at least 5 are needed"):
        services.close_written_proposal(proposal=proposal, by=chair)
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.OPEN
    assert not Decision.objects.exists()


def test_nothing_is_decided_when_everyone_abstains(proposal, chair, cdrp):
    answer(proposal, cdrp, "abstain")
    with pytest.raises(RuleBroken, match="Every member who took part abstained"):
        services.close_written_proposal(proposal=proposal, by=chair)
    assert not Decision.objects.exists()


def test_closing_logs_a_numbered_decision_by_majority_of_votes_cast(proposal, chair, member, cdrp):
    answer(proposal, cdrp[:3], "for")
    answer(proposal, cdrp[3:4], "against")
    answer(proposal, [member_of(member)], "abstain")
    answer(proposal, cdrp[4:], "", interest="prejudicial", interest_nature="Runs the youth club")
    decision = services.close_written_proposal(proposal=proposal, by=chair, now=at(datetime.date(2026, 12, 1)))
    assert (decision.number, decision.method, decision.decided_on) == (1, "vote", datetime.date(2026, 12, 1))
    assert (decision.votes_for, decision.votes_against, decision.abstentions, decision.outcome) == (
        3,
        1,
        1,
        Outcome.CARRIED,
    )
    assert decision.text == proposal.proposal
    assert decision.taken_in_writing
    assert set(decision.voters.all()) == {*cdrp[:4], member_of(member)}
    proposal.refresh_from_db()
    assert (proposal.status, proposal.closed_by) == (ProposalStatus.CLOSED, chair)


def test_a_tie_is_not_carried(proposal, chair, member, cdrp):
    answer(proposal, cdrp[:2], "for")
    answer(proposal, cdrp[2:4], "against")
    answer(proposal, cdrp[4:], "abstain")
    assert services.close_written_proposal(proposal=proposal, by=chair).outcome == Outcome.LOST


def test_a_proposal_is_closed_once(proposal, chair, cdrp):
    answer(proposal, cdrp, "for")
    services.close_written_proposal(proposal=proposal, by=chair)
    for act in (services.close_written_proposal, services.withdraw_written_proposal):
        with pytest.raises(RuleBroken, match="This proposal is already closed"):
            act(proposal=proposal, by=chair)
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.CLOSED
    assert Decision.objects.count() == 1


def test_the_chair_withdraws_a_proposal_and_nothing_is_logged(proposal, chair, cdrp):
    answer(proposal, cdrp[:2], "for")
    services.withdraw_written_proposal(proposal=proposal, by=chair)
    proposal.refresh_from_db()
    assert (proposal.status, proposal.closed_by) == (ProposalStatus.WITHDRAWN, chair)
    with pytest.raises(RuleBroken, match="The chair withdrew this proposal"):
        services.close_written_proposal(proposal=proposal, by=chair)
    assert not Decision.objects.exists()


# Reported to the next meeting


@pytest.fixture
def board_meetings(warwickshire):
    """The board meets in March, June and September 2027."""
    return [
        services.schedule_meeting(
            partnership=warwickshire, title="Board meeting", date=day, start_time=datetime.time(14)
        )
        for day in (datetime.date(2027, 3, 16), datetime.date(2027, 6, 15), datetime.date(2027, 9, 14))
    ]


def decide_in_writing(warwickshire, chair, cdrp, closed_at, title):
    proposal = open_proposal(warwickshire, chair, title=title, respond_by=closed_at.date(), now=closed_at)
    answer(proposal, cdrp, "for")
    return services.close_written_proposal(proposal=proposal, by=chair, now=closed_at)


def test_a_decision_in_writing_is_reported_to_the_next_meeting_only(warwickshire, chair, cdrp, board_meetings):
    march, june, september = board_meetings
    decision = decide_in_writing(warwickshire, chair, cdrp, at(datetime.date(2026, 12, 1)), "Before March")
    assert [written_decisions_to_report(meeting) for meeting in board_meetings] == [[decision], [], []]


def test_a_decision_closed_on_the_evening_of_a_meeting_goes_to_the_next(warwickshire, chair, cdrp, board_meetings):
    march, june, september = board_meetings
    morning = decide_in_writing(warwickshire, chair, cdrp, at(datetime.date(2027, 6, 15), 9), "That morning")
    evening = decide_in_writing(warwickshire, chair, cdrp, at(datetime.date(2027, 6, 15), 18), "That evening")
    assert written_decisions_to_report(june) == [morning]
    assert written_decisions_to_report(september) == [evening]
    assert written_decisions_to_report(march) == []

    # The proposal's page names the same meeting as the minutes report it to.
    assert meeting_to_report_to(warwickshire.pk, morning.written_proposal.closed_at) == june
    assert meeting_to_report_to(warwickshire.pk, evening.written_proposal.closed_at) == september
