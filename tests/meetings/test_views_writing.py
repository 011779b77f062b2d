"""The partnership's decisions in writing: the list, the chair opening a proposal, its page with
the responses, and the chair closing or withdrawing it."""

import datetime

import pytest
from django.urls import reverse

from meetings import services
from meetings.models import Decision, ProposalStatus, WrittenProposal
from tests.helpers import signed_in
from tests.meetings.test_views_writing_support import (
    make_vice_chair,
    member_of,
    put_to_members,
    respond,
    seat_members,
)

D = datetime.date
ONLY_THE_CHAIR = "Only the chair puts a decision to the members in writing, and closes it."


def url(partnership, name="list", **kwargs):
    return reverse(f"writing:{name}", kwargs={"slug": partnership.slug, **kwargs})


@pytest.fixture
def board(warwickshire, chair, member):
    """The chair, Mo Member and four more: six members, one over the quorum of 5."""
    return [chair, member, *seat_members(warwickshire, 4)]


@pytest.fixture
def vice_chair(warwickshire):
    return make_vice_chair(warwickshire)


@pytest.fixture
def proposal(warwickshire, board):
    return put_to_members(warwickshire, board[0])


PROPOSAL_FORM = {
    "title": "Bid for the Safer Streets fund",
    "proposal": "The partnership agrees to bid for the Safer Streets fund.",
    "why_now": "The bidding round closes on 4 December.",
    "respond_by_0": "2",
    "respond_by_1": "12",
    "respond_by_2": "2026",
}


def test_anonymous_visitor_is_sent_to_sign_in(client, warwickshire, proposal):
    for address in (url(warwickshire), url(warwickshire, "open"), url(warwickshire, "proposal", pk=proposal.pk)):
        assert client.get(address).url.startswith(reverse("login"))
    assert client.post(url(warwickshire, "close", pk=proposal.pk)).url.startswith(reverse("login"))
    assert WrittenProposal.objects.get().is_open


@pytest.mark.parametrize(
    ("who", "status"), [("outsider", 404), ("member", 200), ("secretariat", 200), ("chair", 200), ("staff", 200)]
)
def test_who_reads_the_proposals(client, request, warwickshire, proposal, who, status):
    signed_in(client, request.getfixturevalue(who))
    assert client.get(url(warwickshire)).status_code == status
    assert client.get(url(warwickshire, "proposal", pk=proposal.pk)).status_code == status


@pytest.mark.parametrize(
    ("who", "status"),
    [("outsider", 404), ("member", 403), ("vice_chair", 403), ("secretariat", 403), ("staff", 403)],
)
def test_only_the_chair_puts_a_decision_to_the_members(client, request, warwickshire, chair, who, status):
    signed_in(client, request.getfixturevalue(who))
    assert client.get(url(warwickshire, "open")).status_code == status
    response = client.post(url(warwickshire, "open"), PROPOSAL_FORM)
    assert response.status_code == status
    if status == 403:
        assert ONLY_THE_CHAIR in response.text
    assert not WrittenProposal.objects.exists()


def test_the_chair_puts_a_proposal_to_the_members(client, chair, member, warwickshire):
    signed_in(client, chair)
    response = client.post(url(warwickshire, "open"), PROPOSAL_FORM, follow=True)
    proposal = WrittenProposal.objects.get()
    assert response.redirect_chain == [(url(warwickshire, "proposal", pk=proposal.pk), 302)]
    assert "The proposal has gone to the members" in response.text
    assert (proposal.title, proposal.respond_by, proposal.opened_by) == (
        "Bid for the Safer Streets fund",
        D(2026, 12, 2),
        chair,
    )
    assert "Mo Member" in response.text  # not yet responded


