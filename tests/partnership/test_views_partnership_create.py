"""Site administrators add a partnership."""

import pytest
from django.urls import reverse

from partnership.models import Partnership

URL = reverse("partnership:partnership-create")

NEW = {
    "name": "Stratford-on-Avon Community Safety Partnership",
    "slug": "stratford-csp",
    "nation": "england-and-wales",
    "secretariat_email": "csp@stratford.example.org",
    "aim": "Safer communities in Stratford-on-Avon.",
    "objectives": "To agree local priorities\nTo monitor delivery",
    "agenda_notice_working_days": "5",
    "minutes_working_days": "10",
    "chair_term_years": "2",
    "min_meetings_per_year": "5",
    "min_public_meetings_per_year": "1",
    "withdrawal_notice_months": "12",
    "quorum": "5",
    "absence_threshold": "3",
}


def test_anonymous_visitor_is_sent_to_sign_in(client, db):
    response = client.get(URL)
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


@pytest.mark.parametrize(("who", "status"), [("outsider", 403), ("member", 403), ("secretariat", 403), ("staff", 200)])
def test_only_staff_may_add_a_partnership(client, request, who, status):
    client.force_login(request.getfixturevalue(who))
    assert client.get(URL).status_code == status


def test_secretariat_cannot_post_a_partnership(client, secretariat):
    client.force_login(secretariat)
    before = Partnership.objects.count()
    assert client.post(URL, NEW).status_code == 403
    assert Partnership.objects.count() == before


def test_the_form_starts_from_the_warwickshire_numbers(client, staff):
    client.force_login(staff)
    form = client.get(URL).context["form"]
    numbers = [form[name].value() for name in NEW if name.endswith(("days", "years", "year", "months"))]
    assert numbers == [5, 10, 2, 5, 1, 12]


def test_staff_add_a_partnership(client, staff):
    client.force_login(staff)
    response = client.post(URL, NEW, follow=True)
    partnership = Partnership.objects.get(slug="stratford-csp")
    assert response.redirect_chain == [(partnership.get_absolute_url(), 302)]
    assert "Partnership added" in response.text
    assert partnership.name == NEW["name"]
    assert partnership.objective_list == ["To agree local priorities", "To monitor delivery"]
    assert (
        partnership.agenda_notice_working_days,
        partnership.minutes_working_days,
        partnership.chair_term_years,
        partnership.min_meetings_per_year,
        partnership.min_public_meetings_per_year,
        partnership.withdrawal_notice_months,
    ) == (5, 10, 2, 5, 1, 12)


def test_other_rule_numbers_are_kept(client, staff):
    client.force_login(staff)
    client.post(URL, NEW | {"nation": "scotland", "agenda_notice_working_days": "7", "withdrawal_notice_months": "6"})
    partnership = Partnership.objects.get(slug="stratford-csp")
    assert (partnership.nation, partnership.agenda_notice_working_days, partnership.withdrawal_notice_months) == (
        "scotland",
        7,
        6,
    )


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (NEW | {"name": ""}, "Enter the partnership&#x27;s name"),
        (NEW | {"name": "Warwickshire Safer Communities Partnership"}, "A partnership with this name already exists"),
        (NEW | {"slug": "warwickshire-scp"}, "Another partnership already has this web address"),
        (NEW | {"slug": "new"}, "This web address is taken by the site."),
        (NEW | {"slug": "not a slug"}, "Enter a valid"),
        (NEW | {"secretariat_email": "csp at stratford"}, "Enter an email address in the correct format"),
        (NEW | {"agenda_notice_working_days": "0"}, "greater than or equal to 1"),
        (NEW | {"chair_term_years": "9"}, "less than or equal to 5"),
        (NEW | {"nation": "wales"}, "Select a valid choice"),
    ],
)
def test_invalid_partnership_saves_nothing(client, staff, warwickshire, data, message):
    client.force_login(staff)
    before = Partnership.objects.count()
    response = client.post(URL, data)
    assert response.status_code == 400
    assert message in response.text
    assert "govuk-error-summary" in response.text
    assert Partnership.objects.count() == before
