"""Declarations of interest at a meeting (ToR 7; the Code of Conduct, seed 001): the page by
item with each item's quorum once members with a prejudicial interest withdrew; the
secretariat or the chair records any member's interest, a member declares their own."""

import pytest
from django.urls import reverse

from meetings import services
from meetings.models import Declaration
from partnership.models import Member, OfficeRole
from tests.factories import OfficeFactory, UserFactory
from tests.helpers import signed_in
from tests.meetings.test_views_record_support import all_present, approve_minutes, record_url, seat_board

PREJUDICIAL = "prejudicial"
NATURE = "My partner manages the charity bidding for the contract."


@pytest.fixture
def board(warwickshire):
    return seat_board(warwickshire)


@pytest.fixture
def item(meeting):
    return services.add_agenda_item(meeting=meeting, title="Commissioning of treatment services", purpose="decision")


def declare(item, member, kind=PREJUDICIAL, **more):
    return services.declare_interest(agenda_item=item, member=member, kind=kind, nature=NATURE, **more)


def declaration_form(item, member=None, **more) -> dict:
    data = {"agenda_item": item.pk, "kind": PREJUDICIAL, "nature": NATURE, "category": "control", **more}
    if member is not None:
        data["member"] = member.pk
    return data


def seat_of(user) -> Member:
    return Member.objects.get(person__user=user)


# The page.


def test_anonymous_visitor_is_sent_to_sign_in(client, meeting):
    response = client.get(record_url(meeting, "declarations"))
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


@pytest.mark.parametrize(("who", "status"), [("outsider", 404), ("member", 200), ("chair", 200), ("secretariat", 200)])
def test_who_reads_the_declarations(client, request, meeting, who, status):
    signed_in(client, request.getfixturevalue(who))
    assert client.get(record_url(meeting, "declarations")).status_code == status


def test_the_page_lists_declarations_by_item(client, member, meeting, item, board):
    declare(item, board[0], category="control")
    declare(item, board[1], kind="personal")
    signed_in(client, member)
    page = client.get(record_url(meeting, "declarations")).text
    assert "Commissioning of treatment services" in page
    assert "Fay Fireman" in page
    assert "Withdrew, taking no part in the decision" in page
    assert "An organisation they control or manage" in page
    assert "Takes part" in page
    assert NATURE in page
    assert "No interests declared." in page  # the standing items
    assert "Record a declaration" not in page
    assert "Declare your own interest" in page
    assert f"{record_url(meeting, 'declare-own')}?item={item.pk}" in page


def test_each_item_says_whether_it_stayed_quorate(client, secretariat, after_the_meeting, item, board):
    all_present(after_the_meeting, board)  # six present, quorum five
    declare(item, board[0])
    signed_in(client, secretariat)
    page = client.get(record_url(after_the_meeting, "declarations")).text
    assert "Stayed quorate" in page
    assert "5 members remained once 1 with a prejudicial interest withdrew; the quorum is 5." in page
    declare(item, board[1])
    page = client.get(record_url(after_the_meeting, "declarations")).text
    assert "Not quorate" in page
    assert "4 members remained once 2 with a prejudicial interest withdrew; the quorum is 5." in page


# The secretariat and the chair record a member's interest.


@pytest.mark.parametrize("who", ["secretariat", "chair"])
def test_the_secretariat_or_the_chair_records_a_members_interest(client, request, meeting, item, board, who):
    user = request.getfixturevalue(who)
    signed_in(client, user)
    assert "Record a declaration" in client.get(record_url(meeting, "declarations")).text
    response = client.post(record_url(meeting, "declaration-add"), declaration_form(item, board[0]), follow=True)
    assert "Declaration recorded." in response.text
    declaration = Declaration.objects.get()
    assert (declaration.member, declaration.kind, declaration.category) == (board[0], PREJUDICIAL, "control")
    assert declaration.declared_by == user
    assert not declaration.participation_agreed


def test_the_board_agreed_participation_when_recorded(client, secretariat, meeting, item, board):
    signed_in(client, secretariat)
    data = declaration_form(item, board[0], participation_reason="Their expertise was needed.")
    client.post(record_url(meeting, "declaration-add"), data)
    declaration = Declaration.objects.get()
    assert declaration.participation_agreed
    assert declaration.participation_reason == "Their expertise was needed."


def test_the_boards_agreement_is_refused_for_a_personal_interest(client, secretariat, meeting, item, board):
    signed_in(client, secretariat)
    data = declaration_form(item, board[0], kind="personal", participation_reason="They may take part")
    response = client.post(record_url(meeting, "declaration-add"), data)
    assert response.status_code == 400
    assert "Only a prejudicial interest keeps a member out of the decision." in response.text
    assert not Declaration.objects.exists()


