"""offices/: what each of the cast gets, and the terms of office (ToR 5.2, 5.4) through the API."""

import datetime

import pytest

from partnership.models import Member, Office
from tests.factories import MemberFactory, NominatingBodyFactory, OfficeFactory
from tests.helpers import client_for

LIST = "/api/v1/offices/"


def detail(office):
    return f"{LIST}{office.pk}/"


def seat_of(user):
    return Member.objects.get(person__user=user)


def office_of(user):
    return Office.objects.get(member__person__user=user)


def test_anonymous_visitor_is_asked_to_authenticate(warwickshire, chair, member):
    client = client_for()
    assert client.get(LIST).status_code == 401
    assert client.get(detail(office_of(chair))).status_code == 401
    response = client.post(
        LIST,
        {"partnership": warwickshire.pk, "member": seat_of(member).pk, "role": "vice_chair", "starts_on": "2026-05-01"},
    )
    assert response.status_code == 401
    assert Office.objects.count() == 1


def test_member_reads_the_offices(warwickshire, chair, member):
    office = office_of(chair)
    response = client_for(member).get(LIST)
    assert response.status_code == 200
    assert response.json()["results"] == [
        {
            "id": office.pk,
            "partnership": warwickshire.pk,
            "member": seat_of(chair).pk,
            "role": "chair",
            "starts_on": office.starts_on.isoformat(),
            "ends_on": office.ends_on.isoformat(),
        }
    ]
    assert client_for(member).get(detail(office)).status_code == 200


def test_member_cannot_appoint_or_change_a_term(warwickshire, chair, member):
    client = client_for(member)
    response = client.post(
        LIST,
        {"partnership": warwickshire.pk, "member": seat_of(member).pk, "role": "vice_chair", "starts_on": "2026-05-01"},
    )
    assert response.status_code == 403
    assert Office.objects.count() == 1
    office = office_of(chair)
    assert client.patch(detail(office), {"ends_on": "2026-12-31"}, format="json").status_code == 403
    assert office_of(chair).ends_on == office.ends_on


def test_outsider_neither_sees_nor_finds_the_offices(warwickshire, chair, outsider):
    client = client_for(outsider)
    assert client.get(detail(office_of(chair))).status_code == 404
    assert client.patch(detail(office_of(chair)), {"ends_on": "2026-12-31"}, format="json").status_code == 404
    assert client.get(LIST).json()["count"] == 0
    assert client.get(LIST, {"partnership": warwickshire.pk}).json()["count"] == 0


def test_outsider_cannot_appoint_in_a_partnership_they_cannot_see(warwickshire, member, outsider):
    response = client_for(outsider).post(
        LIST,
        {"partnership": warwickshire.pk, "member": seat_of(member).pk, "role": "chair", "starts_on": "2026-05-01"},
    )
    assert response.status_code == 400
    assert set(response.json()) == {"partnership", "member"}
    assert not Office.objects.exists()


def test_secretariat_cannot_appoint_in_another_partnership(secretariat, outsider, other_partnership):
    response = client_for(secretariat).post(
        LIST,
        {
            "partnership": other_partnership.pk,
            "member": seat_of(outsider).pk,
            "role": "chair",
            "starts_on": "2026-05-01",
        },
    )
    assert response.status_code == 400
    assert set(response.json()) == {"partnership", "member"}
    assert not Office.objects.exists()


def test_the_chair_is_one_of_the_partnerships_own_members(warwickshire, staff, outsider):
    response = client_for(staff).post(
        LIST,
        {"partnership": warwickshire.pk, "member": seat_of(outsider).pk, "role": "chair", "starts_on": "2026-05-01"},
    )
    assert response.status_code == 400
    assert response.json() == {"member": ["The chair and vice chair are elected from the partnership's own members."]}
    assert not Office.objects.exists()


def test_a_term_ends_after_the_full_term_unless_told(warwickshire, secretariat, member):
    response = client_for(secretariat).post(
        LIST,
        {"partnership": warwickshire.pk, "member": seat_of(member).pk, "role": "chair", "starts_on": "2026-05-01"},
        format="json",
    )
    assert response.status_code == 201
    assert response.json()["ends_on"] == "2028-04-30"
    office = office_of(member)
    assert (office.role, office.starts_on, office.ends_on) == (
        "chair",
        datetime.date(2026, 5, 1),
        datetime.date(2028, 4, 30),
    )


