"""members/: what each of the cast gets, seats never over-filled, one person one record."""

import pytest

from partnership.models import Member, Person
from tests.factories import MemberFactory, NominatingBodyFactory, PersonFactory
from tests.helpers import client_for

LIST = "/api/v1/members/"


def detail(member):
    return f"{LIST}{member.pk}/"


def seat_of(user):
    return Member.objects.get(person__user=user)


def counts():
    return Member.objects.count(), Person.objects.count()


def test_anonymous_visitor_is_asked_to_authenticate(member, cdrp_chairs):
    client = client_for()
    assert client.get(LIST).status_code == 401
    assert client.get(detail(seat_of(member))).status_code == 401
    before = counts()
    response = client.post(LIST, {"nominating_body": cdrp_chairs.pk, "name": "Ann Other", "email": "ann@example.org"})
    assert response.status_code == 401
    assert counts() == before


def test_member_reads_the_seats_with_names_and_emails(warwickshire, police, member):
    seat = seat_of(member)
    response = client_for(member).get(detail(seat))
    assert response.status_code == 200
    assert response.json() == {
        "id": seat.pk,
        "partnership": warwickshire.pk,
        "nominating_body": police.pk,
        "person": seat.person_id,
        "name": "Mo Member",
        "email": "mo.member@police.example.org",
        "role_in_body": "Chief Superintendent",
        "is_senior": True,
        "is_elected_member": False,
        "is_designated_liaison_officer": False,
        "active": True,
    }


def test_member_cannot_seat_or_change_anyone(member, chair, cdrp_chairs):
    client = client_for(member)
    before = counts()
    response = client.post(LIST, {"nominating_body": cdrp_chairs.pk, "name": "Ann Other", "email": "ann@example.org"})
    assert response.status_code == 403
    assert counts() == before
    response = client.patch(detail(seat_of(member)), {"role_in_body": "Chief Constable"}, format="json")
    assert response.status_code == 403
    assert seat_of(member).role_in_body == "Chief Superintendent"


def test_outsider_neither_sees_nor_finds_the_seats(warwickshire, member, outsider):
    client = client_for(outsider)
    assert client.get(detail(seat_of(member))).status_code == 404
    assert client.patch(detail(seat_of(member)), {"active": False}, format="json").status_code == 404
    assert [row["name"] for row in client.get(LIST).json()["results"]] == ["Oscar Outsider"]
    assert client.get(LIST, {"partnership": warwickshire.pk}).json()["count"] == 0
    assert seat_of(member).active


def test_outsider_cannot_seat_anyone_on_a_body_they_cannot_see(cdrp_chairs, outsider):
    before = counts()
    response = client_for(outsider).post(
        LIST, {"nominating_body": cdrp_chairs.pk, "name": "Ann Other", "email": "ann@example.org"}
    )
    assert response.status_code == 400
    assert response.json() == {"nominating_body": [f'Invalid pk "{cdrp_chairs.pk}" - object does not exist.']}
    assert counts() == before


def test_secretariat_cannot_seat_anyone_in_another_partnership(secretariat, other_partnership):
    rugby_body = NominatingBodyFactory(partnership=other_partnership, seats=3)
    before = counts()
    response = client_for(secretariat).post(
        LIST, {"nominating_body": rugby_body.pk, "name": "Ann Other", "email": "ann@example.org"}
    )
    assert response.status_code == 400
    assert "nominating_body" in response.json()
    assert counts() == before


def test_secretariat_cannot_name_a_person_they_cannot_see(secretariat, cdrp_chairs, outsider):
    oscar = Person.objects.get(user=outsider)
    before = counts()
    response = client_for(secretariat).post(LIST, {"nominating_body": cdrp_chairs.pk, "person": oscar.pk})
    assert response.status_code == 400
    assert response.json() == {"person": [f'Invalid pk "{oscar.pk}" - object does not exist.']}
    assert counts() == before


def test_secretariat_seats_a_new_person(warwickshire, cdrp_chairs, secretariat):
    response = client_for(secretariat).post(
        LIST,
        {
            "nominating_body": cdrp_chairs.pk,
            "name": "Ann Other",
            "email": "ann.other@nuneaton.example.org",
            "role_in_body": "Chair, Nuneaton CDRP",
            "is_elected_member": True,
        },
        format="json",
    )
    assert response.status_code == 201
    seat = Member.objects.get(person__email="ann.other@nuneaton.example.org")
    assert (seat.partnership, seat.nominating_body, seat.person.name) == (warwickshire, cdrp_chairs, "Ann Other")
    assert (seat.role_in_body, seat.is_elected_member, seat.is_senior, seat.active) == (
        "Chair, Nuneaton CDRP",
        True,
        True,
        True,
    )
    body = response.json()
    assert (body["id"], body["partnership"], body["person"]) == (seat.pk, warwickshire.pk, seat.person_id)


