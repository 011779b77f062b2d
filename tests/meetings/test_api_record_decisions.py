"""decisions/: the secretariat records decisions by consensus or by a vote decided by simple
majority of the votes cast (ToR 5.6), never with a member who has a prejudicial interest as a
voter (ToR 7); the numbered, searchable decision log with decisions taken in writing; what
each of the cast gets; corrections; a list at a fixed cost."""

import datetime

import pytest
from django.utils import timezone

from meetings import services
from meetings.models import Decision, WrittenProposal
from tests.factories import AgendaItemFactory, MeetingFactory
from tests.helpers import client_for
from tests.meetings.test_api_record_support import all_present, quorate_board, seat_of, seats

LIST = "/api/v1/decisions/"
ONLY_SECRETARIAT = {"detail": "Only the partnership's secretariat records the meeting."}


def detail(decision):
    return f"{LIST}{decision.pk}/"


@pytest.fixture
def item(meeting):
    return services.add_agenda_item(meeting=meeting, title="Commissioning of treatment services", purpose="decision")


@pytest.fixture
def board(after_the_meeting, chair, member):
    """Six present: the chair, the member (seat 1) and four more."""
    return quorate_board(after_the_meeting, chair, member)


@pytest.fixture
def noted(item, board):
    return services.record_decision(agenda_item=item, text="The board noted the report.")


def vote(item, board, votes_for, votes_against, abstentions=0, **fields):
    return {
        "agenda_item": item.pk,
        "text": "Award the contract to the preferred bidder.",
        "method": "vote",
        "votes_for": votes_for,
        "votes_against": votes_against,
        "abstentions": abstentions,
        "voters": [seat.pk for seat in board[: votes_for + votes_against + abstentions]],
        **fields,
    }


def consensus(item, **fields):
    return {"agenda_item": item.pk, "text": "The board agreed the plan.", "method": "consensus", **fields}


def written_decision(partnership, number):
    now = timezone.now()
    proposal = WrittenProposal.objects.create(
        partnership=partnership,
        title="Summer funding",
        proposal="Release the summer diversionary activities fund.",
        why_now="The fund must be committed before July.",
        respond_by=datetime.date(2027, 6, 30),
        status="closed",
        opened_at=now,
        closed_at=now,
    )
    return Decision.objects.create(
        partnership=partnership,
        written_proposal=proposal,
        decided_on=datetime.date(2027, 6, 30),
        number=number,
        text="Release the summer fund.",
        method="vote",
        votes_for=4,
        outcome="carried",
    )


def test_anonymous_visitor_is_asked_to_authenticate(item, board, noted):
    client = client_for()
    assert client.get(LIST).status_code == 401
    assert client.get(detail(noted)).status_code == 401
    assert client.post(LIST, consensus(item), format="json").status_code == 401
    assert client.patch(detail(noted), {"text": "Changed"}, format="json").status_code == 401
    assert Decision.objects.count() == 1


def test_secretariat_records_a_decision_by_consensus(warwickshire, after_the_meeting, item, board, secretariat):
    response = client_for(secretariat).post(
        LIST, consensus(item, outcome="lost", number=99, decided_on="2030-01-01"), format="json"
    )
    assert response.status_code == 201
    decision = Decision.objects.get()
    assert response.json() == {
        "id": decision.pk,
        "number": 1,
        "partnership": warwickshire.pk,
        "agenda_item": item.pk,
        "written_proposal": None,
        "taken_in_writing": False,
        "decided_on": "2027-06-15",
        "text": "The board agreed the plan.",
        "method": "consensus",
        "votes_for": 0,
        "votes_against": 0,
        "abstentions": 0,
        "voters": [],
        "outcome": "agreed",
        "actions": [],
    }


@pytest.mark.parametrize(
    ("votes_for", "votes_against", "abstentions", "outcome"),
    [(3, 2, 1, "carried"), (2, 3, 1, "lost"), (3, 3, 0, "lost"), (2, 1, 3, "carried")],
)
def test_a_vote_is_decided_by_simple_majority_of_votes_cast(
    item, board, secretariat, votes_for, votes_against, abstentions, outcome
):
    response = client_for(secretariat).post(
        LIST, vote(item, board, votes_for, votes_against, abstentions), format="json"
    )
    assert response.status_code == 201
    assert response.json()["outcome"] == outcome
    assert sorted(response.json()["voters"]) == sorted(seat.pk for seat in board)
    assert Decision.objects.get().outcome == outcome