def test_a_shorter_term_is_kept(warwickshire, secretariat, member):
    response = client_for(secretariat).post(
        LIST,
        {
            "partnership": warwickshire.pk,
            "member": seat_of(member).pk,
            "role": "vice_chair",
            "starts_on": "2026-05-01",
            "ends_on": "2027-03-31",
        },
    )
    assert response.status_code == 201
    assert office_of(member).ends_on == datetime.date(2027, 3, 31)


def test_a_term_cannot_run_past_the_full_term(warwickshire, secretariat, member):
    response = client_for(secretariat).post(
        LIST,
        {
            "partnership": warwickshire.pk,
            "member": seat_of(member).pk,
            "role": "chair",
            "starts_on": "2026-05-01",
            "ends_on": "2028-05-01",
        },
    )
    assert response.status_code == 400
    assert response.json() == {
        "ends_on": [
            "A term lasts at most 2 years (ToR 5.2), so this one ends by 30 April 2028. Re-election starts a new term."
        ]
    }
    assert not Office.objects.exists()


def test_a_term_cannot_end_before_it_starts(warwickshire, secretariat, member):
    response = client_for(secretariat).post(
        LIST,
        {
            "partnership": warwickshire.pk,
            "member": seat_of(member).pk,
            "role": "chair",
            "starts_on": "2026-05-01",
            "ends_on": "2026-04-30",
        },
    )
    assert response.status_code == 400
    assert response.json() == {"ends_on": ["A term cannot end before it starts."]}
    assert not Office.objects.exists()


def test_one_chair_at_a_time(warwickshire, secretariat, chair, member):
    chair_office = office_of(chair)
    starts_on = chair_office.ends_on - datetime.timedelta(days=10)
    response = client_for(secretariat).post(
        LIST,
        {"partnership": warwickshire.pk, "member": seat_of(member).pk, "role": "chair", "starts_on": starts_on},
    )
    assert response.status_code == 400
    assert response.json() == {
        "starts_on": [
            f"Carol Chair is chair from {chair_office.starts_on:%-d %B %Y} to {chair_office.ends_on:%-d %B %Y}; "
            "there is one chair at a time. End that term first."
        ]
    }
    assert Office.objects.count() == 1


def test_a_new_chair_follows_the_last(warwickshire, secretariat, chair, member):
    starts_on = office_of(chair).ends_on + datetime.timedelta(days=1)
    response = client_for(secretariat).post(
        LIST,
        {"partnership": warwickshire.pk, "member": seat_of(member).pk, "role": "chair", "starts_on": starts_on},
    )
    assert response.status_code == 201


def test_chair_and_vice_chair_never_from_the_same_body(warwickshire, county_council, secretariat, chair):
    county_council.seats = 2
    county_council.save()
    colleague = MemberFactory(nominating_body=county_council, person__name="Cal Colleague")
    response = client_for(secretariat).post(
        LIST,
        {"partnership": warwickshire.pk, "member": colleague.pk, "role": "vice_chair", "starts_on": "2027-01-01"},
    )
    assert response.status_code == 400
    assert response.json() == {
        "member": [
            "The chair and vice chair cannot come from the same nominating body (ToR 5.4): "
            "Carol Chair of Warwickshire County Council is chair then."
        ]
    }
    assert Office.objects.count() == 1


def test_chair_and_vice_chair_from_different_bodies(warwickshire, secretariat, chair, member):
    response = client_for(secretariat).post(
        LIST,
        {"partnership": warwickshire.pk, "member": seat_of(member).pk, "role": "vice_chair", "starts_on": "2027-01-01"},
    )
    assert response.status_code == 201
    assert response.json()["ends_on"] == "2028-12-31"


def test_an_inactive_member_is_not_appointed(warwickshire, police, secretariat):
    former = MemberFactory(nominating_body=police, person__name="Fay Former", active=False)
    response = client_for(secretariat).post(
        LIST, {"partnership": warwickshire.pk, "member": former.pk, "role": "chair", "starts_on": "2026-05-01"}
    )
    assert response.status_code == 400
    assert response.json() == {"member": ["Fay Former is not an active member."]}
    assert not Office.objects.exists()