def test_the_item_can_be_chosen_from_a_link(client, secretariat, meeting, item):
    signed_in(client, secretariat)
    page = client.get(record_url(meeting, "declaration-add") + f"?item={item.pk}").text
    assert f'<option value="{item.pk}" selected>' in page


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"nature": "  "}, "Say what the interest is"),
        ({"nature": ""}, "Say what the interest is"),
        ({"kind": ""}, "Say whether the interest is personal or prejudicial"),
        ({"member": ""}, "Choose the member"),
        ({"agenda_item": ""}, "Choose the agenda item"),
    ],
)
def test_bad_input_saves_nothing(client, secretariat, meeting, item, board, change, message):
    signed_in(client, secretariat)
    response = client.post(record_url(meeting, "declaration-add"), {**declaration_form(item, board[0]), **change})
    assert response.status_code == 400
    assert "<title>Error: Record a declaration of interest" in response.text
    assert message in response.text
    assert not Declaration.objects.exists()


def test_a_member_or_item_from_elsewhere_is_refused(client, secretariat, meeting, item, board, outsider, warwickshire):
    signed_in(client, secretariat)
    stranger = Member.objects.get(person__user=outsider)
    response = client.post(record_url(meeting, "declaration-add"), declaration_form(item, stranger))
    assert response.status_code == 400
    assert "Choose one of the partnership&#x27;s members" in response.text
    other = services.schedule_meeting(
        partnership=warwickshire,
        title="Board meeting",
        date=meeting.date.replace(month=9),
        start_time=meeting.start_time,
    )
    elsewhere = services.add_agenda_item(meeting=other, title="Budget")
    response = client.post(record_url(meeting, "declaration-add"), declaration_form(elsewhere, board[0]))
    assert response.status_code == 400
    assert "Choose an item on this meeting&#x27;s agenda" in response.text
    assert not Declaration.objects.exists()


def test_a_second_declaration_on_the_item_is_refused_against_the_member(client, secretariat, meeting, item, board):
    declare(item, board[0])
    signed_in(client, secretariat)
    response = client.post(record_url(meeting, "declaration-add"), declaration_form(item, board[0], kind="personal"))
    assert response.status_code == 400
    assert "Fay Fireman has already declared an interest in this item." in response.text
    assert Declaration.objects.get().kind == PREJUDICIAL


@pytest.mark.parametrize(("who", "status"), [("outsider", 404), ("member", 403)])
def test_only_the_secretariat_or_the_chair_records_others_interests(client, request, meeting, item, board, who, status):
    signed_in(client, request.getfixturevalue(who))
    response = client.post(record_url(meeting, "declaration-add"), declaration_form(item, board[0]))
    assert response.status_code == status
    if status == 403:
        assert "Only the secretariat or the chair records interests other members declare." in response.text
    assert not Declaration.objects.exists()


def test_a_vice_chair_is_not_the_chair(client, meeting, item, board, chair):
    """The vice chair records no one else's interest: only the chair, or whoever presides."""
    vice = UserFactory(username="vera.vice")
    board[0].person.user = vice
    board[0].person.save()
    OfficeFactory(member=board[0], role=OfficeRole.VICE_CHAIR)
    signed_in(client, vice)
    assert client.get(record_url(meeting, "declaration-add")).status_code == 403


def test_a_declaration_after_approval_is_refused(client, secretariat, chair, after_the_meeting, item, board):
    approve_minutes(after_the_meeting, chair)
    signed_in(client, secretariat)
    response = client.post(record_url(after_the_meeting, "declaration-add"), declaration_form(item, board[0]))
    assert response.status_code == 400
    assert "The chair has approved the minutes" in response.text
    assert not Declaration.objects.exists()


# A member declares their own interest.


def test_a_member_declares_their_own_interest_from_the_meeting_page(client, member, meeting, item):
    signed_in(client, member)
    page = client.get(record_url(meeting, "declare-own")).text
    assert 'name="member"' not in page
    response = client.post(record_url(meeting, "declare-own"), declaration_form(item), follow=True)
    assert response.redirect_chain[-1][0] == meeting.get_absolute_url()
    assert "Your declaration of interest is recorded." in response.text
    declaration = Declaration.objects.get()
    assert (declaration.member, declaration.declared_by) == (seat_of(member), member)


def test_a_member_cannot_declare_for_someone_else(client, member, meeting, item, board):
    signed_in(client, member)
    client.post(record_url(meeting, "declare-own"), declaration_form(item, board[0]))
    assert Declaration.objects.get().member == seat_of(member)


def test_a_member_declaring_twice_is_told_so(client, member, meeting, item):
    declare(item, seat_of(member))
    signed_in(client, member)
    response = client.post(record_url(meeting, "declare-own"), declaration_form(item, kind="personal"))
    assert response.status_code == 400
    assert "Mo Member has already declared an interest in this item." in response.text
    assert Declaration.objects.get().kind == PREJUDICIAL


@pytest.mark.parametrize(("who", "status"), [("outsider", 404), ("secretariat", 403), ("staff", 403)])
def test_only_members_declare_their_own_interest(client, request, meeting, item, who, status):
    signed_in(client, request.getfixturevalue(who))
    response = client.post(record_url(meeting, "declare-own"), declaration_form(item))
    assert response.status_code == status
    if status == 403:
        assert "Only the partnership&#x27;s members declare interests." in response.text
    assert not Declaration.objects.exists()