def test_a_member_with_a_prejudicial_interest_is_refused_as_a_voter(item, board, secretariat, member):
    services.declare_interest(agenda_item=item, member=seat_of(member), kind="prejudicial", nature="Bidder")
    response = client_for(secretariat).post(LIST, vote(item, board, 4, 1), format="json")
    assert response.status_code == 400
    assert response.json() == {
        "voters": [
            "Mo Member declared a prejudicial interest in this item and takes no part in the decision (ToR 7), "
            "unless the board agrees otherwise."
        ]
    }
    assert not Decision.objects.exists()
    without_them = [seat for seat in board if seat != seat_of(member)]
    response = client_for(secretariat).post(LIST, vote(item, without_them, 4, 1), format="json")
    assert response.status_code == 201
    assert response.json()["outcome"] == "carried"


@pytest.mark.parametrize("who", ["member", "chair"])
def test_only_the_secretariat_records_decisions(request, item, board, noted, who):
    client = client_for(request.getfixturevalue(who))
    response = client.post(LIST, consensus(item), format="json")
    assert response.status_code == 403
    assert response.json() == ONLY_SECRETARIAT
    response = client.patch(detail(noted), {"text": "Rewritten"}, format="json")
    assert response.status_code == 403
    assert response.json() == ONLY_SECRETARIAT
    assert list(Decision.objects.values_list("text", flat=True)) == ["The board noted the report."]


def test_outsider_neither_sees_nor_finds_the_decisions(warwickshire, item, board, noted, outsider):
    client = client_for(outsider)
    assert client.get(LIST).json()["count"] == 0
    assert client.get(LIST, {"partnership": warwickshire.pk}).json()["count"] == 0
    assert client.get(detail(noted)).status_code == 404
    assert client.patch(detail(noted), {"text": "Taken over"}, format="json").status_code == 404
    response = client.post(LIST, vote(item, board, 4, 1), format="json")
    assert response.status_code == 400
    assert set(response.json()) == {"agenda_item", "voters"}
    assert Decision.objects.count() == 1


def test_decisions_wait_for_the_meeting(meeting, item, secretariat):
    response = client_for(secretariat).post(LIST, consensus(item), format="json")
    assert response.status_code == 400
    assert response.json() == {
        "detail": "The meeting is on 15 June 2027: its decisions are recorded once it has taken place."
    }
    assert not Decision.objects.exists()


def test_an_inquorate_item_cannot_decide(after_the_meeting, item, secretariat, chair, member):
    all_present(after_the_meeting, [seat_of(chair), seat_of(member)])
    response = client_for(secretariat).post(LIST, consensus(item), format="json")
    assert response.status_code == 400
    assert response.json()["detail"].startswith("The meeting was not quorate for this item")
    assert not Decision.objects.exists()


@pytest.mark.parametrize(
    ("change", "errors"),
    [
        ({"voters": "everyone"}, {"voters"}),
        ({"votes_for": -1}, {"votes_for"}),
        ({"method": "show of hands"}, {"method"}),
        ({"text": ""}, {"text"}),
        ({"agenda_item": None}, {"agenda_item"}),
        ({"votes_for": 3}, {"voters"}),  # five named, six counted
        ({"method": "consensus"}, {"method"}),  # a consensus has no votes
    ],
)
def test_bad_input_is_refused_field_by_field(item, board, secretariat, change, errors):
    response = client_for(secretariat).post(LIST, {**vote(item, board, 2, 3), **change}, format="json")
    assert response.status_code == 400
    assert set(response.json()) == errors
    assert not Decision.objects.exists()


def test_a_voter_is_a_member_the_caller_can_see(item, board, secretariat, outsider):
    body = vote(item, board, 4, 1)
    body["voters"][0] = seat_of(outsider).pk
    response = client_for(secretariat).post(LIST, body, format="json")
    assert response.status_code == 400
    assert list(response.json()) == ["voters"]
    assert not Decision.objects.exists()


def test_decisions_are_numbered_in_the_partnerships_log(item, board, secretariat, noted):
    response = client_for(secretariat).post(LIST, consensus(item), format="json")
    assert response.json()["number"] == 2


# Corrections.


