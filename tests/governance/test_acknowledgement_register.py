"""The secretariat's register of who has acknowledged the codes in force."""

import datetime

import pytest
from django.urls import reverse

from governance.models import Acknowledgement, ConductDocumentKind
from tests.factories import ConductDocumentFactory, MemberFactory, NominatingBodyFactory, PersonFactory
from tests.helpers import signed_in

AT = datetime.datetime(2026, 3, 2, 10, 0, tzinfo=datetime.UTC)


def register_url(partnership):
    return reverse("governance:acknowledgements", kwargs={"slug": partnership.slug})


@pytest.fixture
def code_of_conduct(warwickshire):
    return ConductDocumentFactory(partnership=warwickshire, version="2")


@pytest.fixture
def behaviour_protocol(warwickshire):
    return ConductDocumentFactory(
        partnership=warwickshire, kind=ConductDocumentKind.BEHAVIOUR_PROTOCOL, title="Partnership Behaviour Protocol"
    )


@pytest.fixture
def register(warwickshire, chair, member, code_of_conduct, behaviour_protocol):
    """The chair has acknowledged the code of conduct; the member nothing yet."""
    Acknowledgement.objects.create(document=code_of_conduct, person=chair.person, acknowledged_at=AT)
    return warwickshire


@pytest.mark.parametrize("who", ["secretariat", "staff"])
def test_secretariat_and_staff_see_who_has_acknowledged(request, client, register, who):
    signed_in(client, request.getfixturevalue(who))

    response = client.get(register_url(register))

    assert response.status_code == 200
    html = response.content.decode()
    assert "Code of Conduct for Partnership Working" in html
    assert "(version 2)" in html
    assert "Partnership Behaviour Protocol" in html
    assert "Carol Chair" in html
    assert "Mo Member" in html
    assert "2 March 2026" in html
    assert html.count("Not yet") == 3  # the chair's protocol, the member's two


def test_only_current_versions_and_active_members_are_listed(client, secretariat, register, police, code_of_conduct):
    old = ConductDocumentFactory(partnership=register, version="0.9", in_force_from=datetime.date(2010, 1, 1))
    MemberFactory(nominating_body=police, person=PersonFactory(name="Fred Former"), active=False)
    signed_in(client, secretariat)

    html = client.get(register_url(register)).content.decode()

    assert "(version 2)" in html
    assert f"(version {old.version})" not in html
    assert "Fred Former" not in html


@pytest.mark.parametrize("who", ["member", "chair"])
def test_members_and_chair_are_refused(request, client, register, who):
    signed_in(client, request.getfixturevalue(who))

    response = client.get(register_url(register))

    assert response.status_code == 403
    assert "Only the partnership&#x27;s secretariat can see who has acknowledged its codes." in response.text


def test_outsider_gets_404(client, register, outsider):
    signed_in(client, outsider)

    assert client.get(register_url(register)).status_code == 404


def test_unknown_partnership_is_404(client, secretariat):
    signed_in(client, secretariat)

    assert client.get(reverse("governance:acknowledgements", kwargs={"slug": "no-such"})).status_code == 404


def test_anonymous_visitor_is_sent_to_sign_in(client, register):
    response = client.get(register_url(register))

    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


def test_no_code_in_force(client, secretariat, warwickshire, member):
    signed_in(client, secretariat)

    assert "The partnership has no code in force." in client.get(register_url(warwickshire)).content.decode()


def test_query_count_fixed_whatever_the_size(
    client, secretariat, warwickshire, code_of_conduct, behaviour_protocol, django_assert_max_num_queries
):
    bodies = NominatingBodyFactory.create_batch(13, partnership=warwickshire, seats=5)
    members = [MemberFactory(nominating_body=bodies[i % 13]) for i in range(40)]
    for member in members[::2]:
        Acknowledgement.objects.create(document=code_of_conduct, person=member.person, acknowledged_at=AT)
    signed_in(client, secretariat)

    # session, user, partnership, secretariat role, documents, members, acknowledgements
    with django_assert_max_num_queries(7):
        response = client.get(register_url(warwickshire))

    assert response.status_code == 200
    assert response.content.decode().count("Not yet") == 60
