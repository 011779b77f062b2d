"""Appointing the chair and vice chair, and changing a term's dates (ToR 5.2 to 5.4)."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from partnership.models import Member, Office
from tests.factories import MemberFactory, OfficeFactory, PersonFactory

TODAY = timezone.localdate()


def day_month_year(name, day):
    return {f"{name}_0": str(day.day), f"{name}_1": str(day.month), f"{name}_2": str(day.year)}


def appoint_url(partnership):
    return reverse("partnership:office-add", kwargs={"slug": partnership.slug})


def term_url(office):
    return reverse("partnership:office-edit", kwargs={"slug": office.partnership.slug, "pk": office.pk})


def appointment(seat, role="vice_chair", starts_on=TODAY, ends_on=None):
    data = {"member": str(seat.pk), "role": role, **day_month_year("starts_on", starts_on)}
    if ends_on:
        data.update(day_month_year("ends_on", ends_on))
    return data


@pytest.fixture
def mo(member):
    return Member.objects.get(person__user=member)


@pytest.fixture
def chair_office(chair):
    return Office.objects.get(member__person__user=chair)


def test_anonymous_visitor_is_sent_to_sign_in(client, warwickshire):
    response = client.get(appoint_url(warwickshire))
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


@pytest.mark.parametrize(("who", "status"), [("outsider", 404), ("member", 403), ("secretariat", 200), ("staff", 200)])
def test_who_may_appoint(client, request, warwickshire, who, status):
    client.force_login(request.getfixturevalue(who))
    assert client.get(appoint_url(warwickshire)).status_code == status


@pytest.mark.parametrize(
    ("who", "status"), [("outsider", 404), ("member", 403), ("chair", 403), ("secretariat", 200), ("staff", 200)]
)
def test_who_may_change_a_term(client, request, chair_office, who, status):
    client.force_login(request.getfixturevalue(who))
    assert client.get(term_url(chair_office)).status_code == status


def test_member_cannot_appoint(client, member, mo, warwickshire):
    client.force_login(member)
    assert client.post(appoint_url(warwickshire), appointment(mo)).status_code == 403
    assert Office.objects.count() == 0


def test_secretariat_appoints_a_vice_chair_for_a_full_term(client, secretariat, chair, mo, warwickshire):
    client.force_login(secretariat)
    response = client.post(appoint_url(warwickshire), appointment(mo), follow=True)
    assert response.redirect_chain == [(warwickshire.get_absolute_url(), 302)]
    assert "Appointment recorded" in response.text
    office = Office.objects.get(role="vice_chair")
    assert office.member == mo
    assert office.starts_on == TODAY
    assert office.ends_on == warwickshire.term_end(TODAY)


def test_only_active_members_of_the_partnership_are_offered(client, secretariat, mo, warwickshire, outsider):
    former = MemberFactory(nominating_body=mo.nominating_body, person=PersonFactory(name="Fay Former"), active=False)
    client.force_login(secretariat)
    offered = list(client.get(appoint_url(warwickshire)).context["form"].fields["member"].queryset)
    assert offered == [mo]
    response = client.post(appoint_url(warwickshire), appointment(former))
    assert response.status_code == 400
    assert "Choose one of the partnership&#x27;s members" in response.text
    assert Office.objects.count() == 0


def test_overlapping_chair_terms_are_refused(client, secretariat, chair, mo, warwickshire):
    client.force_login(secretariat)
    before = Office.objects.count()
    response = client.post(appoint_url(warwickshire), appointment(mo, role="chair"))
    assert response.status_code == 400
    assert "Carol Chair is chair from" in response.text
    assert "there is one chair at a time" in response.text
    assert Office.objects.count() == before


def test_chair_and_vice_chair_from_the_same_body_are_refused(client, secretariat, chair, county_council, warwickshire):
    county_council.seats = 2
    county_council.save()
    colleague = MemberFactory(nominating_body=county_council, person=PersonFactory(name="Colin Colleague"))
    client.force_login(secretariat)
    before = Office.objects.count()
    response = client.post(appoint_url(warwickshire), appointment(colleague))
    assert response.status_code == 400
    assert "The chair and vice chair cannot come from the same nominating body (ToR 5.4)" in response.text
    assert Office.objects.count() == before


def test_a_term_past_the_full_term_is_refused(client, secretariat, mo, warwickshire):
    client.force_login(secretariat)
    response = client.post(appoint_url(warwickshire), appointment(mo, ends_on=TODAY.replace(year=TODAY.year + 3)))
    assert response.status_code == 400
    assert "A term lasts at most 2 years (ToR 5.2)" in response.text
    assert Office.objects.count() == 0


@pytest.mark.parametrize(
    ("dates", "message"),
    [
        ({"starts_on_0": "31", "starts_on_1": "2", "starts_on_2": "2027"}, "Enter a real date"),
        ({"starts_on_0": "1", "starts_on_1": "March", "starts_on_2": "2027"}, "The month must be a number"),
        ({"starts_on_0": "1", "starts_on_1": "3", "starts_on_2": "27"}, "The year must include 4 numbers"),
        ({"starts_on_0": "", "starts_on_1": "", "starts_on_2": ""}, "Enter the date the term starts"),
        ({"starts_on_0": "1", "starts_on_1": "3", "starts_on_2": "2027", "ends_on_0": "5"}, "Enter the month"),
    ],
)
def test_bad_dates_save_nothing(client, secretariat, mo, warwickshire, dates, message):
    client.force_login(secretariat)
    response = client.post(appoint_url(warwickshire), {"member": str(mo.pk), "role": "vice_chair", **dates})
    assert response.status_code == 400
    assert message in response.text
    assert Office.objects.count() == 0


def test_missing_role_and_member_are_refused(client, secretariat, warwickshire):
    client.force_login(secretariat)
    response = client.post(appoint_url(warwickshire), day_month_year("starts_on", TODAY))
    assert response.status_code == 400
    assert "Choose chair or vice chair" in response.text
    assert "Choose a member" in response.text


def test_secretariat_ends_a_term_early(client, secretariat, chair_office):
    client.force_login(secretariat)
    data = {**day_month_year("starts_on", chair_office.starts_on), **day_month_year("ends_on", TODAY)}
    response = client.post(term_url(chair_office), data, follow=True)
    assert "Term saved" in response.text
    chair_office.refresh_from_db()
    assert chair_office.ends_on == TODAY


def test_a_blank_end_gives_a_full_term(client, secretariat, chair_office, warwickshire):
    chair_office.ends_on = TODAY
    chair_office.save()
    client.force_login(secretariat)
    assert client.post(term_url(chair_office), day_month_year("starts_on", chair_office.starts_on)).status_code == 302
    chair_office.refresh_from_db()
    assert chair_office.ends_on == warwickshire.term_end(chair_office.starts_on)


def test_a_term_cannot_be_stretched_past_the_full_term(client, secretariat, chair_office):
    client.force_login(secretariat)
    before = chair_office.ends_on
    data = {
        **day_month_year("starts_on", chair_office.starts_on),
        **day_month_year("ends_on", before + datetime.timedelta(days=1)),
    }
    response = client.post(term_url(chair_office), data)
    assert response.status_code == 400
    assert "A term lasts at most 2 years" in response.text
    chair_office.refresh_from_db()
    assert chair_office.ends_on == before


def test_a_term_cannot_end_before_it_starts(client, secretariat, chair_office):
    client.force_login(secretariat)
    data = {
        **day_month_year("starts_on", chair_office.starts_on),
        **day_month_year("ends_on", chair_office.starts_on - datetime.timedelta(days=1)),
    }
    response = client.post(term_url(chair_office), data)
    assert response.status_code == 400
    assert "A term cannot end before it starts." in response.text


def test_moving_a_term_onto_another_chairs_is_refused(client, secretariat, chair_office, mo):
    later = OfficeFactory(member=mo, starts_on=chair_office.ends_on + datetime.timedelta(days=1))
    client.force_login(secretariat)
    data = day_month_year("starts_on", chair_office.ends_on)
    response = client.post(term_url(later), data)
    assert response.status_code == 400
    assert "there is one chair at a time" in response.text
    later.refresh_from_db()
    assert later.starts_on == chair_office.ends_on + datetime.timedelta(days=1)


def test_an_office_of_another_partnership_is_not_found(client, secretariat, outsider, warwickshire):
    office = OfficeFactory(member=Member.objects.get(person__user=outsider))
    client.force_login(secretariat)
    url = reverse("partnership:office-edit", kwargs={"slug": warwickshire.slug, "pk": office.pk})
    assert client.get(url).status_code == 404
