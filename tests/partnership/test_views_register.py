"""The list of a login's partnerships, and a partnership's register."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from tests.factories import (
    MemberFactory,
    NominatingBodyFactory,
    OfficeFactory,
    PersonFactory,
    SubstituteFactory,
    TermsOfReferenceFactory,
)

MINE = reverse("partnership:mine")


def register_url(partnership):
    return reverse("partnership:register", kwargs={"slug": partnership.slug})


def test_anonymous_visitor_is_sent_to_sign_in_for_my_partnerships(client, db):
    response = client.get(MINE)
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


def test_member_sees_only_their_partnerships(client, member, other_partnership):
    client.force_login(member)
    response = client.get(MINE)
    assert response.status_code == 200
    assert "Warwickshire Safer Communities Partnership" in response.text
    assert other_partnership.name not in response.text
    assert reverse("partnership:register", kwargs={"slug": "warwickshire-scp"}) in response.text
    assert "Add a partnership" not in response.text


def test_outsider_sees_their_own_partnership_not_warwickshire(client, outsider, warwickshire, other_partnership):
    client.force_login(outsider)
    response = client.get(MINE)
    assert other_partnership.name in response.text
    assert warwickshire.name not in response.text


def test_secretariat_sees_their_partnership_and_role(client, secretariat, warwickshire):
    client.force_login(secretariat)
    response = client.get(MINE)
    assert warwickshire.name in response.text
    assert "Secretariat" in response.text


def test_staff_see_every_partnership_and_can_add_one(client, staff, warwickshire, other_partnership):
    client.force_login(staff)
    response = client.get(MINE)
    assert warwickshire.name in response.text
    assert other_partnership.name in response.text
    assert reverse("partnership:partnership-create") in response.text
    assert "Add a partnership" in response.text


def test_anonymous_visitor_is_sent_to_sign_in_for_the_register(client, warwickshire):
    response = client.get(register_url(warwickshire))
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


def test_outsider_does_not_learn_the_register_exists(client, outsider, warwickshire):
    client.force_login(outsider)
    assert client.get(register_url(warwickshire)).status_code == 404


def test_unknown_partnership_is_not_found(client, secretariat):
    client.force_login(secretariat)
    assert client.get("/partnerships/no-such-partnership/").status_code == 404


def test_member_reads_the_register_with_emails_but_no_change_links(client, member, chair, warwickshire):
    client.force_login(member)
    response = client.get(register_url(warwickshire))
    assert response.status_code == 200
    text = response.text
    assert "mo.member@police.example.org" in text
    assert "carol.chair@warwickshire.example.org" in text
    assert "Chief Superintendent" in text
    assert reverse("partnership:member-add", kwargs={"slug": warwickshire.slug}) not in text
    assert reverse("partnership:partnership-edit", kwargs={"slug": warwickshire.slug}) not in text
    assert reverse("partnership:history", kwargs={"slug": warwickshire.slug}) not in text


def test_secretariat_sees_the_register_with_change_links(client, secretariat, member, warwickshire):
    client.force_login(secretariat)
    response = client.get(register_url(warwickshire))
    assert response.status_code == 200
    text = response.text
    assert reverse("partnership:member-add", kwargs={"slug": warwickshire.slug}) in text
    assert reverse("partnership:partnership-edit", kwargs={"slug": warwickshire.slug}) in text
    assert reverse("partnership:history", kwargs={"slug": warwickshire.slug}) in text
    assert response.context["partnership"] == warwickshire


def test_staff_read_and_change_any_register(client, staff, warwickshire):
    client.force_login(staff)
    response = client.get(register_url(warwickshire))
    assert response.status_code == 200
    assert reverse("partnership:body-add", kwargs={"slug": warwickshire.slug}) in response.text


def test_register_shows_the_rules_of_the_terms_of_reference(client, secretariat, warwickshire):
    client.force_login(secretariat)
    text = client.get(register_url(warwickshire)).text
    assert "at least 5 working days before each meeting" in text
    assert "within 10 working days" in text
    assert "Terms of 2 years" in text
    assert "At least 5 a year" in text
    assert "At least 1 a year" in text
    assert "At least 12 months" in text


def test_register_shows_current_chair_and_vice_chair(client, secretariat, chair, police, warwickshire):
    vice = MemberFactory(nominating_body=police, person=PersonFactory(name="Val Vice"))
    OfficeFactory(member=vice, role="vice_chair", starts_on=timezone.localdate() - datetime.timedelta(days=10))
    client.force_login(secretariat)
    response = client.get(register_url(warwickshire))
    holders = dict(response.context["office_holders"])
    assert holders["Chair"].member.person.name == "Carol Chair"
    assert holders["Vice chair"].member.person.name == "Val Vice"
    assert "Val Vice, The Police Service" in response.text


def test_register_shows_seats_used_flags_substitutes_and_withdrawal(client, secretariat, cdrp_chairs, warwickshire):
    seat = MemberFactory(
        nominating_body=cdrp_chairs,
        person=PersonFactory(name="Rita Rugby"),
        is_elected_member=True,
        is_designated_liaison_officer=True,
    )
    SubstituteFactory(member=seat, name="Sid Substitute")
    cdrp_chairs.withdrawal_notices.create(given_on=datetime.date(2026, 1, 5), effective_on=datetime.date(2027, 1, 5))
    TermsOfReferenceFactory(partnership=warwickshire, version="2026", next_review_on=datetime.date(2027, 4, 1))
    client.force_login(secretariat)
    text = client.get(register_url(warwickshire)).text
    assert "1 of 5" in text
    assert "Elected member" in text
    assert "Designated liaison officer" in text
    assert "Sid Substitute" in text
    assert "takes effect 5 January 2027" in text
    assert "1 April 2027" in text


def test_register_lists_former_members(client, secretariat, police, warwickshire):
    MemberFactory(nominating_body=police, person=PersonFactory(name="Fred Former"), active=False)
    client.force_login(secretariat)
    response = client.get(register_url(warwickshire))
    assert [m.person.name for m in response.context["inactive_members"]] == ["Fred Former"]
    assert "Fred Former" in response.text


def _populate(partnership, bodies, members_per_body):
    for b in range(bodies):
        body = NominatingBodyFactory(partnership=partnership, seats=members_per_body + 1)
        for _ in range(members_per_body):
            seat = MemberFactory(nominating_body=body)
            SubstituteFactory(member=seat)
            SubstituteFactory(member=seat, active=False)
        body.withdrawal_notices.create(given_on=datetime.date(2026, 1, b + 1), effective_on=datetime.date(2027, 2, 1))
        MemberFactory(nominating_body=body, active=False)
    TermsOfReferenceFactory(partnership=partnership)


@pytest.mark.parametrize("user_fixture", ["secretariat", "member"])
def test_register_costs_a_fixed_number_of_queries(
    client, request, warwickshire, chair, member, user_fixture, django_assert_max_num_queries
):
    client.force_login(request.getfixturevalue(user_fixture))
    client.get(register_url(warwickshire))  # the first page of a session also checks conduct documents
    with CaptureQueriesContext(connection) as small:
        client.get(register_url(warwickshire))
    _populate(warwickshire, bodies=11, members_per_body=4)  # 13 bodies, 46 members with the chair and the member
    with django_assert_max_num_queries(len(small)):
        response = client.get(register_url(warwickshire))
    assert response.status_code == 200
    assert len(response.context["bodies"]) == 13
    assert response.text.count("Substitute ") >= 44
    assert len(small) <= 15


def test_secretariat_finds_who_has_acknowledged_the_codes(client, secretariat, warwickshire):
    client.force_login(secretariat)
    html = client.get(reverse("partnership:register", kwargs={"slug": warwickshire.slug})).text
    assert reverse("governance:acknowledgements", kwargs={"slug": warwickshire.slug}) in html


def test_numbers_are_typed_in_gov_uk_text_boxes_and_the_summary_explains_errors(client, secretariat, warwickshire):
    client.force_login(secretariat)
    html = client.get(reverse("partnership:partnership-edit", kwargs={"slug": warwickshire.slug})).text
    assert 'type="number"' not in html
    assert 'inputmode="numeric"' in html
    assert "novalidate" in html
