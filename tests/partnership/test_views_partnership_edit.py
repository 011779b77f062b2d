"""The secretariat changes the partnership's details and its rule numbers."""

import pytest
from django.urls import reverse

from partnership.models import Partnership


def edit_url(partnership):
    return reverse("partnership:partnership-edit", kwargs={"slug": partnership.slug})


def details(partnership, **changes):
    data = {
        "name": partnership.name,
        "nation": partnership.nation,
        "secretariat_email": partnership.secretariat_email,
        "aim": partnership.aim,
        "objectives": partnership.objectives,
        "agenda_notice_working_days": partnership.agenda_notice_working_days,
        "minutes_working_days": partnership.minutes_working_days,
        "chair_term_years": partnership.chair_term_years,
        "min_meetings_per_year": partnership.min_meetings_per_year,
        "min_public_meetings_per_year": partnership.min_public_meetings_per_year,
        "withdrawal_notice_months": partnership.withdrawal_notice_months,
        "quorum": partnership.quorum,
        "absence_threshold": partnership.absence_threshold,
    }
    return data | changes


def test_anonymous_visitor_is_sent_to_sign_in(client, warwickshire):
    response = client.get(edit_url(warwickshire))
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


@pytest.mark.parametrize(("who", "status"), [("outsider", 404), ("member", 403), ("secretariat", 200), ("staff", 200)])
def test_who_may_change_the_details(client, request, warwickshire, who, status):
    client.force_login(request.getfixturevalue(who))
    assert client.get(edit_url(warwickshire)).status_code == status


def test_member_cannot_change_the_rules(client, member, warwickshire):
    client.force_login(member)
    assert client.post(edit_url(warwickshire), details(warwickshire, minutes_working_days=20)).status_code == 403
    warwickshire.refresh_from_db()
    assert warwickshire.minutes_working_days == 10


def test_secretariat_changes_the_rule_numbers(client, secretariat, warwickshire):
    client.force_login(secretariat)
    data = details(warwickshire, minutes_working_days=15, chair_term_years=3, aim="A new aim")
    response = client.post(edit_url(warwickshire), data, follow=True)
    assert response.redirect_chain == [(warwickshire.get_absolute_url(), 302)]
    assert "Partnership details saved" in response.text
    warwickshire.refresh_from_db()
    assert (warwickshire.minutes_working_days, warwickshire.chair_term_years, warwickshire.aim) == (15, 3, "A new aim")
    assert warwickshire.slug == "warwickshire-scp"


def test_the_web_address_is_not_on_the_form(client, secretariat, warwickshire):
    client.force_login(secretariat)
    client.post(edit_url(warwickshire), details(warwickshire, slug="somewhere-else"))
    warwickshire.refresh_from_db()
    assert warwickshire.slug == "warwickshire-scp"


def test_invalid_numbers_save_nothing_and_keep_the_header(client, secretariat, warwickshire):
    client.force_login(secretariat)
    response = client.post(edit_url(warwickshire), details(warwickshire, name="", withdrawal_notice_months=0))
    assert response.status_code == 400
    assert "Enter the partnership&#x27;s name" in response.text
    assert "greater than or equal to 1" in response.text
    assert response.context["partnership"].name == "Warwickshire Safer Communities Partnership"
    assert Partnership.objects.get(pk=warwickshire.pk).withdrawal_notice_months == 12


def test_another_partnerships_name_is_refused(client, secretariat, warwickshire, other_partnership):
    client.force_login(secretariat)
    response = client.post(edit_url(warwickshire), details(warwickshire, name=other_partnership.name))
    assert response.status_code == 400
    assert "A partnership with this name already exists" in response.text
