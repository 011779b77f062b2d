"""nominating-bodies/: what each of the cast gets, and the seat rules through the API."""

from partnership.models import NominatingBody
from tests.factories import MemberFactory, NominatingBodyFactory, SecretariatFactory
from tests.helpers import client_for

LIST = "/api/v1/nominating-bodies/"


def detail(body):
    return f"{LIST}{body.pk}/"


def test_anonymous_visitor_is_asked_to_authenticate(warwickshire, police):
    client = client_for()
    assert client.get(LIST).status_code == 401
    assert client.get(detail(police)).status_code == 401
    response = client.post(LIST, {"partnership": warwickshire.pk, "name": "Fire and Rescue", "seats": 1})
    assert response.status_code == 401
    assert not NominatingBody.objects.filter(name="Fire and Rescue").exists()


def test_member_reads_the_bodies(warwickshire, police, county_council, cdrp_chairs, member):
    response = client_for(member).get(LIST)
    assert response.status_code == 200
    assert [row["name"] for row in response.json()["results"]] == [
        "The Chair of each CDRP strategy group",
        "The Police Service",
        "Warwickshire County Council",
    ]
    assert client_for(member).get(detail(police)).json() == {
        "id": police.pk,
        "partnership": warwickshire.pk,
        "name": "The Police Service",
        "seats": 1,
        "is_responsible_authority": True,
    }


def test_member_cannot_add_or_change_a_body(warwickshire, police, member):
    client = client_for(member)
    response = client.post(LIST, {"partnership": warwickshire.pk, "name": "Fire and Rescue", "seats": 1})
    assert response.status_code == 403
    assert not NominatingBody.objects.filter(name="Fire and Rescue").exists()
    assert client.patch(detail(police), {"seats": 3}, format="json").status_code == 403
    police.refresh_from_db()
    assert police.seats == 1


def test_outsider_neither_sees_nor_finds_the_bodies(warwickshire, police, outsider):
    client = client_for(outsider)
    assert client.get(detail(police)).status_code == 404
    assert client.patch(detail(police), {"seats": 3}, format="json").status_code == 404
    assert [row["name"] for row in client.get(LIST).json()["results"]] == ["Rugby Borough Council"]
    assert client.get(LIST, {"partnership": warwickshire.pk}).json()["count"] == 0


def test_outsider_cannot_add_a_body_to_a_partnership_they_cannot_see(warwickshire, outsider):
    response = client_for(outsider).post(LIST, {"partnership": warwickshire.pk, "name": "Fire and Rescue"})
    assert response.status_code == 400
    assert response.json() == {"partnership": [f'Invalid pk "{warwickshire.pk}" - object does not exist.']}
    assert not NominatingBody.objects.filter(name="Fire and Rescue").exists()


def test_secretariat_cannot_add_a_body_to_another_partnership(secretariat, other_partnership):
    response = client_for(secretariat).post(LIST, {"partnership": other_partnership.pk, "name": "Fire and Rescue"})
    assert response.status_code == 400
    assert "partnership" in response.json()
    assert not NominatingBody.objects.filter(name="Fire and Rescue").exists()


def test_member_elsewhere_cannot_add_a_body_there(warwickshire, secretariat, other_partnership):
    """Sam also sits on Rugby's board, which does not make Sam its secretariat."""
    MemberFactory(nominating_body=NominatingBodyFactory(partnership=other_partnership), person__user=secretariat)
    response = client_for(secretariat).post(LIST, {"partnership": other_partnership.pk, "name": "Fire and Rescue"})
    assert response.status_code == 403
    assert not NominatingBody.objects.filter(name="Fire and Rescue").exists()


def test_secretariat_adds_a_body(warwickshire, secretariat):
    response = client_for(secretariat).post(
        LIST,
        {
            "partnership": warwickshire.pk,
            "name": "Warwickshire Fire and Rescue",
            "seats": 2,
            "is_responsible_authority": True,
        },
        format="json",
    )
    assert response.status_code == 201
    body = NominatingBody.objects.get(name="Warwickshire Fire and Rescue")
    assert (body.partnership, body.seats, body.is_responsible_authority) == (warwickshire, 2, True)
    assert response.json()["id"] == body.pk


