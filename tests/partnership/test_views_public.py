"""The public pages: what the anonymous visitor gets, and what they never get (emails,
members who have left, substitutes' contacts)."""

import datetime
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from partnership.models import OfficeRole
from tests.factories import (
    MemberFactory,
    NominatingBodyFactory,
    OfficeFactory,
    PartnershipFactory,
    PersonFactory,
    SubstituteFactory,
)
from tests.helpers import signed_in

EMAIL = re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+")


def page_url(partnership):
    return reverse("public:partnership", kwargs={"slug": partnership.slug})


def members_url(partnership):
    return reverse("public:members", kwargs={"slug": partnership.slug})


@pytest.fixture
def vice_chair(warwickshire, cdrp_chairs):
    person = PersonFactory(name="Vic Vice", email="vic.vice@rugby.example.org")
    member = MemberFactory(nominating_body=cdrp_chairs, person=person, role_in_body="Chair of Rugby CDRP")
    OfficeFactory(member=member, role=OfficeRole.VICE_CHAIR)
    return person


@pytest.fixture
def former_member(warwickshire, police):
    person = PersonFactory(name="Fred Former", email="fred.former@police.example.org")
    MemberFactory(nominating_body=police, person=person, active=False)
    return person


@pytest.fixture
def substitute(chair):
    return SubstituteFactory(
        member=chair.person.seats.get(), name="Sue Substitute", email="sue.substitute@warwickshire.example.org"
    )


def test_home_lists_partnerships_with_links(client, warwickshire, other_partnership):
    response = client.get(reverse("public:home"))

    assert response.status_code == 200
    html = response.content.decode()
    assert "Warwickshire Safer Communities Partnership" in html
    assert "Rugby Community Safety Partnership" in html
    assert f'href="{page_url(warwickshire)}"' in html
    assert f'href="{page_url(other_partnership)}"' in html


def test_anonymous_visitor_sees_aim_objectives_and_officers(client, warwickshire, chair, vice_chair, member):
    response = client.get(page_url(warwickshire))

    assert response.status_code == 200
    html = response.content.decode()
    assert "To create safer communities through the reduction of crime" in html
    assert "To agree county-wide strategy and targets" in html
    assert "To manage performance" in html
    assert "Carol Chair, Warwickshire County Council" in html
    assert "Vic Vice, The Chair of each CDRP strategy group" in html


def test_representatives_shown_with_role_and_body(client, warwickshire, chair, member, cdrp_chairs):
    html = client.get(members_url(warwickshire)).content.decode()

    assert "Mo Member" in html
    assert "Chief Superintendent" in html
    assert "The Police Service" in html
    assert "Portfolio holder" in html
    assert "No representative at present" in html  # the CDRP chairs have no one yet


@pytest.mark.parametrize("url", [page_url, members_url])
def test_no_email_address_appears(client, warwickshire, chair, vice_chair, member, former_member, substitute, url):
    html = client.get(url(warwickshire)).content.decode()

    for email in [
        "carol.chair@warwickshire.example.org",
        "mo.member@police.example.org",
        "vic.vice@rugby.example.org",
        "fred.former@police.example.org",
        "sue.substitute@warwickshire.example.org",
        warwickshire.secretariat_email,
    ]:
        assert email not in html
    assert not EMAIL.search(html)


def test_inactive_members_absent(client, warwickshire, member, former_member):
    html = client.get(members_url(warwickshire)).content.decode()

    assert "Mo Member" in html
    assert "Fred Former" not in html


def test_officer_whose_term_ended_is_not_shown(client, warwickshire, police):
    today = timezone.localdate()
    past = MemberFactory(nominating_body=police, person=PersonFactory(name="Pat Past"))
    OfficeFactory(
        member=past, starts_on=today - datetime.timedelta(days=800), ends_on=today - datetime.timedelta(days=1)
    )

    html = client.get(page_url(warwickshire)).content.decode()

    assert "No chair in office" in html
    assert "Pat Past," not in html


def test_other_partnerships_members_not_shown(client, warwickshire, member, outsider):
    html = client.get(members_url(warwickshire)).content.decode()

    assert "Oscar Outsider" not in html


def test_unknown_slug_is_404(client, warwickshire):
    response = client.get(reverse("public:partnership", kwargs={"slug": "no-such-partnership"}))

    assert response.status_code == 404


def test_logged_in_member_sees_the_same_page(client, warwickshire, member):
    signed_in(client, member)

    response = client.get(page_url(warwickshire))

    assert response.status_code == 200
    assert "mo.member@police.example.org" not in response.content.decode()


def test_query_count_fixed_whatever_the_size(db, client, django_assert_max_num_queries):
    partnership = PartnershipFactory()
    bodies = NominatingBodyFactory.create_batch(13, partnership=partnership, seats=5)
    members = [MemberFactory(nominating_body=bodies[i % 13]) for i in range(40)]
    for member in members[:10]:
        SubstituteFactory(member=member)
    for member in members[-3:]:
        member.active = False
        member.save()
    OfficeFactory(member=members[0])
    OfficeFactory(member=members[1], role=OfficeRole.VICE_CHAIR)

    with django_assert_max_num_queries(6):
        response = client.get(members_url(partnership))

    assert response.status_code == 200
    html = response.content.decode()
    assert members[5].person.name in html
    assert members[-1].person.name not in html
