"""Versions of the terms of reference (ToR 10: reviewed every year)."""

import datetime

import pytest
from django.urls import reverse

from partnership.models import TermsOfReference
from tests.factories import TermsOfReferenceFactory


def day_month_year(name, day):
    return {f"{name}_0": str(day.day), f"{name}_1": str(day.month), f"{name}_2": str(day.year)}


def add_url(partnership):
    return reverse("partnership:terms-add", kwargs={"slug": partnership.slug})


def edit_url(terms):
    return reverse("partnership:terms-edit", kwargs={"slug": terms.partnership.slug, "pk": terms.pk})


def version(name="2026", adopted_on=datetime.date(2026, 4, 1), next_review_on=None, text="1. AIM"):
    data = {"version": name, "text": text, **day_month_year("adopted_on", adopted_on)}
    if next_review_on:
        data.update(day_month_year("next_review_on", next_review_on))
    return data


@pytest.fixture
def terms_2025(warwickshire):
    return TermsOfReferenceFactory(
        partnership=warwickshire,
        version="2025",
        adopted_on=datetime.date(2025, 4, 1),
        next_review_on=datetime.date(2026, 4, 1),
    )


def test_anonymous_visitor_is_sent_to_sign_in(client, warwickshire):
    response = client.get(add_url(warwickshire))
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


@pytest.mark.parametrize(("who", "status"), [("outsider", 404), ("member", 403), ("secretariat", 200), ("staff", 200)])
def test_who_may_add_a_version(client, request, warwickshire, who, status):
    client.force_login(request.getfixturevalue(who))
    assert client.get(add_url(warwickshire)).status_code == status


@pytest.mark.parametrize(("who", "status"), [("outsider", 404), ("member", 403), ("secretariat", 200), ("staff", 200)])
def test_who_may_change_a_version(client, request, terms_2025, who, status):
    client.force_login(request.getfixturevalue(who))
    assert client.get(edit_url(terms_2025)).status_code == status


def test_member_cannot_add_a_version(client, member, warwickshire):
    client.force_login(member)
    assert client.post(add_url(warwickshire), version()).status_code == 403
    assert TermsOfReference.objects.count() == 0


def test_next_review_defaults_to_a_year_after_adoption(client, secretariat, warwickshire):
    client.force_login(secretariat)
    response = client.post(add_url(warwickshire), version(), follow=True)
    assert response.redirect_chain == [(warwickshire.get_absolute_url(), 302)]
    assert "Terms of reference added" in response.text
    terms = TermsOfReference.objects.get()
    assert (terms.partnership, terms.version, terms.text) == (warwickshire, "2026", "1. AIM")
    assert terms.next_review_on == datetime.date(2027, 4, 1)
    assert "1 April 2027" in response.text


def test_a_review_date_can_be_set(client, secretariat, warwickshire):
    client.force_login(secretariat)
    client.post(add_url(warwickshire), version(next_review_on=datetime.date(2026, 12, 1)))
    assert TermsOfReference.objects.get().next_review_on == datetime.date(2026, 12, 1)


def test_a_duplicate_version_is_refused(client, secretariat, terms_2025, warwickshire):
    client.force_login(secretariat)
    response = client.post(add_url(warwickshire), version(name="2025"))
    assert response.status_code == 400
    assert "Version 2025 of the terms of reference is already recorded." in response.text
    assert TermsOfReference.objects.count() == 1


def test_a_review_before_adoption_is_refused(client, secretariat, warwickshire):
    client.force_login(secretariat)
    response = client.post(add_url(warwickshire), version(next_review_on=datetime.date(2026, 3, 1)))
    assert response.status_code == 400
    assert "The next review must come after the terms were adopted." in response.text
    assert TermsOfReference.objects.count() == 0


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({**version(), "version": ""}, "Enter the version, for example 2026"),
        ({**version(), "adopted_on_0": "30", "adopted_on_1": "2"}, "Enter a real date"),
        ({**version(), "adopted_on_0": "", "adopted_on_1": "", "adopted_on_2": ""}, "Enter the date the terms were"),
    ],
)
def test_invalid_version_saves_nothing(client, secretariat, warwickshire, data, message):
    client.force_login(secretariat)
    response = client.post(add_url(warwickshire), data)
    assert response.status_code == 400
    assert message in response.text
    assert TermsOfReference.objects.count() == 0


def test_secretariat_changes_a_version(client, secretariat, terms_2025):
    client.force_login(secretariat)
    data = version(name="2025.1", adopted_on=datetime.date(2025, 5, 1), text="Revised")
    response = client.post(edit_url(terms_2025), data, follow=True)
    assert "Terms of reference saved" in response.text
    terms_2025.refresh_from_db()
    assert (terms_2025.version, terms_2025.adopted_on, terms_2025.next_review_on, terms_2025.text) == (
        "2025.1",
        datetime.date(2025, 5, 1),
        datetime.date(2026, 5, 1),
        "Revised",
    )


def test_the_form_shows_the_version_as_it_is(client, secretariat, terms_2025):
    client.force_login(secretariat)
    text = client.get(edit_url(terms_2025)).text
    assert 'name="adopted_on_2" value="2025"' in text
    assert 'value="2025"' in text


def test_renaming_onto_another_version_is_refused(client, secretariat, terms_2025, warwickshire):
    later = TermsOfReferenceFactory(partnership=warwickshire, version="2026")
    client.force_login(secretariat)
    response = client.post(edit_url(later), version(name="2025"))
    assert response.status_code == 400
    assert "Version 2025 of the terms of reference is already recorded." in response.text
    later.refresh_from_db()
    assert later.version == "2026"


def test_terms_of_another_partnership_are_not_found(client, secretariat, warwickshire, other_partnership):
    terms = TermsOfReferenceFactory(partnership=other_partnership)
    client.force_login(secretariat)
    url = reverse("partnership:terms-edit", kwargs={"slug": warwickshire.slug, "pk": terms.pk})
    assert client.get(url).status_code == 404