def test_a_person_already_on_the_register_is_found_by_email(cdrp_chairs, secretariat, other_partnership):
    known = PersonFactory(name="Ann Other", email="ann.other@nuneaton.example.org")
    MemberFactory(nominating_body=NominatingBodyFactory(partnership=other_partnership), person=known)
    response = client_for(secretariat).post(
        LIST, {"nominating_body": cdrp_chairs.pk, "name": "ann  other", "email": "ANN.OTHER@nuneaton.example.org"}
    )
    assert response.status_code == 201
    assert response.json()["person"] == known.pk
    assert Person.objects.filter(email__iexact="ann.other@nuneaton.example.org").count() == 1


def test_secretariat_seats_a_person_by_id(cdrp_chairs, secretariat, member):
    """Mo leaves the police seat and takes a CDRP chair's seat, as the same person."""
    old_seat = seat_of(member)
    client = client_for(secretariat)
    assert client.patch(detail(old_seat), {"active": False}, format="json").status_code == 200
    response = client.post(LIST, {"nominating_body": cdrp_chairs.pk, "person": old_seat.person_id})
    assert response.status_code == 201
    assert response.json()["name"] == "Mo Member"
    assert Member.objects.filter(person=old_seat.person, active=True).get().nominating_body == cdrp_chairs


def test_one_person_holds_one_seat(cdrp_chairs, secretariat, member):
    before = counts()
    response = client_for(secretariat).post(
        LIST, {"nominating_body": cdrp_chairs.pk, "name": "Mo Member", "email": "mo.member@police.example.org"}
    )
    assert response.status_code == 400
    assert response.json() == {
        "email": ["Mo Member already holds a seat on this partnership; one person holds one seat."]
    }
    assert counts() == before


def test_active_members_never_exceed_the_seats(police, secretariat, member):
    before = counts()
    response = client_for(secretariat).post(
        LIST, {"nominating_body": police.pk, "name": "Pat Police", "email": "pat@police.example.org"}
    )
    assert response.status_code == 400
    assert response.json() == {
        "nominating_body": [
            "The Police Service has 1 seat and all are taken. "
            "Make a member inactive or give the body another seat first."
        ]
    }
    assert counts() == before


def test_an_inactive_member_takes_no_seat(police, secretariat, member):
    response = client_for(secretariat).post(
        LIST, {"nominating_body": police.pk, "name": "Pat Police", "email": "pat@police.example.org", "active": False}
    )
    assert response.status_code == 201
    assert response.json()["active"] is False
    seat = Member.objects.get(person__email="pat@police.example.org")
    response = client_for(secretariat).patch(detail(seat), {"active": True}, format="json")
    assert response.status_code == 400
    assert response.json()["nominating_body"][0].startswith("The Police Service has 1 seat and all are taken.")
    seat.refresh_from_db()
    assert not seat.active


def test_moving_to_a_full_body_is_refused(police, county_council, secretariat, member, chair):
    response = client_for(secretariat).patch(
        detail(seat_of(member)), {"nominating_body": county_council.pk}, format="json"
    )
    assert response.status_code == 400
    assert response.json()["nominating_body"][0].startswith("Warwickshire County Council has 1 seat and all are taken.")
    assert seat_of(member).nominating_body == police


def test_secretariat_changes_a_seat_and_the_persons_details(cdrp_chairs, police, secretariat, member):
    response = client_for(secretariat).patch(
        detail(seat_of(member)),
        {"nominating_body": cdrp_chairs.pk, "email": "mo.member@warwickshire.police.example.org", "is_senior": False},
        format="json",
    )
    assert response.status_code == 200
    seat = seat_of(member)
    assert (seat.nominating_body, seat.is_senior, seat.person.email) == (
        cdrp_chairs,
        False,
        "mo.member@warwickshire.police.example.org",
    )
    assert response.json()["email"] == "mo.member@warwickshire.police.example.org"


def test_a_seat_stays_with_its_person(secretariat, member, chair):
    carol = Person.objects.get(user=chair)
    response = client_for(secretariat).patch(detail(seat_of(member)), {"person": carol.pk}, format="json")
    assert response.status_code == 200
    assert seat_of(member).person.name == "Mo Member"


