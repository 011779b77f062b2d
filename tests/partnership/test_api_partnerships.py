"""partnerships/: what each of the cast gets, staff-only creation, token authentication."""

import pytest
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from partnership.models import Partnership
from tests.factories import PartnershipFactory
from tests.helpers import client_for

LIST = "/api/v1/partnerships/"


def detail(partnership):
    return f"{LIST}{partnership.pk}/"


NEW_PARTNERSHIP = {
    "slug": "north-warwickshire-csp",
    "name": "North Warwickshire Community Safety Partnership",
    "secretariat_email": "csp@northwarks.example.org",
}


def test_anonymous_visitor_is_asked_to_authenticate(warwickshire):
    client = client_for()
    for response in (client.get(LIST), client.get(detail(warwickshire)), client.post(LIST, NEW_PARTNERSHIP)):
        assert response.status_code == 401
        assert response["WWW-Authenticate"] == "Token"
    assert not Partnership.objects.filter(slug="north-warwickshire-csp").exists()


def test_member_reads_their_partnership_with_its_rule_numbers(warwickshire, member, other_partnership):
    response = client_for(member).get(LIST)
    assert response.status_code == 200
    assert response.json()["count"] == 1
    (row,) = response.json()["results"]
    assert row == {
        "id": warwickshire.pk,
        "slug": "warwickshire-scp",
        "name": "Warwickshire Safer Communities Partnership",
        "nation": "england-and-wales",
        "secretariat_email": "secretariat@warwickshire-scp.example.org",
        "aim": warwickshire.aim,
        "objectives": warwickshire.objectives,
        "agenda_notice_working_days": 5,
        "minutes_working_days": 10,
        "chair_term_years": 2,
        "min_meetings_per_year": 5,
        "min_public_meetings_per_year": 1,
        "withdrawal_notice_months": 12,
        "count_clear_days": False,
        "quorum": 5,
        "absence_threshold": 3,
    }
    assert client_for(member).get(detail(warwickshire)).json()["slug"] == "warwickshire-scp"


def test_outsider_neither_sees_nor_finds_the_partnership(warwickshire, outsider, other_partnership):
    client = client_for(outsider)
    assert client.get(detail(warwickshire)).status_code == 404
    assert client.patch(detail(warwickshire), {"name": "Taken over"}, format="json").status_code == 404
    listed = client.get(LIST).json()
    assert [row["slug"] for row in listed["results"]] == ["rugby-csp"]
    assert client.get(LIST, {"partnership": warwickshire.pk}).json()["count"] == 0
    warwickshire.refresh_from_db()
    assert warwickshire.name == "Warwickshire Safer Communities Partnership"


def test_member_cannot_change_the_partnership(warwickshire, member):
    response = client_for(member).patch(detail(warwickshire), {"minutes_working_days": 20}, format="json")
    assert response.status_code == 403
    assert response.json() == {"detail": "Only the partnership's secretariat can change its register."}
    warwickshire.refresh_from_db()
    assert warwickshire.minutes_working_days == 10


def test_secretariat_keeps_the_partnership_details(warwickshire, secretariat):
    response = client_for(secretariat).patch(
        detail(warwickshire),
        {"secretariat_email": "scp@warwickshire.example.org", "agenda_notice_working_days": 7, "slug": "moved"},
        format="json",
    )
    assert response.status_code == 200
    assert response.json()["secretariat_email"] == "scp@warwickshire.example.org"
    warwickshire.refresh_from_db()
    assert warwickshire.secretariat_email == "scp@warwickshire.example.org"
    assert warwickshire.agenda_notice_working_days == 7
    assert warwickshire.slug == "warwickshire-scp", "the slug is part of the partnership's web addresses"


def test_secretariat_cannot_add_a_partnership(secretariat):
    response = client_for(secretariat).post(LIST, NEW_PARTNERSHIP, format="json")
    assert response.status_code == 403
    assert response.json() == {"detail": "Only staff can add a partnership."}
    assert not Partnership.objects.filter(slug="north-warwickshire-csp").exists()


def test_staff_add_a_partnership_with_the_default_rules(staff):
    response = client_for(staff).post(LIST, {**NEW_PARTNERSHIP, "nation": "scotland"}, format="json")
    assert response.status_code == 201
    created = Partnership.objects.get(slug="north-warwickshire-csp")
    assert response.json()["id"] == created.pk
    assert created.nation == "scotland"
    assert (created.agenda_notice_working_days, created.minutes_working_days) == (5, 10)
    assert (created.chair_term_years, created.min_meetings_per_year) == (2, 5)


def test_bad_input_is_refused_field_by_field_and_nothing_saved(staff, warwickshire):
    before = Partnership.objects.count()
    response = client_for(staff).post(
        LIST,
        {"slug": "warwickshire-scp", "nation": "wales", "agenda_notice_working_days": "five", "chair_term_years": 9},
        format="json",
    )
    assert response.status_code == 400
    errors = response.json()
    assert set(errors) == {
        "slug",
        "name",
        "nation",
        "secretariat_email",
        "agenda_notice_working_days",
        "chair_term_years",
    }
    assert errors["name"] == ["This field is required."]
    assert errors["agenda_notice_working_days"] == ["A valid integer is required."]
    assert errors["nation"] == ['"wales" is not a valid choice.']
    assert Partnership.objects.count() == before


def test_partnerships_are_not_deleted_through_the_api(staff, warwickshire):
    response = client_for(staff).delete(detail(warwickshire))
    assert response.status_code == 405
    assert Partnership.objects.filter(pk=warwickshire.pk).exists()


def test_filter_value_must_be_a_number(member):
    response = client_for(member).get(LIST, {"partnership": "warwickshire"})
    assert response.status_code == 400
    assert response.json() == {"partnership": ["A valid integer is required."]}


def test_token_authentication(warwickshire, member):
    token = Token.objects.create(user=member)
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
    response = client.get(detail(warwickshire))
    assert response.status_code == 200
    assert response.json()["slug"] == "warwickshire-scp"

    client.credentials(HTTP_AUTHORIZATION="Token not-a-real-key")
    assert client.get(detail(warwickshire)).status_code == 401


@pytest.mark.parametrize("count", [3, 30])
def test_list_runs_a_fixed_number_of_queries(staff, django_assert_max_num_queries, count):
    PartnershipFactory.create_batch(count)
    client = client_for(staff)
    with django_assert_max_num_queries(4):
        response = client.get(LIST)
    assert response.json()["count"] == count


def test_the_web_address_of_the_add_page_is_not_a_slug(staff):
    response = client_for(staff).post(LIST, {**NEW_PARTNERSHIP, "slug": "new"}, format="json")
    assert response.status_code == 400
    assert response.json() == {"slug": ["This web address is taken by the site. Choose another."]}
    assert not Partnership.objects.filter(slug="new").exists()


def test_the_secretariat_chooses_to_count_clear_days(warwickshire, secretariat):
    response = client_for(secretariat).patch(detail(warwickshire), {"count_clear_days": True}, format="json")
    assert response.status_code == 200
    warwickshire.refresh_from_db()
    assert warwickshire.count_clear_days