def test_a_proposal_missing_its_words_saves_nothing(client, chair, warwickshire):
    signed_in(client, chair)
    response = client.post(url(warwickshire, "open"), {"title": ""})
    assert response.status_code == 400
    assert response.text.startswith("<!DOCTYPE html>")
    for message in (
        "Enter a title for the proposal",
        "Write what the members are asked to agree",
        "Say why it cannot wait for the next meeting",
        "Enter the date by which members respond",
    ):
        assert message in response.text
    assert "<title>Error: " in response.text
    assert not WrittenProposal.objects.exists()


def test_a_respond_by_date_in_the_past_is_refused(client, chair, warwickshire):
    signed_in(client, chair)
    response = client.post(url(warwickshire, "open"), PROPOSAL_FORM | {"respond_by_2": "2025"})
    assert response.status_code == 400
    assert "The date to respond by cannot be in the past." in response.text
    assert not WrittenProposal.objects.exists()


def test_the_chair_sees_who_responded_how_and_who_has_not(client, warwickshire, board, proposal):
    chair, mo, priya, tom, *rest = board
    respond(proposal, [priya], "against")
    respond(
        proposal,
        [tom],
        interest="prejudicial",
        interest_category="employer",
        interest_nature="Tom's employer would receive the grant.",
    )
    respond(proposal, [mo], interest="personal", interest_nature="A trustee of a bidding charity.")
    signed_in(client, chair)
    page = client.get(url(warwickshire, "proposal", pk=proposal.pk)).text
    assert "2 members taking part; at least 5 are needed to decide." in page
    assert "Prejudicial (A person who employs or appointed them, a firm or company they are in)" in page
    assert "Took no part" in page
    assert "Personal: A trustee of a bidding charity." in page
    awaiting = page[page.index("Not yet responded") :]
    assert "Carol Chair" in awaiting
    assert "Aisha Khan" in awaiting
    assert "Priya Patel" not in awaiting
    assert "Close and record the decision" in page


def test_the_secretariat_reads_but_is_offered_no_buttons(client, secretariat, warwickshire, proposal):
    signed_in(client, secretariat)
    page = client.get(url(warwickshire, "proposal", pk=proposal.pk)).text
    assert "Close and record the decision" not in page
    assert "Respond to this proposal" not in page


def test_the_chair_closes_it_and_the_result_is_numbered_in_the_log(client, warwickshire, board, proposal, meeting):
    chair, mo, *others = board
    respond(proposal, [chair, *others[:3]], "for")
    respond(proposal, [others[3]], "against")
    respond(proposal, [mo], interest="prejudicial", interest_nature="Employed by a bidder.")
    signed_in(client, chair)
    response = client.post(url(warwickshire, "close", pk=proposal.pk), follow=True)
    assert "Decision 1 is in the decision log: carried, 4 for, 1 against, 0 abstaining." in response.text
    assert "To be reported to the meeting of" in response.text
    assert "Board meeting, 15 June 2027" in response.text
    decision = Decision.objects.get()
    assert (decision.written_proposal, decision.number, decision.outcome) == (proposal, 1, "carried")
    assert member_of(mo, warwickshire) not in decision.voters.all()
    log = client.get(reverse("decisions:log", kwargs={"slug": warwickshire.slug})).text
    assert "Taken in writing" in log
    assert "Bid for the Safer Streets fund" in log


def test_a_tie_is_not_carried(client, warwickshire, board, proposal):
    respond(proposal, board[:3], "for")
    respond(proposal, board[3:], "against")
    signed_in(client, board[0])
    client.post(url(warwickshire, "close", pk=proposal.pk))
    assert Decision.objects.get().outcome == "lost"


def test_closing_without_enough_responses_is_refused(client, warwickshire, board, proposal):
    respond(proposal, board[:4], "for")
    respond(proposal, board[4:5], interest="prejudicial", interest_nature="Employed by a bidder.")
    signed_in(client, board[0])
    response = client.post(url(warwickshire, "close", pk=proposal.pk))
    assert response.status_code == 400
    assert "<title>Error: " in response.text
    assert (
        "4 members have taken part so far; at least 5 are needed to decide (those with a prejudicial interest do "
        "not count)."
    ) in response.text
    proposal.refresh_from_db()
    assert proposal.is_open
    assert not Decision.objects.exists()