def test_secretariat_corrects_a_decision_keeping_its_number(item, board, secretariat, noted):
    response = client_for(secretariat).patch(
        detail(noted), {**vote(item, board, 2, 3), "agenda_item": AgendaItemFactory().pk}, format="json"
    )
    assert response.status_code == 200
    assert (response.json()["number"], response.json()["outcome"]) == (1, "lost")
    noted.refresh_from_db()
    assert (noted.agenda_item, noted.method, noted.voters.count()) == (item, "vote", 5)
    response = client_for(secretariat).patch(detail(noted), {"text": "Rejected the award."}, format="json")
    assert response.status_code == 200
    assert Decision.objects.get().voters.count() == 5


def test_a_correction_keeps_the_rules(item, board, secretariat, member, noted):
    services.declare_interest(agenda_item=item, member=seat_of(member), kind="prejudicial", nature="Bidder")
    response = client_for(secretariat).patch(detail(noted), vote(item, board, 4, 1), format="json")
    assert response.status_code == 400
    assert list(response.json()) == ["voters"]
    assert Decision.objects.get().method == "consensus"


def test_a_decision_taken_in_writing_is_not_corrected_here(warwickshire, secretariat):
    decision = written_decision(warwickshire, number=1)
    response = client_for(secretariat).patch(detail(decision), {"text": "Rewritten"}, format="json")
    assert response.status_code == 400
    assert response.json() == {
        "detail": "A decision taken in writing is the members' responses; it cannot be corrected here."
    }
    assert Decision.objects.get().text == "Release the summer fund."


def test_decisions_are_not_deleted(secretariat, noted):
    assert client_for(secretariat).delete(detail(noted)).status_code == 405
    assert Decision.objects.exists()


# The decision log.


def test_member_reads_the_decision_log_with_decisions_taken_in_writing(warwickshire, member, noted):
    written = written_decision(warwickshire, number=2)
    response = client_for(member).get(LIST, {"partnership": warwickshire.pk})
    assert [(row["number"], row["taken_in_writing"]) for row in response.json()["results"]] == [(1, False), (2, True)]
    body = client_for(member).get(detail(written)).json()
    assert (body["agenda_item"], body["written_proposal"], body["outcome"]) == (
        None,
        written.written_proposal_id,
        "carried",
    )


@pytest.mark.parametrize(
    ("query", "numbers"),
    [
        ({"meeting": "this"}, [1, 2]),
        ({"meeting": "earlier"}, [3]),
        ({"agenda_item": "item"}, [1]),
        ({"outcome": "lost"}, [2]),
        ({"method": "consensus"}, [1, 3]),
        ({"search": "TREATMENT"}, [1, 3]),
    ],
)
def test_filters(warwickshire, item, board, secretariat, query, numbers):
    services.record_decision(agenda_item=item, text="Commission the treatment service.")
    other = AgendaItemFactory(meeting=item.meeting)
    services.record_decision(
        agenda_item=other, text="Fund the bid.", method="vote", votes_for=1, votes_against=2, voters=board[:3]
    )
    earlier = MeetingFactory(partnership=warwickshire, date=datetime.date(2027, 3, 9))
    all_present(earlier, board)
    services.record_decision(agenda_item=AgendaItemFactory(meeting=earlier), text="Review treatment waiting times.")
    ids = {"this": item.meeting_id, "earlier": earlier.pk, "item": item.pk}
    query = {name: ids.get(value, value) for name, value in query.items()}
    response = client_for(secretariat).get(LIST, {"partnership": warwickshire.pk, **query})
    assert [row["number"] for row in response.json()["results"]] == numbers


def test_filter_values_are_checked(secretariat):
    response = client_for(secretariat).get(LIST, {"meeting": "next", "outcome": "won", "method": "lottery"})
    assert response.status_code == 400
    assert set(response.json()) == {"meeting", "outcome", "method"}


def test_list_runs_a_fixed_number_of_queries(after_the_meeting, member, django_assert_max_num_queries):
    """17 members present, 10 items, 30 decisions by votes."""
    board = all_present(after_the_meeting, [seat_of(member), *seats(after_the_meeting.partnership, 16)])
    items = AgendaItemFactory.create_batch(10, meeting=after_the_meeting)
    for n in range(30):
        services.record_decision(
            agenda_item=items[n % 10], text=f"Decision {n}", method="vote", votes_for=9, votes_against=8, voters=board
        )
    client = client_for(member)
    # 8: with the decisions' actions arising.
    with django_assert_max_num_queries(8):
        response = client.get(LIST)
    assert response.json()["count"] == 30
    assert all(len(row["voters"]) == 17 for row in response.json()["results"])
