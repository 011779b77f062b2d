"""A nominating body's notice of withdrawal (ToR 9: at least 12 months)."""

import datetime

import pytest
from django.urls import reverse

from partnership.models import WithdrawalNotice
from tests.factories import NominatingBodyFactory

GIVEN = datetime.date(2026, 3, 2)


def day_month_year(name, day):
    return {f"{name}_0": str(day.day), f"{name}_1": str(day.month), f"{name}_2": str(day.year)}


def notice_url(body):
    return reverse("partnership:withdrawal-add", kwargs={"slug": body.partnership.slug, "pk": body.pk})


def notice(given_on=GIVEN, effective_on=None, notes="Letter from the Chief Constable"):
    data = {"notes": notes, **day_month_year("given_on", given_on)}
    if effective_on:
        data.update(day_month_year("effective_on", effective_on))
    return data


def test_anonymous_visitor_is_sent_to_sign_in(client, police):
    response = client.get(notice_url(police))
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


@pytest.mark.parametrize(("who", "status"), [("outsider", 404), ("member", 403), ("secretariat", 200), ("staff", 200)])
def test_who_may_record_a_notice(client, request, police, who, status):
    client.force_login(request.getfixturevalue(who))
    assert client.get(notice_url(police)).status_code == status


def test_member_cannot_record_a_notice(client, member, police):
    client.force_login(member)
    assert client.post(notice_url(police), notice()).status_code == 403
    assert WithdrawalNotice.objects.count() == 0


def test_notice_takes_effect_twelve_months_later_by_default(client, secretariat, police, warwickshire):
    client.force_login(secretariat)
    response = client.post(notice_url(police), notice(), follow=True)
    assert response.redirect_chain == [(warwickshire.get_absolute_url(), 302)]
    assert "Withdrawal notice recorded" in response.text
    recorded = WithdrawalNotice.objects.get()
    assert (recorded.nominating_body, recorded.given_on, recorded.effective_on) == (
        police,
        GIVEN,
        datetime.date(2027, 3, 2),
    )
    assert recorded.notes == "Letter from the Chief Constable"
    assert "takes effect 2 March 2027" in response.text


def test_a_later_effective_date_is_kept(client, secretariat, police):
    client.force_login(secretariat)
    client.post(notice_url(police), notice(effective_on=datetime.date(2027, 6, 30)))
    assert WithdrawalNotice.objects.get().effective_on == datetime.date(2027, 6, 30)


def test_notice_shorter_than_twelve_months_is_refused(client, secretariat, police):
    client.force_login(secretariat)
    response = client.post(notice_url(police), notice(effective_on=datetime.date(2027, 3, 1)))
    assert response.status_code == 400
    assert "A nominating body gives at least 12 months&#x27; notice (ToR 9)" in response.text
    assert "takes effect on 2 March 2027 at the earliest" in response.text
    assert WithdrawalNotice.objects.count() == 0


def test_a_second_notice_while_one_is_pending_is_refused(client, secretariat, police):
    police.withdrawal_notices.create(given_on=GIVEN, effective_on=datetime.date(2027, 3, 2))
    client.force_login(secretariat)
    response = client.post(notice_url(police), notice(given_on=datetime.date(2026, 6, 1)))
    assert response.status_code == 400
    assert "The Police Service has already given notice" in response.text
    assert WithdrawalNotice.objects.count() == 1


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (notice() | {"given_on_0": "32"}, "Enter a real date"),
        (notice() | {"given_on_0": "", "given_on_1": "", "given_on_2": ""}, "Enter the date notice was given"),
        (notice() | {"effective_on_0": "1", "effective_on_2": "2027"}, "Enter the month"),
    ],
)
def test_bad_dates_save_nothing(client, secretariat, police, data, message):
    client.force_login(secretariat)
    response = client.post(notice_url(police), data)
    assert response.status_code == 400
    assert message in response.text
    assert WithdrawalNotice.objects.count() == 0


def test_the_hint_says_the_partnerships_notice_period(client, secretariat, police, warwickshire):
    warwickshire.withdrawal_notice_months = 6
    warwickshire.save()
    client.force_login(secretariat)
    assert "Leave blank for 6 months after notice is given" in client.get(notice_url(police)).text


def test_a_body_of_another_partnership_is_not_found(client, secretariat, warwickshire, other_partnership):
    body = NominatingBodyFactory(partnership=other_partnership)
    client.force_login(secretariat)
    url = reverse("partnership:withdrawal-add", kwargs={"slug": warwickshire.slug, "pk": body.pk})
    assert client.get(url).status_code == 404