@pytest.mark.parametrize(
    ("who", "status"), [("outsider", 404), ("member", 403), ("vice_chair", 403), ("secretariat", 403), ("staff", 403)]
)
def test_only_the_chair_closes_or_withdraws(client, request, warwickshire, board, proposal, who, status):
    respond(proposal, board, "for")
    signed_in(client, request.getfixturevalue(who))
    for action in ("close", "withdraw"):
        response = client.post(url(warwickshire, action, pk=proposal.pk))
        assert response.status_code == status
        if status == 403:
            assert ONLY_THE_CHAIR in response.text
    proposal.refresh_from_db()
    assert proposal.is_open
    assert not Decision.objects.exists()


def test_a_proposal_of_another_partnership_is_not_found(client, warwickshire, other_partnership, chair, proposal):
    signed_in(client, chair)
    assert client.get(url(other_partnership, "proposal", pk=proposal.pk)).status_code == 404
    assert client.post(url(other_partnership, "close", pk=proposal.pk)).status_code == 404


def test_the_chair_withdraws_a_proposal_and_nothing_is_logged(client, warwickshire, chair, proposal):
    signed_in(client, chair)
    response = client.post(url(warwickshire, "withdraw", pk=proposal.pk), follow=True)
    assert "The proposal is withdrawn; nothing goes into the decision log." in response.text
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.WITHDRAWN
    assert not Decision.objects.exists()
    again = client.post(url(warwickshire, "close", pk=proposal.pk))
    assert again.status_code == 400
    assert "The chair withdrew this proposal, so it is no longer open." in again.text


def test_the_list_shows_open_and_decided_proposals_and_what_to_report(client, warwickshire, board, meeting):
    decided = put_to_members(warwickshire, board[0], title="Adopt the hate crime protocol")
    respond(decided, board, "for")
    services.close_written_proposal(proposal=decided, by=board[0])
    put_to_members(warwickshire, board[0], title="Bid for the Safer Streets fund")
    signed_in(client, board[1])
    page = client.get(url(warwickshire)).text
    open_part = page[page.index("Open for responses") : page.index("To report to the next meeting")]
    assert "Bid for the Safer Streets fund" in open_part
    assert "Respond" in open_part
    report = page[page.index("To report to the next meeting") : page.index("Decided or withdrawn")]
    assert "Board meeting, 15 June 2027" in report
    assert "Decision 1: Adopt the hate crime protocol (carried" in report
    assert "Decision 1: Carried" in page[page.index("Decided or withdrawn") :]
    assert "Put a decision to the members" not in page


def test_the_list_costs_a_fixed_number_of_queries(client, warwickshire, board, meeting, django_assert_max_num_queries):
    for n in range(10):
        proposal = put_to_members(warwickshire, board[0], title=f"Proposal {n}")
        respond(proposal, board, "for")
        if n % 2:
            services.close_written_proposal(proposal=proposal, by=board[0])
    signed_in(client, board[0])
    with django_assert_max_num_queries(10):
        assert client.get(url(warwickshire)).status_code == 200


def test_the_proposal_page_costs_a_fixed_number_of_queries(
    client, warwickshire, chair, member, django_assert_max_num_queries
):
    others = seat_members(warwickshire, 15)  # 17 members
    proposal = put_to_members(warwickshire, chair)
    respond(proposal, [chair, *others[:10]], "for")
    respond(proposal, others[10:12], interest="prejudicial", interest_nature="Employed by a bidder.")
    signed_in(client, chair)
    with django_assert_max_num_queries(9):
        assert client.get(url(warwickshire, "proposal", pk=proposal.pk)).status_code == 200