def test_a_new_body_has_one_seat_unless_told(warwickshire, secretariat):
    response = client_for(secretariat).post(LIST, {"partnership": warwickshire.pk, "name": "Probation"})
    assert response.status_code == 201
    assert response.json()["seats"] == 1
    assert response.json()["is_responsible_authority"] is False


def test_body_names_are_unique_in_a_partnership(warwickshire, police, secretariat):
    response = client_for(secretariat).post(LIST, {"partnership": warwickshire.pk, "name": "the police service"})
    assert response.status_code == 400
    assert response.json() == {"name": ["This partnership already has a nominating body with that name."]}
    assert NominatingBody.objects.filter(partnership=warwickshire).count() == 1


def test_secretariat_changes_a_body(warwickshire, police, secretariat):
    response = client_for(secretariat).patch(detail(police), {"seats": 2, "name": "Warwickshire Police"}, format="json")
    assert response.status_code == 200
    police.refresh_from_db()
    assert (police.name, police.seats, police.is_responsible_authority) == ("Warwickshire Police", 2, True)


def test_a_body_stays_in_its_partnership(police, secretariat, other_partnership, warwickshire):
    SecretariatFactory(partnership=other_partnership, user=secretariat)
    response = client_for(secretariat).put(
        detail(police), {"partnership": other_partnership.pk, "name": "The Police Service", "seats": 1}, format="json"
    )
    assert response.status_code == 200
    police.refresh_from_db()
    assert police.partnership == warwickshire


def test_seats_cannot_drop_below_active_members(cdrp_chairs, secretariat):
    MemberFactory.create_batch(3, nominating_body=cdrp_chairs)
    MemberFactory(nominating_body=cdrp_chairs, active=False)
    response = client_for(secretariat).patch(detail(cdrp_chairs), {"seats": 2}, format="json")
    assert response.status_code == 400
    assert response.json() == {
        "seats": [
            "The Chair of each CDRP strategy group has 3 active members, so it needs at least 3 seats. "
            "Make a member inactive first."
        ]
    }
    cdrp_chairs.refresh_from_db()
    assert cdrp_chairs.seats == 5
    assert client_for(secretariat).patch(detail(cdrp_chairs), {"seats": 3}, format="json").status_code == 200


def test_bad_input_is_refused_field_by_field_and_nothing_saved(warwickshire, secretariat):
    response = client_for(secretariat).post(
        LIST, {"partnership": "warwickshire", "seats": "lots", "is_responsible_authority": "perhaps"}, format="json"
    )
    assert response.status_code == 400
    errors = response.json()
    assert set(errors) == {"partnership", "name", "seats", "is_responsible_authority"}
    assert errors["name"] == ["This field is required."]
    assert errors["seats"] == ["A valid integer is required."]
    response = client_for(secretariat).post(LIST, {"partnership": warwickshire.pk, "name": "Probation", "seats": 0})
    assert response.status_code == 400
    assert response.json() == {"seats": ["Ensure this value is greater than or equal to 1."]}
    assert not NominatingBody.objects.exists()


def test_bodies_are_not_deleted_through_the_api(police, secretariat):
    assert client_for(secretariat).delete(detail(police)).status_code == 405
    assert NominatingBody.objects.filter(pk=police.pk).exists()


def test_filter_by_partnership(warwickshire, police, staff, outsider):
    client = client_for(staff)
    assert client.get(LIST).json()["count"] == 2
    assert [row["name"] for row in client.get(LIST, {"partnership": warwickshire.pk}).json()["results"]] == [
        "The Police Service"
    ]
    assert client.get(LIST, {"partnership": "x"}).status_code == 400


def test_list_runs_a_fixed_number_of_queries(warwickshire, member, django_assert_max_num_queries):
    for body in NominatingBodyFactory.create_batch(12, partnership=warwickshire, seats=4):
        MemberFactory.create_batch(3, nominating_body=body)
    client = client_for(member)
    with django_assert_max_num_queries(6):
        response = client.get(LIST)
    assert response.json()["count"] == 13
