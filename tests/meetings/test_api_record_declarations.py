"""declarations/: a member declares their own interest, the secretariat or the chair records
anyone's (ToR 7); the board's agreement that a conflicted member takes part, with its reason;
a declaration made in error withdrawn; what the others get; a list at a fixed cost."""

import pytest
from django.utils import timezone

from meetings import services
from meetings.models import Declaration, Minutes
from tests.factories import AgendaItemFactory
from tests.helpers import client_for
from tests.meetings.test_api_record_support import quorate_board, seat_of, seats

LIST = "/api/v1/declarations/"
OTHERS_REFUSED = {"detail": "Only the secretariat or the chair records interests other members declare."}


def detail(declaration, action=""):
    return f"{LIST}{declaration.pk}/{action + '/' if action else ''}"


@pytest.fixture
def item(meeting):
    return services.add_agenda_item(meeting=meeting, title="Commissioning of treatment services", purpose="decision")


@pytest.fixture
def prejudicial(item, member):
    return services.declare_interest(
        agenda_item=item, member=seat_of(member), kind="prejudicial", nature="Director of a bidder"
    )


def interest(item, who, **fields):
    return {
        "agenda_item": item.pk,
        "member": seat_of(who).pk,
        "kind": "personal",
        "category": "employer",
        "nature": "My employer is one of the bidders.",
        **fields,
    }


def test_anonymous_visitor_is_asked_to_authenticate(item, member, prejudicial):
    client = client_for()
    assert client.get(LIST).status_code == 401
    assert client.get(detail(prejudicial)).status_code == 401
    assert client.post(LIST, interest(item, member), format="json").status_code == 401
    assert client.delete(detail(prejudicial)).status_code == 401
    assert client.post(detail(prejudicial, "agree-participation"), {"reason": "x"}).status_code == 401
    assert Declaration.objects.count() == 1


def test_member_declares_their_own_interest(meeting, item, member):
    response = client_for(member).post(LIST, interest(item, member, meeting=999), format="json")
    assert response.status_code == 201
    body = response.json()
    declaration = Declaration.objects.get()
    assert body == {
        "id": declaration.pk,
        "meeting": meeting.pk,
        "agenda_item": item.pk,
        "member": seat_of(member).pk,
        "kind": "personal",
        "category": "employer",
        "nature": "My employer is one of the bidders.",
        "participation_agreed": False,
        "participation_reason": "",
        "declared_at": body["declared_at"],
    }
    assert declaration.declared_by == member


def test_member_cannot_declare_for_another(item, member, chair):
    response = client_for(member).post(LIST, interest(item, chair), format="json")
    assert response.status_code == 403
    assert response.json() == OTHERS_REFUSED
    assert not Declaration.objects.exists()


@pytest.mark.parametrize("who", ["secretariat", "chair"])
def test_secretariat_and_chair_record_a_members_interest(request, item, member, who):
    recorder = request.getfixturevalue(who)
    response = client_for(recorder).post(LIST, interest(item, member, kind="prejudicial"), format="json")
    assert response.status_code == 201
    declaration = Declaration.objects.get()
    assert (declaration.member, declaration.withdraws, declaration.declared_by) == (seat_of(member), True, recorder)


def test_outsider_neither_sees_nor_finds_the_declarations(meeting, item, member, outsider, prejudicial):
    client = client_for(outsider)
    assert client.get(LIST).json()["count"] == 0
    assert client.get(LIST, {"meeting": meeting.pk}).json()["count"] == 0
    assert client.get(detail(prejudicial)).status_code == 404
    assert client.delete(detail(prejudicial)).status_code == 404
    assert client.post(detail(prejudicial, "agree-participation"), {"reason": "Remote"}).status_code == 404
    response = client.post(LIST, interest(item, member), format="json")
    assert response.status_code == 400
    assert set(response.json()) == {"agenda_item", "member"}
    assert Declaration.objects.get().participation_agreed is False


def test_member_reads_the_declarations(item, member, chair, prejudicial):
    response = client_for(chair).get(LIST, {"agenda_item": item.pk})
    assert [row["id"] for row in response.json()["results"]] == [prejudicial.pk]
    assert client_for(member).get(detail(prejudicial)).json()["kind"] == "prejudicial"


@pytest.mark.parametrize(
    ("fields", "errors"),
    [
        ({"nature": " "}, {"nature"}),
        ({"kind": "financial"}, {"kind"}),
        ({"category": "friendship"}, {"category"}),
        ({"agenda_item": None}, {"agenda_item"}),
    ],
)
def test_bad_input_is_refused_field_by_field(item, member, fields, errors):
    response = client_for(member).post(LIST, interest(item, member, **fields), format="json")
    assert response.status_code == 400
    assert set(response.json()) == errors
    assert not Declaration.objects.exists()


def test_an_interest_is_declared_once_per_item(item, member, prejudicial):
    response = client_for(member).post(LIST, interest(item, member), format="json")
    assert response.status_code == 400
    assert response.json() == {"member": ["Mo Member has already declared an interest in this item."]}
    assert Declaration.objects.count() == 1


def test_only_a_prejudicial_interest_needs_the_boards_agreement(item, member):
    response = client_for(member).post(
        LIST, interest(item, member, participation_reason="The board agreed."), format="json"
    )
    assert response.status_code == 400
    assert response.json() == {
        "participation_reason": ["Only a prejudicial interest keeps a member out of the decision."]
    }
    assert not Declaration.objects.exists()


