"""Adding and changing members, and their substitutes."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from partnership.models import Member, Person, Substitute
from tests.factories import MemberFactory, NominatingBodyFactory, OfficeFactory, PersonFactory, SubstituteFactory


def add_url(partnership):
    return reverse("partnership:member-add", kwargs={"slug": partnership.slug})


def edit_url(seat):
    return reverse("partnership:member-edit", kwargs={"slug": seat.partnership.slug, "pk": seat.pk})


def substitute_add_url(seat):
    return reverse("partnership:substitute-add", kwargs={"slug": seat.partnership.slug, "pk": seat.pk})


def substitute_edit_url(substitute):
    slug = substitute.member.partnership.slug
    return reverse("partnership:substitute-edit", kwargs={"slug": slug, "pk": substitute.pk})


def new_member(body, **extra):
    return {
        "name": "Fiona Fire",
        "email": "fiona.fire@fire.example.org",
        "nominating_body": str(body.pk),
        "role_in_body": "Chief Fire Officer",
        "is_senior": "on",
        **extra,
    }


def seat_as_posted(seat, **extra):
    data = {
        "name": seat.person.name,
        "email": seat.person.email,
        "nominating_body": str(seat.nominating_body_id),
        "role_in_body": seat.role_in_body,
        "is_senior": "on" if seat.is_senior else "",
        "active": "on" if seat.active else "",
        **extra,
    }
    return {key: value for key, value in data.items() if value != ""}


def counts():
    return Member.objects.count(), Person.objects.count(), Substitute.objects.count()


@pytest.fixture
def mo(member):
    return Member.objects.get(person__user=member)


@pytest.fixture
def carol(chair):
    return Member.objects.get(person__user=chair)


def test_anonymous_visitor_is_sent_to_sign_in(client, warwickshire):
    response = client.get(add_url(warwickshire))
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


@pytest.mark.parametrize(("who", "status"), [("outsider", 404), ("member", 403), ("secretariat", 200), ("staff", 200)])
def test_who_may_add_a_member(client, request, warwickshire, who, status):
    client.force_login(request.getfixturevalue(who))
    assert client.get(add_url(warwickshire)).status_code == status


@pytest.mark.parametrize(("who", "status"), [("outsider", 404), ("member", 403), ("secretariat", 200), ("staff", 200)])
def test_who_may_change_a_member(client, request, mo, who, status):
    client.force_login(request.getfixturevalue(who))
    assert client.get(edit_url(mo)).status_code == status


def test_member_cannot_add_a_member(client, member, cdrp_chairs, warwickshire):
    client.force_login(member)
    before = counts()
    assert client.post(add_url(warwickshire), new_member(cdrp_chairs)).status_code == 403
    assert counts() == before


def test_secretariat_adds_a_member(client, secretariat, cdrp_chairs, warwickshire):
    client.force_login(secretariat)
    data = new_member(cdrp_chairs, is_elected_member="on", is_designated_liaison_officer="on")
    response = client.post(add_url(warwickshire), data, follow=True)
    assert response.redirect_chain == [(warwickshire.get_absolute_url(), 302)]
    assert "Member added" in response.text
    seat = Member.objects.get(person__email="fiona.fire@fire.example.org")
    assert seat.partnership == warwickshire
    assert seat.nominating_body == cdrp_chairs
    assert seat.role_in_body == "Chief Fire Officer"
    assert (seat.is_senior, seat.is_elected_member, seat.is_designated_liaison_officer) == (True, True, True)
    assert seat.active


def test_a_person_on_another_partnership_keeps_one_record(client, secretariat, outsider, cdrp_chairs, warwickshire):
    oscar = Person.objects.get(user=outsider)
    client.force_login(secretariat)
    response = client.post(
        add_url(warwickshire), new_member(cdrp_chairs, name="Oscar Outsider", email=oscar.email.upper())
    )
    assert response.status_code == 302
    assert Member.objects.get(nominating_body=cdrp_chairs).person == oscar


def test_the_body_can_be_chosen_from_the_register(client, secretariat, cdrp_chairs, warwickshire):
    client.force_login(secretariat)
    response = client.get(f"{add_url(warwickshire)}?body={cdrp_chairs.pk}")
    assert response.context["form"].initial["nominating_body"] == str(cdrp_chairs.pk)


def test_a_member_past_the_bodys_seats_is_refused(client, secretariat, member, police, warwickshire):
    client.force_login(secretariat)
    before = counts()
    response = client.post(add_url(warwickshire), new_member(police))
    assert response.status_code == 400
    assert "The Police Service has 1 seat and all are taken." in response.text
    assert "govuk-error-summary" in response.text
    assert counts() == before


def test_a_body_of_another_partnership_cannot_be_chosen(client, secretariat, warwickshire, other_partnership):
    rugby_body = NominatingBodyFactory(partnership=other_partnership, seats=3)
    client.force_login(secretariat)
    before = counts()
    response = client.post(add_url(warwickshire), new_member(rugby_body))
    assert response.status_code == 400
    assert "Choose one of this partnership&#x27;s nominating bodies" in response.text
    assert counts() == before


def test_only_this_partnerships_bodies_are_offered(client, secretariat, cdrp_chairs, warwickshire, other_partnership):
    rugby_body = NominatingBodyFactory(partnership=other_partnership, name="Rugby Borough Council")
    client.force_login(secretariat)
    bodies = list(client.get(add_url(warwickshire)).context["form"].fields["nominating_body"].queryset)
    assert cdrp_chairs in bodies
    assert rugby_body not in bodies


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        ({"name": ""}, "Enter the member&#x27;s full name"),
        ({"email": "not-an-email"}, "Enter an email address in the correct format"),
        ({"email": ""}, "Enter the email address"),
        ({"nominating_body": ""}, "Choose the nominating body"),
    ],
)
def test_invalid_member_saves_nothing(client, secretariat, cdrp_chairs, warwickshire, extra, message):
    client.force_login(secretariat)
    before = counts()
    response = client.post(add_url(warwickshire), new_member(cdrp_chairs, **extra))
    assert response.status_code == 400
    assert message in response.text
    assert counts() == before


def test_an_empty_post_is_a_submission(client, secretariat, warwickshire):
    client.force_login(secretariat)
    response = client.post(add_url(warwickshire), {})
    assert response.status_code == 400
    assert "There is a problem" in response.text


def test_secretariat_changes_a_member(client, secretariat, mo, cdrp_chairs):
    client.force_login(secretariat)
    data = seat_as_posted(mo, name="Mo Member-Smith", role_in_body="Superintendent", nominating_body=cdrp_chairs.pk)
    response = client.post(edit_url(mo), data, follow=True)
    assert "Member saved" in response.text
    mo.refresh_from_db()
    mo.person.refresh_from_db()
    assert (mo.person.name, mo.role_in_body, mo.nominating_body) == ("Mo Member-Smith", "Superintendent", cdrp_chairs)


def test_secretariat_makes_a_member_inactive(client, secretariat, mo):
    client.force_login(secretariat)
    data = seat_as_posted(mo)
    del data["active"]
    assert client.post(edit_url(mo), data).status_code == 302
    mo.refresh_from_db()
    assert not mo.active


def test_moving_a_member_to_a_full_body_is_refused(client, secretariat, mo, carol, county_council):
    client.force_login(secretariat)
    response = client.post(edit_url(mo), seat_as_posted(mo, nominating_body=county_council.pk))
    assert response.status_code == 400
    assert "Warwickshire County Council has 1 seat and all are taken." in response.text
    mo.refresh_from_db()
    assert mo.nominating_body.name == "The Police Service"


def test_the_chair_cannot_be_made_inactive_during_their_term(client, secretariat, carol):
    client.force_login(secretariat)
    data = seat_as_posted(carol)
    del data["active"]
    response = client.post(edit_url(carol), data)
    assert response.status_code == 400
    assert "Carol Chair is chair until" in response.text
    carol.refresh_from_db()
    assert carol.active


def test_moving_the_vice_chair_into_the_chairs_body_is_refused(client, secretariat, mo, carol, county_council):
    county_council.seats = 2
    county_council.save()
    OfficeFactory(member=mo, role="vice_chair", starts_on=timezone.localdate() - datetime.timedelta(days=5))
    client.force_login(secretariat)
    response = client.post(edit_url(mo), seat_as_posted(mo, nominating_body=county_council.pk))
    assert response.status_code == 400
    assert "The chair and vice chair cannot come from the same nominating body" in response.text
    mo.refresh_from_db()
    assert mo.nominating_body.name == "The Police Service"


def test_an_email_already_on_the_register_is_refused(client, secretariat, mo, carol):
    client.force_login(secretariat)
    response = client.post(edit_url(mo), seat_as_posted(mo, email=carol.person.email, name="Renamed"))
    assert response.status_code == 400
    assert "That email address is on the register under another name." in response.text
    mo.person.refresh_from_db()
    assert (mo.person.name, mo.person.email) == ("Mo Member", "mo.member@police.example.org")


def test_a_member_of_another_partnership_is_not_found(client, secretariat, outsider, warwickshire):
    oscar = Member.objects.get(person__user=outsider)
    client.force_login(secretariat)
    url = reverse("partnership:member-edit", kwargs={"slug": warwickshire.slug, "pk": oscar.pk})
    assert client.get(url).status_code == 404


@pytest.mark.parametrize(("who", "status"), [("outsider", 404), ("member", 403), ("secretariat", 200), ("staff", 200)])
def test_who_may_add_a_substitute(client, request, mo, who, status):
    client.force_login(request.getfixturevalue(who))
    assert client.get(substitute_add_url(mo)).status_code == status


def test_secretariat_adds_a_substitute(client, secretariat, mo):
    client.force_login(secretariat)
    data = {"name": "Sue Stand-in", "email": "sue@police.example.org", "role_in_body": "Inspector", "active": "on"}
    response = client.post(substitute_add_url(mo), data, follow=True)
    assert "Substitute added" in response.text
    substitute = Substitute.objects.get()
    assert (substitute.member, substitute.name, substitute.active) == (mo, "Sue Stand-in", True)
    assert "Sue Stand-in" in response.text


def test_secretariat_changes_a_substitute(client, secretariat, mo):
    substitute = SubstituteFactory(member=mo, name="Sue Stand-in")
    client.force_login(secretariat)
    response = client.post(substitute_edit_url(substitute), {"name": "Sue Stand-in", "email": ""})
    assert response.status_code == 302
    substitute.refresh_from_db()
    assert not substitute.active
    assert substitute.email == ""


def test_invalid_substitute_saves_nothing(client, secretariat, mo):
    client.force_login(secretariat)
    response = client.post(substitute_add_url(mo), {"name": "", "email": "nope"})
    assert response.status_code == 400
    assert "Enter the substitute&#x27;s full name" in response.text
    assert "Enter an email address in the correct format" in response.text
    assert Substitute.objects.count() == 0


def test_member_cannot_change_a_substitute(client, member, mo):
    substitute = SubstituteFactory(member=mo, name="Sue Stand-in")
    client.force_login(member)
    assert client.post(substitute_edit_url(substitute), {"name": "Changed"}).status_code == 403
    substitute.refresh_from_db()
    assert substitute.name == "Sue Stand-in"


def test_a_substitute_of_another_partnership_is_not_found(client, secretariat, outsider, warwickshire):
    substitute = SubstituteFactory(member=Member.objects.get(person__user=outsider))
    client.force_login(secretariat)
    url = reverse("partnership:substitute-edit", kwargs={"slug": warwickshire.slug, "pk": substitute.pk})
    assert client.get(url).status_code == 404


def test_former_member_can_be_made_active_again(client, secretariat, cdrp_chairs):
    former = MemberFactory(nominating_body=cdrp_chairs, person=PersonFactory(name="Fay Former"), active=False)
    client.force_login(secretariat)
    assert client.post(edit_url(former), seat_as_posted(former, active="on")).status_code == 302
    former.refresh_from_db()
    assert former.active