def test_secretariat_ends_a_term_early(secretariat, chair):
    office = office_of(chair)
    response = client_for(secretariat).patch(detail(office), {"ends_on": "2026-12-31"}, format="json")
    assert response.status_code == 200
    assert response.json()["ends_on"] == "2026-12-31"
    assert office_of(chair).ends_on == datetime.date(2026, 12, 31)


def test_a_changed_term_cannot_run_past_the_full_term(secretariat, chair):
    office = office_of(chair)
    late = office.ends_on + datetime.timedelta(days=1)
    response = client_for(secretariat).patch(detail(office), {"ends_on": late.isoformat()}, format="json")
    assert response.status_code == 400
    assert list(response.json()) == ["ends_on"]
    assert office_of(chair).ends_on == office.ends_on


def test_a_term_keeps_its_holder_and_role(secretariat, chair, member):
    office = office_of(chair)
    response = client_for(secretariat).patch(
        detail(office), {"member": seat_of(member).pk, "role": "vice_chair"}, format="json"
    )
    assert response.status_code == 200
    office.refresh_from_db()
    assert (office.member, office.role) == (seat_of(chair), "chair")


def test_bad_input_is_refused_field_by_field_and_nothing_saved(warwickshire, secretariat, member):
    response = client_for(secretariat).post(
        LIST,
        {"partnership": warwickshire.pk, "member": "Mo", "role": "president", "starts_on": "soon"},
        format="json",
    )
    assert response.status_code == 400
    errors = response.json()
    assert set(errors) == {"member", "role", "starts_on"}
    assert errors["role"] == ['"president" is not a valid choice.']
    assert errors["starts_on"][0].startswith("Date has wrong format.")
    response = client_for(secretariat).post(LIST, {}, format="json")
    assert set(response.json()) == {"partnership", "member", "role", "starts_on"}
    assert not Office.objects.exists()


def test_offices_are_not_deleted_through_the_api(secretariat, chair):
    assert client_for(secretariat).delete(detail(office_of(chair))).status_code == 405
    assert Office.objects.count() == 1


@pytest.mark.parametrize(("role", "count"), [("chair", 1), ("vice_chair", 2), ("", 3)])
def test_filter_by_role(warwickshire, police, secretariat, chair, member, role, count):
    past = datetime.date(2020, 1, 1)
    OfficeFactory(member=seat_of(member), role="vice_chair", starts_on=past, ends_on=datetime.date(2020, 12, 31))
    OfficeFactory(member=seat_of(member), role="vice_chair", starts_on=datetime.date(2021, 1, 1))
    response = client_for(secretariat).get(LIST, {"role": role, "partnership": warwickshire.pk})
    assert response.json()["count"] == count


def test_filter_values_are_checked(secretariat):
    response = client_for(secretariat).get(LIST, {"role": "president"})
    assert response.status_code == 400
    assert response.json() == {"role": ['"president" is not a valid choice.']}


def test_list_runs_a_fixed_number_of_queries(warwickshire, member, django_assert_max_num_queries):
    bodies = NominatingBodyFactory.create_batch(2, partnership=warwickshire, seats=10)
    for year in range(2000, 2020, 2):
        for role, body in zip(("chair", "vice_chair"), bodies, strict=True):
            holder = MemberFactory(nominating_body=body)
            OfficeFactory(member=holder, role=role, starts_on=datetime.date(year, 1, 1))
    client = client_for(member)
    with django_assert_max_num_queries(6):
        response = client.get(LIST)
    assert response.json()["count"] == 20


def test_a_date_out_of_reason_is_a_clear_refusal(warwickshire, secretariat, county_council):
    seat = MemberFactory(nominating_body=county_council)
    response = client_for(secretariat).post(
        LIST,
        {"partnership": warwickshire.pk, "member": seat.pk, "role": "chair", "starts_on": "9999-01-01"},
        format="json",
    )
    assert response.status_code == 400
    assert response.json() == {"starts_on": ["Give a date between 1900 and 2100."]}
    assert not Office.objects.exists()
