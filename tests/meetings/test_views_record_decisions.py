"""Decisions on a meeting's items (ToR 5.6, 7): recorded by the secretariat by consensus or by a
vote decided by simple majority of the votes cast, a tie lost; no member with a prejudicial
interest among the voters; corrected keeping their number; read by the partnership's members."""

import pytest
from django.urls import reverse

from meetings import services
from meetings.models import Decision
from tests.helpers import signed_in
from tests.meetings.test_views_record_support import all_present, approve_minutes, record_url, seat_board

AWARD = "Award the treatment services contract to Compass."


@pytest.fixture
def item(meeting):
    return services.add_agenda_item(meeting=meeting, title="Commissioning of treatment services", purpose="decision")


@pytest.fixture
def board(warwickshire, item):
    """Six members, recorded once the agenda was built (as before a meeting)."""
    return seat_board(warwickshire)


@pytest.fixture
def held(after_the_meeting, board):
    """The meeting has taken place with all six present; the quorum is 5."""
    all_present(after_the_meeting, board)
    return after_the_meeting


def add_url(item):
    return record_url(item.meeting, "decision-add", item_pk=item.pk)


def a_vote(votes_for, votes_against=0, abstentions=0, voters=(), **more) -> dict:
    return {
        "text": AWARD,
        "method": "vote",
        "votes_for": votes_for,
        "votes_against": votes_against,
        "abstentions": abstentions,
        "voters": [voter.pk for voter in voters],
        **more,
    }


# Who may read and record.


def test_anonymous_visitor_is_sent_to_sign_in(client, meeting, item):
    for url in (record_url(meeting, "decisions"), add_url(item)):
        response = client.get(url)
        assert response.status_code == 302
        assert response.url.startswith(reverse("login"))


@pytest.mark.parametrize(("who", "status"), [("outsider", 404), ("member", 200), ("chair", 200), ("secretariat", 200)])
def test_who_reads_the_decisions(client, request, meeting, who, status):
    signed_in(client, request.getfixturevalue(who))
    assert client.get(record_url(meeting, "decisions")).status_code == status


@pytest.mark.parametrize(("who", "status"), [("outsider", 404), ("member", 403), ("chair", 403)])
def test_only_the_secretariat_records_a_decision(client, request, held, item, who, status):
    signed_in(client, request.getfixturevalue(who))
    response = client.post(add_url(item), {"text": AWARD, "method": "consensus"})
    assert response.status_code == status
    if status == 403:
        assert "Only the partnership&#x27;s secretariat records the meeting." in response.text
    assert not Decision.objects.exists()


def test_a_member_reads_decisions_without_the_buttons(client, member, held, item):
    services.record_decision(agenda_item=item, text=AWARD)
    signed_in(client, member)
    page = client.get(record_url(held, "decisions")).text
    assert AWARD in page
    assert "Record a decision" not in page
    assert "Correct<span" not in page


# Recording.


def test_a_decision_by_consensus_is_agreed(client, secretariat, held, item):
    signed_in(client, secretariat)
    response = client.post(add_url(item), {"text": AWARD, "method": "consensus"}, follow=True)
    assert "Decision recorded." in response.text
    decision = Decision.objects.get()
    assert response.redirect_chain[-1][0].endswith(f"#decision-{decision.number}")
    assert (decision.method, decision.outcome, decision.number) == ("consensus", "agreed", 1)
    assert "Decision 1" in response.text
    assert "By consensus" in response.text
    assert "Agreed" in response.text


def test_votes_counted_for_a_consensus_are_refused(client, secretariat, held, item, board):
    signed_in(client, secretariat)
    response = client.post(add_url(item), a_vote(3, 1, voters=board[:4], method="consensus"))
    assert response.status_code == 400
    assert "A decision by consensus has no votes; record a vote instead." in response.text
    assert not Decision.objects.exists()


def test_a_vote_with_a_majority_is_carried(client, secretariat, held, item, board):
    signed_in(client, secretariat)
    response = client.post(add_url(item), a_vote(4, 1, 1, voters=board), follow=True)
    decision = Decision.objects.get()
    assert (decision.outcome, decision.votes_for, decision.votes_against, decision.abstentions) == ("carried", 4, 1, 1)
    assert set(decision.voters.all()) == set(board)
    assert "By a vote: 4 for, 1 against, 1 abstention" in response.text
    assert "Carried" in response.text
    assert "Cora Courts, Fay Fireman, Hari Health, Pat Probation, Vic Voluntary, Yusuf Youth" in response.text


