"""Adding and changing nominating bodies."""

import pytest
from django.urls import reverse

from partnership.models import NominatingBody
from tests.factories import MemberFactory, NominatingBodyFactory


def add_url(partnership):
    return reverse("partnership:body-add", kwargs={"slug": partnership.slug})


def edit_url(body):
    return reverse("partnership:body-edit", kwargs={"slug": body.partnership.slug, "pk": body.pk})


BODY = {"name": "Warwickshire Fire and Rescue Authority", "seats": "1", "is_responsible_authority": "on"}


def test_anonymous_visitor_is_sent_to_sign_in(client, warwickshire):
    response = client.get(add_url(warwickshire))
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


@pytest.mark.parametrize(("who", "status"), [("outsider", 404), ("member", 403), ("secretariat", 200), ("staff", 200)])
def test_who_may_add_a_body(client, request, warwickshire, who, status):
    client.force_login(request.getfixturevalue(who))
    assert client.get(add_url(warwickshire)).status_code == status


@pytest.mark.parametrize(("who", "status"), [("outsider", 404), ("member", 403), ("secretariat", 200), ("staff", 200)])
def test_who_may_change_a_body(client, request, police, who, status):
    client.force_login(request.getfixturevalue(who))
    assert client.get(edit_url(police)).status_code == status


def test_member_cannot_post_a_body(client, member, warwickshire):
    client.force_login(member)
    before = NominatingBody.objects.count()
    assert client.post(add_url(warwickshire), BODY).status_code == 403
    assert NominatingBody.objects.count() == before


def test_secretariat_adds_a_body(client, secretariat, warwickshire):
    client.force_login(secretariat)
    response = client.post(add_url(warwickshire), BODY, follow=True)
    assert response.redirect_chain == [(warwickshire.get_absolute_url(), 302)]
    assert "Nominating body added" in response.text
    body = NominatingBody.objects.get(name="Warwickshire Fire and Rescue Authority")
    assert body.partnership == warwickshire
    assert body.seats == 1
    assert body.is_responsible_authority


def test_duplicate_body_name_is_refused(client, secretariat, police, warwickshire):
    client.force_login(secretariat)
    before = NominatingBody.objects.count()
    response = client.post(add_url(warwickshire), {**BODY, "name": "the police service"})
    assert response.status_code == 400
    assert "This partnership already has a nominating body with that name." in response.text
    assert "govuk-error-summary" in response.text
    assert NominatingBody.objects.count() == before


def test_same_name_in_another_partnership_is_fine(client, secretariat, warwickshire, other_partnership):
    NominatingBodyFactory(partnership=other_partnership, name=BODY["name"])
    client.force_login(secretariat)
    assert client.post(add_url(warwickshire), BODY).status_code == 302
    assert NominatingBody.objects.filter(name=BODY["name"]).count() == 2


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({**BODY, "name": ""}, "Enter the name of the nominating body"),
        ({**BODY, "seats": "0"}, "greater than or equal to 1"),
        ({**BODY, "seats": "many"}, "Enter a whole number."),
    ],
)
def test_invalid_body_saves_nothing(client, secretariat, warwickshire, data, message):
    client.force_login(secretariat)
    before = NominatingBody.objects.count()
    response = client.post(add_url(warwickshire), data)
    assert response.status_code == 400
    assert message in response.text
    assert NominatingBody.objects.count() == before


def test_secretariat_changes_a_body(client, secretariat, cdrp_chairs):
    client.force_login(secretariat)
    response = client.post(edit_url(cdrp_chairs), {"name": "CDRP chairs", "seats": "6"})
    assert response.status_code == 302
    cdrp_chairs.refresh_from_db()
    assert (cdrp_chairs.name, cdrp_chairs.seats, cdrp_chairs.is_responsible_authority) == ("CDRP chairs", 6, False)


def test_form_shows_the_body_as_it_is(client, secretariat, cdrp_chairs):
    client.force_login(secretariat)
    response = client.get(edit_url(cdrp_chairs))
    assert response.context["form"].initial["seats"] == 5
    assert 'value="The Chair of each CDRP strategy group"' in response.text


def test_seats_cannot_fall_below_active_members(client, secretariat, cdrp_chairs):
    MemberFactory(nominating_body=cdrp_chairs)
    MemberFactory(nominating_body=cdrp_chairs)
    client.force_login(secretariat)
    response = client.post(edit_url(cdrp_chairs), {"name": cdrp_chairs.name, "seats": "1"})
    assert response.status_code == 400
    assert "has 2 active members, so it needs at least 2 seats" in response.text
    cdrp_chairs.refresh_from_db()
    assert cdrp_chairs.seats == 5


def test_renaming_onto_another_body_is_refused(client, secretariat, police, county_council):
    client.force_login(secretariat)
    response = client.post(edit_url(police), {"name": county_council.name, "seats": "1"})
    assert response.status_code == 400
    assert "already has a nominating body with that name" in response.text
    police.refresh_from_db()
    assert police.name == "The Police Service"


def test_a_body_of_another_partnership_is_not_found(client, secretariat, warwickshire, other_partnership):
    body = NominatingBodyFactory(partnership=other_partnership)
    client.force_login(secretariat)
    url = reverse("partnership:body-edit", kwargs={"slug": warwickshire.slug, "pk": body.pk})
    assert client.get(url).status_code == 404
