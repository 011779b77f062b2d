"""The partnership's own closure days, which its deadlines do not count as working days."""

import datetime

import pytest
from django.urls import reverse

from meetings import services
from partnership.models import ClosureDay
from tests.helpers import signed_in

DAY = {"date_0": "24", "date_1": "12", "date_2": "2026", "name": "Christmas Eve"}


def url(partnership):
    return reverse("partnership:closure-days", kwargs={"slug": partnership.slug})


def test_anonymous_visitor_is_sent_to_sign_in(client, warwickshire):
    response = client.get(url(warwickshire))
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


@pytest.mark.parametrize(
    ("who", "status"), [("outsider", 404), ("member", 403), ("chair", 403), ("secretariat", 200), ("staff", 200)]
)
def test_who_keeps_the_closure_days(client, request, warwickshire, who, status):
    signed_in(client, request.getfixturevalue(who))
    assert client.get(url(warwickshire)).status_code == status


@pytest.mark.parametrize("who", ["member", "outsider"])
def test_others_neither_add_nor_remove(client, request, warwickshire, who):
    day = ClosureDay.objects.create(partnership=warwickshire, date=datetime.date(2026, 12, 31), name="New Year's Eve")
    signed_in(client, request.getfixturevalue(who))
    assert client.post(url(warwickshire), DAY).status_code in (403, 404)
    assert client.post(url(warwickshire), {"remove": day.pk}).status_code in (403, 404)
    assert list(ClosureDay.objects.values_list("name", flat=True)) == ["New Year's Eve"]


def test_the_secretariat_adds_a_closure_day(client, secretariat, warwickshire):
    signed_in(client, secretariat)
    response = client.post(url(warwickshire), DAY, follow=True)
    assert response.redirect_chain == [(url(warwickshire), 302)]
    assert "Christmas Eve (24 December 2026) added as a closure day." in response.text
    assert "Thursday 24 December 2026" in response.text
    day = ClosureDay.objects.get()
    assert (day.partnership, day.date, day.name) == (warwickshire, datetime.date(2026, 12, 24), "Christmas Eve")


def test_a_closure_day_moves_a_deadline(client, secretariat, warwickshire):
    meeting = services.schedule_meeting(
        partnership=warwickshire, title="Board", date=datetime.date(2027, 1, 5), start_time=datetime.time(14)
    )
    assert meeting.agenda_due == datetime.date(2026, 12, 24)
    signed_in(client, secretariat)
    client.post(url(warwickshire), DAY)
    page = client.get(meeting.get_absolute_url()).text
    assert "Wednesday 23 December 2026" in page


def test_one_closure_day_a_date(client, secretariat, warwickshire):
    ClosureDay.objects.create(partnership=warwickshire, date=datetime.date(2026, 12, 24), name="Christmas Eve")
    signed_in(client, secretariat)
    response = client.post(url(warwickshire), {**DAY, "name": "Office party"})
    assert response.status_code == 400
    assert "24 December 2026 is already a closure day: Christmas Eve." in response.text
    assert list(ClosureDay.objects.values_list("name", flat=True)) == ["Christmas Eve"]


def test_the_same_date_in_another_partnership_is_fine(client, secretariat, warwickshire, other_partnership):
    ClosureDay.objects.create(partnership=other_partnership, date=datetime.date(2026, 12, 24), name="Christmas Eve")
    signed_in(client, secretariat)
    assert client.post(url(warwickshire), DAY).status_code == 302
    assert ClosureDay.objects.filter(partnership=warwickshire).count() == 1


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({**DAY, "name": ""}, "Enter the name of the day"),
        ({**DAY, "date_0": "", "date_1": "", "date_2": ""}, "Enter the date the offices are closed"),
        ({**DAY, "date_0": "32"}, "Enter a real date"),
    ],
)
def test_an_invalid_closure_day_saves_nothing(client, secretariat, warwickshire, data, message):
    signed_in(client, secretariat)
    response = client.post(url(warwickshire), data)
    assert response.status_code == 400
    assert message in response.text
    assert not ClosureDay.objects.exists()


def test_the_secretariat_removes_a_closure_day(client, secretariat, warwickshire):
    day = ClosureDay.objects.create(partnership=warwickshire, date=datetime.date(2026, 12, 24), name="Christmas Eve")
    signed_in(client, secretariat)
    response = client.post(url(warwickshire), {"remove": day.pk}, follow=True)
    assert "Christmas Eve (24 December 2026) removed: it is a working day again." in response.text
    assert not ClosureDay.objects.exists()


@pytest.mark.parametrize("remove", ["abc", ""])
def test_removing_nothing_is_not_found(client, secretariat, warwickshire, remove):
    signed_in(client, secretariat)
    assert client.post(url(warwickshire), {"remove": remove}).status_code == 404


def test_another_partnerships_closure_day_is_not_removed(client, secretariat, warwickshire, other_partnership):
    day = ClosureDay.objects.create(partnership=other_partnership, date=datetime.date(2026, 12, 24), name="Eve")
    signed_in(client, secretariat)
    assert client.post(url(warwickshire), {"remove": day.pk}).status_code == 404
    assert ClosureDay.objects.filter(pk=day.pk).exists()