def test_a_tie_is_lost(client, secretariat, held, item, board):
    signed_in(client, secretariat)
    response = client.post(add_url(item), a_vote(3, 3), follow=True)
    assert Decision.objects.get().outcome == "lost"
    assert "Lost" in response.text


def test_a_member_with_a_prejudicial_interest_is_refused_as_a_voter(client, secretariat, held, item, board):
    services.declare_interest(agenda_item=item, member=board[0], kind="prejudicial", nature="My partner bid.")
    signed_in(client, secretariat)
    form = client.get(add_url(item)).text
    assert "Declared a prejudicial interest in this item." in form  # shown, not hidden
    response = client.post(add_url(item), a_vote(4, 1, voters=board[:5]))
    assert response.status_code == 400
    assert "<title>Error: Record a decision" in response.text
    assert (
        "Fay Fireman declared a prejudicial interest in this item and takes no part in the decision (ToR 7), "
        "unless the board agrees otherwise." in response.text
    )
    assert not Decision.objects.exists()
    response = client.post(add_url(item), a_vote(4, 1, voters=board[1:]), follow=True)
    assert "Carried" in response.text


def test_the_boards_agreement_lets_them_vote(client, secretariat, held, item, board):
    services.declare_interest(
        agenda_item=item, member=board[0], kind="prejudicial", nature="My partner bid.", participation_reason="Expert"
    )
    signed_in(client, secretariat)
    client.post(add_url(item), a_vote(5, 1, voters=board))
    assert Decision.objects.get().voters.count() == 6


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"text": "", "method": "consensus"}, "Write down what was decided"),
        ({"text": AWARD}, "Say whether it was decided by consensus or by a vote"),
        (a_vote(0, 0), "A vote needs votes cast for or against."),
        (a_vote(-1, 2), "Ensure this value is greater than or equal to 0."),
        (a_vote(1000, 2), "Ensure this value is less than or equal to 999."),
        (a_vote("many"), "Enter a whole number."),
    ],
)
def test_bad_input_saves_nothing(client, secretariat, held, item, data, message):
    signed_in(client, secretariat)
    response = client.post(add_url(item), data)
    assert response.status_code == 400
    assert message in response.text
    assert not Decision.objects.exists()


def test_voters_must_match_the_votes_counted(client, secretariat, held, item, board):
    signed_in(client, secretariat)
    response = client.post(add_url(item), a_vote(4, 1, voters=board[:3]))
    assert response.status_code == 400
    assert "3 voters are named but 5 votes are counted." in response.text
    assert not Decision.objects.exists()


def test_only_members_present_are_offered_as_voters(client, secretariat, after_the_meeting, item, board):
    all_present(after_the_meeting, board[:5])
    services.record_attendance(meeting=after_the_meeting, member=board[5], status="apologies")
    signed_in(client, secretariat)
    form = client.get(add_url(item)).text
    assert "Fay Fireman, Fire Authority" in form
    assert "Cora Courts, The Courts Service" not in form
    response = client.post(add_url(item), a_vote(6, voters=board))
    assert response.status_code == 400
    assert "Select a valid choice." in response.text
    assert not Decision.objects.exists()


def test_a_decision_before_the_meeting_is_refused(client, secretariat, meeting, item):
    signed_in(client, secretariat)
    response = client.post(add_url(item), {"text": AWARD, "method": "consensus"})
    assert response.status_code == 400
    assert "The meeting is on 15 June 2027: its decisions are recorded once it has taken place." in response.text
    assert not Decision.objects.exists()


def test_an_item_that_was_not_quorate_cannot_decide(client, secretariat, after_the_meeting, item, board):
    all_present(after_the_meeting, board[:5])
    services.declare_interest(agenda_item=item, member=board[0], kind="prejudicial", nature="My partner bid.")
    signed_in(client, secretariat)
    form = client.get(add_url(item)).text
    assert "5 members present or represented, of whom 1 withdrew with a prejudicial interest" in form
    response = client.post(add_url(item), {"text": AWARD, "method": "consensus"})
    assert response.status_code == 400
    assert "The meeting was not quorate for this item (at least 5 members needed" in response.text
    assert not Decision.objects.exists()