def test_a_prejudicial_interest_with_the_boards_agreement_takes_part(item, secretariat, member):
    response = client_for(secretariat).post(
        LIST,
        interest(item, member, kind="prejudicial", participation_reason="The interest is remote."),
        format="json",
    )
    assert response.status_code == 201
    assert (response.json()["participation_agreed"], response.json()["participation_reason"]) == (
        True,
        "The interest is remote.",
    )
    assert not Declaration.objects.get().withdraws


# The board agrees a conflicted member takes part.


@pytest.mark.parametrize("who", ["secretariat", "chair"])
def test_the_boards_agreement_is_recorded_with_its_reason(request, prejudicial, who):
    client = client_for(request.getfixturevalue(who))
    response = client.post(detail(prejudicial, "agree-participation"), {"reason": " Remote. "}, format="json")
    assert response.status_code == 200
    assert (response.json()["participation_agreed"], response.json()["participation_reason"]) == (True, "Remote.")
    assert not Declaration.objects.get().withdraws


def test_member_cannot_record_the_boards_agreement(prejudicial, member):
    response = client_for(member).post(detail(prejudicial, "agree-participation"), {"reason": "Remote"})
    assert response.status_code == 403
    assert response.json() == OTHERS_REFUSED
    assert Declaration.objects.get().withdraws


def test_the_boards_agreement_says_why(prejudicial, secretariat):
    response = client_for(secretariat).post(detail(prejudicial, "agree-participation"), {}, format="json")
    assert response.status_code == 400
    assert list(response.json()) == ["reason"]
    assert Declaration.objects.get().withdraws


def test_a_personal_interest_needs_no_agreement(item, member, secretariat):
    declaration = services.declare_interest(agenda_item=item, member=seat_of(member), kind="personal", nature="Friend")
    response = client_for(secretariat).post(detail(declaration, "agree-participation"), {"reason": "Remote"})
    assert response.status_code == 400
    assert response.json() == {"reason": ["Only a prejudicial interest keeps a member out of the decision."]}


# A declaration made in error.


def test_secretariat_withdraws_a_declaration_made_in_error(prejudicial, secretariat):
    assert client_for(secretariat).delete(detail(prejudicial)).status_code == 204
    assert not Declaration.objects.exists()


def test_member_cannot_withdraw_a_declaration(prejudicial, member):
    response = client_for(member).delete(detail(prejudicial))
    assert response.status_code == 403
    assert response.json() == OTHERS_REFUSED
    assert Declaration.objects.exists()


def test_a_declaration_stays_once_the_member_voted(after_the_meeting, item, secretariat, chair, member):
    board = quorate_board(after_the_meeting, chair, member)
    declaration = services.declare_interest(agenda_item=item, member=board[1], kind="personal", nature="Friend")
    services.record_decision(agenda_item=item, text="Award", method="vote", votes_for=5, votes_against=1, voters=board)
    response = client_for(secretariat).delete(detail(declaration))
    assert response.status_code == 400
    assert response.json() == {"detail": "The member voted on this item; correct the decision first."}
    assert Declaration.objects.exists()


def test_the_record_stays_as_the_chair_approved_it(meeting, item, member, prejudicial):
    Minutes.objects.create(meeting=meeting, status="approved", approved_at=timezone.now())
    response = client_for(member).post(LIST, interest(item, member, agenda_item=AgendaItemFactory(meeting=meeting).pk))
    assert response.status_code == 400
    assert response.json()["detail"].startswith("The chair has approved the minutes")
    assert Declaration.objects.count() == 1


def test_declarations_are_not_changed_in_place(prejudicial, secretariat):
    response = client_for(secretariat).patch(detail(prejudicial), {"kind": "personal"}, format="json")
    assert response.status_code == 405
    assert Declaration.objects.get().kind == "prejudicial"


# Lists.


def test_filters(meeting, item, member, chair, secretariat, prejudicial):
    other_item = AgendaItemFactory(meeting=meeting)
    services.declare_interest(agenda_item=other_item, member=seat_of(chair), kind="personal", nature="Friend")
    client = client_for(secretariat)
    assert client.get(LIST, {"meeting": meeting.pk}).json()["count"] == 2
    assert client.get(LIST, {"agenda_item": other_item.pk}).json()["results"][0]["member"] == seat_of(chair).pk
    assert client.get(LIST, {"member": seat_of(member).pk}).json()["count"] == 1
    assert client.get(LIST, {"kind": "prejudicial"}).json()["results"][0]["id"] == prejudicial.pk
    response = client.get(LIST, {"agenda_item": "first", "kind": "money"})
    assert response.status_code == 400
    assert set(response.json()) == {"agenda_item", "kind"}


def test_list_runs_a_fixed_number_of_queries(meeting, member, django_assert_max_num_queries):
    """17 members, 10 items, 30 declarations."""
    board = seats(meeting.partnership, 17)
    items = AgendaItemFactory.create_batch(10, meeting=meeting)
    for n in range(30):
        services.declare_interest(
            agenda_item=items[n % 10], member=board[n // 10], kind=("personal", "prejudicial")[n % 2], nature="Friend"
        )
    client = client_for(member)
    with django_assert_max_num_queries(6):
        response = client.get(LIST, {"meeting": meeting.pk})
    assert response.json()["count"] == 30