def test_the_chair_cannot_be_made_inactive_during_the_term(secretariat, chair):
    response = client_for(secretariat).patch(detail(seat_of(chair)), {"active": False}, format="json")
    assert response.status_code == 400
    assert list(response.json()) == ["active"]
    assert response.json()["active"][0].startswith("Carol Chair is chair until ")
    assert seat_of(chair).active


def test_name_and_email_are_needed_without_a_person(cdrp_chairs, secretariat):
    before = counts()
    response = client_for(secretariat).post(LIST, {"nominating_body": cdrp_chairs.pk, "name": "Ann Other"})
    assert response.status_code == 400
    assert response.json() == {"email": ["Give the member's name and email address."]}
    assert counts() == before


def test_bad_input_is_refused_field_by_field_and_nothing_saved(cdrp_chairs, secretariat):
    before = counts()
    response = client_for(secretariat).post(
        LIST, {"name": "", "email": "not an address", "is_senior": "perhaps", "person": "Ann"}, format="json"
    )
    assert response.status_code == 400
    errors = response.json()
    assert set(errors) == {"nominating_body", "name", "email", "is_senior", "person"}
    assert errors["nominating_body"] == ["This field is required."]
    assert errors["email"] == ["Enter a valid email address."]
    assert counts() == before


def test_members_are_not_deleted_through_the_api(secretariat, member):
    assert client_for(secretariat).delete(detail(seat_of(member))).status_code == 405
    assert seat_of(member).active


@pytest.mark.parametrize(
    ("params", "names"),
    [
        ({"active": "true"}, ["Carol Chair", "Mo Member"]),
        ({"active": "false"}, ["Former Member"]),
        ("police", ["Former Member", "Mo Member"]),
    ],
)
def test_filters(police, secretariat, member, chair, params, names):
    police.seats = 2
    police.save()
    MemberFactory(nominating_body=police, person__name="Former Member", active=False)
    if params == "police":
        params = {"nominating_body": police.pk}
    response = client_for(secretariat).get(LIST, params)
    assert sorted(row["name"] for row in response.json()["results"]) == names


def test_filter_values_are_checked(secretariat):
    response = client_for(secretariat).get(LIST, {"active": "maybe", "nominating_body": "police"})
    assert response.status_code == 400
    assert response.json() == {
        "nominating_body": ["A valid integer is required."],
        "active": ["Must be a valid boolean."],
    }


def test_list_runs_a_fixed_number_of_queries(warwickshire, member, django_assert_max_num_queries):
    for body in NominatingBodyFactory.create_batch(13, partnership=warwickshire, seats=4):
        MemberFactory.create_batch(3, nominating_body=body)
    client = client_for(member)
    with django_assert_max_num_queries(6):
        response = client.get(LIST, {"partnership": warwickshire.pk})
    assert response.json()["count"] == 40
    assert all(row["email"] for row in response.json()["results"])


def test_flags_left_out_of_a_form_keep_their_defaults(cdrp_chairs, secretariat, member):
    """DRF reads a missing checkbox as false; the register reads it as not given, as in JSON."""
    client = client_for(secretariat)
    response = client.post(LIST, {"nominating_body": cdrp_chairs.pk, "name": "Ann Other", "email": "ann@example.org"})
    assert response.status_code == 201
    assert (response.json()["active"], response.json()["is_senior"]) == (True, True)
    response = client.put(detail(seat_of(member)), {"nominating_body": seat_of(member).nominating_body_id})
    assert response.status_code == 200
    assert (seat_of(member).active, seat_of(member).is_senior) == (True, True)


def test_a_known_email_with_another_name_is_refused_without_saying_whose_it_is(
    cdrp_chairs, secretariat, other_partnership
):
    known = PersonFactory(name="Ann Other", email="ann.other@nuneaton.example.org")
    MemberFactory(nominating_body=NominatingBodyFactory(partnership=other_partnership), person=known)
    before = counts()
    response = client_for(secretariat).post(
        LIST, {"nominating_body": cdrp_chairs.pk, "name": "Someone Else", "email": "ann.other@nuneaton.example.org"}
    )
    assert response.status_code == 400
    assert response.json() == {
        "email": ["That email address is on the register under another name. Check the name and the email address."]
    }
    assert "Ann Other" not in response.content.decode()
    assert counts() == before