def test_the_record_is_locked_once_the_minutes_are_approved(client, secretariat, chair, held, item):
    approve_minutes(held, chair)
    signed_in(client, secretariat)
    response = client.post(add_url(item), {"text": AWARD, "method": "consensus"})
    assert response.status_code == 400
    assert "The chair has approved the minutes" in response.text
    assert not Decision.objects.exists()


def test_an_item_of_another_meeting_is_not_found(client, secretariat, held, warwickshire):
    other = services.schedule_meeting(
        partnership=warwickshire, title="Board meeting", date=held.date.replace(month=9), start_time=held.start_time
    )
    elsewhere = services.add_agenda_item(meeting=other, title="Budget")
    signed_in(client, secretariat)
    url = reverse("record:decision-add", kwargs={"slug": warwickshire.slug, "pk": held.pk, "item_pk": elsewhere.pk})
    assert client.post(url, {"text": AWARD, "method": "consensus"}).status_code == 404
    assert not Decision.objects.exists()


# Correcting.


def test_a_decision_is_corrected_keeping_its_number(client, secretariat, held, item, board):
    first = services.record_decision(agenda_item=item, text="Defer the award")
    decision = services.record_decision(agenda_item=item, text=AWARD, method="vote", votes_for=4, votes_against=2)
    signed_in(client, secretariat)
    url = record_url(held, "decision-correct", decision_pk=decision.pk)
    form = client.get(url).text
    assert "Correct decision 2" in form
    assert AWARD in form
    assert 'value="4"' in form
    response = client.post(url, a_vote(2, 4, voters=board), follow=True)
    assert "Decision 2 corrected." in response.text
    decision.refresh_from_db()
    assert (decision.number, decision.outcome, decision.voters.count()) == (2, "lost", 6)
    assert Decision.objects.get(pk=first.pk).text == "Defer the award"


def test_a_correction_keeps_the_rules(client, secretariat, held, item, board):
    decision = services.record_decision(agenda_item=item, text=AWARD)
    services.declare_interest(agenda_item=item, member=board[0], kind="prejudicial", nature="My partner bid.")
    signed_in(client, secretariat)
    response = client.post(record_url(held, "decision-correct", decision_pk=decision.pk), a_vote(5, 1, voters=board))
    assert response.status_code == 400
    assert "Fay Fireman declared a prejudicial interest in this item" in response.text
    decision.refresh_from_db()
    assert decision.method == "consensus"


@pytest.mark.parametrize(("who", "status"), [("outsider", 404), ("member", 403)])
def test_only_the_secretariat_corrects(client, request, held, item, who, status):
    decision = services.record_decision(agenda_item=item, text=AWARD)
    signed_in(client, request.getfixturevalue(who))
    url = record_url(held, "decision-correct", decision_pk=decision.pk)
    assert client.post(url, {"text": "Something else", "method": "consensus"}).status_code == status
    decision.refresh_from_db()
    assert decision.text == AWARD


# Queries.


def test_the_page_runs_a_fixed_number_of_queries(
    client, secretariat, after_the_meeting, warwickshire, django_assert_max_num_queries
):
    items = [services.add_agenda_item(meeting=after_the_meeting, title=f"Item {n}") for n in range(10)]
    board = seat_board(warwickshire, 17)
    all_present(after_the_meeting, board)
    for n in range(30):
        services.record_decision(
            agenda_item=items[n % 10], text=f"Decision {n}", method="vote", votes_for=9, votes_against=8, voters=board
        )
    signed_in(client, secretariat)
    # Session, user, meeting, the secretariat's roles, attendance, items, declarations,
    # decisions, their voters, their actions arising (none here, so no milestones are read).
    with django_assert_max_num_queries(10):
        response = client.get(record_url(after_the_meeting, "decisions"))
    assert response.status_code == 200
    assert response.text.count("Carried") == 30


def test_the_form_runs_a_fixed_number_of_queries(
    client, secretariat, after_the_meeting, item, warwickshire, django_assert_max_num_queries
):
    all_present(after_the_meeting, seat_board(warwickshire, 17))
    signed_in(client, secretariat)
    # Session, user, meeting, the roles, the item, attendance, declarations.
    with django_assert_max_num_queries(7):
        response = client.get(add_url(item))
    assert response.status_code == 200
    assert response.text.count('name="voters"') == 17