# Agreeing participation, and withdrawing a declaration made in error.


def test_the_board_agrees_a_member_may_take_part(client, chair, meeting, item, board):
    declaration = declare(item, board[0])
    signed_in(client, chair)
    url = record_url(meeting, "declaration-agree", declaration_pk=declaration.pk)
    response = client.post(url, {"reason": ""})
    assert response.status_code == 400
    assert "Record why the board agreed the member may take part" in response.text
    response = client.post(url, {"reason": "Their expertise was needed."}, follow=True)
    assert "Fay Fireman may take part in item" in response.text
    assert "The board agreed they may take part: Their expertise was needed." in response.text
    declaration.refresh_from_db()
    assert declaration.participation_agreed


def test_agreeing_participation_on_a_personal_interest_is_refused(client, secretariat, meeting, item, board):
    declaration = declare(item, board[0], kind="personal")
    signed_in(client, secretariat)
    url = record_url(meeting, "declaration-agree", declaration_pk=declaration.pk)
    response = client.post(url, {"reason": "No need"})
    assert response.status_code == 400
    assert "Only a prejudicial interest keeps a member out of the decision." in response.text
    declaration.refresh_from_db()
    assert not declaration.participation_agreed


def test_a_declaration_recorded_in_error_is_withdrawn(client, secretariat, meeting, item, board):
    declaration = declare(item, board[0])
    signed_in(client, secretariat)
    url = record_url(meeting, "declaration-withdraw", declaration_pk=declaration.pk)
    response = client.post(url, follow=True)
    assert "The declaration by Fay Fireman on item" in response.text
    assert not Declaration.objects.exists()


def test_withdrawing_is_refused_once_the_member_voted(client, secretariat, after_the_meeting, item, board):
    all_present(after_the_meeting, board)
    declaration = declare(item, board[0], participation_reason="Their expertise was needed.")
    services.record_decision(agenda_item=item, text="Award the contract", method="vote", votes_for=6, voters=board)
    signed_in(client, secretariat)
    response = client.post(record_url(after_the_meeting, "declaration-withdraw", declaration_pk=declaration.pk))
    assert response.status_code == 400
    assert "<title>Error: Declarations of interest" in response.text
    assert "The member voted on this item; correct the decision first." in response.text
    assert Declaration.objects.filter(pk=declaration.pk).exists()


@pytest.mark.parametrize(("who", "status"), [("outsider", 404), ("member", 403)])
def test_only_those_who_record_agree_or_withdraw(client, request, meeting, item, board, who, status):
    declaration = declare(item, board[0])
    signed_in(client, request.getfixturevalue(who))
    assert client.post(record_url(meeting, "declaration-withdraw", declaration_pk=declaration.pk)).status_code == status
    url = record_url(meeting, "declaration-agree", declaration_pk=declaration.pk)
    assert client.post(url, {"reason": "Because"}).status_code == status
    declaration.refresh_from_db()
    assert not declaration.participation_agreed


def test_another_meetings_declaration_is_not_found(client, secretariat, meeting, warwickshire, board):
    other = services.schedule_meeting(
        partnership=warwickshire,
        title="Board meeting",
        date=meeting.date.replace(month=9),
        start_time=meeting.start_time,
    )
    declaration = declare(services.add_agenda_item(meeting=other, title="Budget"), board[0])
    signed_in(client, secretariat)
    assert client.post(record_url(meeting, "declaration-withdraw", declaration_pk=declaration.pk)).status_code == 404
    assert Declaration.objects.exists()


# Queries.


def test_the_page_runs_a_fixed_number_of_queries(
    client, secretariat, after_the_meeting, warwickshire, django_assert_max_num_queries
):
    items = [services.add_agenda_item(meeting=after_the_meeting, title=f"Item {n}") for n in range(6)]
    board = seat_board(warwickshire, 17)
    all_present(after_the_meeting, board)
    for n, item in enumerate(items):
        for member in board[n : n + 3]:
            declare(item, member, kind=PREJUDICIAL if n % 2 else "personal")
    signed_in(client, secretariat)
    # Session, user, meeting, the two roles the rules read (secretariat, member), attendance,
    # the items, their declarations, their decisions.
    with django_assert_max_num_queries(9):
        response = client.get(record_url(after_the_meeting, "declarations"))
    assert response.status_code == 200
    assert response.text.count("Withdraw, recorded in error") == 18


def test_the_form_runs_a_fixed_number_of_queries(
    client, secretariat, meeting, warwickshire, django_assert_max_num_queries
):
    seat_board(warwickshire, 17)
    for n in range(6):
        services.add_agenda_item(meeting=meeting, title=f"Item {n}")
    signed_in(client, secretariat)
    # Session, user, meeting, the roles the rules read, the items, the members.
    with django_assert_max_num_queries(6):
        response = client.get(record_url(meeting, "declaration-add"))
    assert response.status_code == 200
