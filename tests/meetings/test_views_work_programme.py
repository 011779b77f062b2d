"""The forward work programme's page."""

import datetime

import pytest
from django.urls import reverse

from meetings import services
from meetings.models import WorkProgrammeItem
from tests.factories import MeetingFactory
from tests.helpers import signed_in

D = datetime.date


def url(partnership, name="list", **kwargs):
    return reverse(f"work_programme:{name}", kwargs={"slug": partnership.slug, **kwargs})


@pytest.fixture
def march(warwickshire):
    return services.schedule_meeting(
        partnership=warwickshire, title="Board meeting", date=D(2027, 3, 16), start_time=datetime.time(14)
    )


def test_anonymous_visitor_is_sent_to_sign_in(client, warwickshire):
    assert client.get(url(warwickshire)).url.startswith(reverse("login"))


@pytest.mark.parametrize(("who", "status"), [("outsider", 404), ("member", 200), ("secretariat", 200), ("staff", 200)])
def test_who_reads_the_work_programme(client, request, warwickshire, who, status):
    signed_in(client, request.getfixturevalue(who))
    assert client.get(url(warwickshire)).status_code == status


@pytest.mark.parametrize(("who", "status"), [("outsider", 404), ("member", 403), ("chair", 403)])
def test_only_the_secretariat_plans(client, request, warwickshire, who, status):
    signed_in(client, request.getfixturevalue(who))
    assert client.post(url(warwickshire, "plan-year"), {"year": "2027"}).status_code == status
    assert client.get(url(warwickshire, "add")).status_code == status
    assert not WorkProgrammeItem.objects.exists()


def test_the_secretariat_adds_the_years_business_and_puts_an_item_on_the_agenda(
    client, secretariat, warwickshire, march
):
    signed_in(client, secretariat)
    response = client.post(url(warwickshire, "plan-year"), {"year": "2027"}, follow=True)
    assert "The recurring business of 2027 is in the work programme." in response.text
    assert "WP 16-03-27" in response.text
    q1 = WorkProgrammeItem.objects.get(title__endswith="Q1 2027")
    response = client.post(url(warwickshire, "put-on-agenda", pk=q1.pk), follow=True)
    assert "is on the agenda of Board meeting, 16 March 2027" in response.text
    assert march.agenda_items.filter(title=q1.title).exists()


def test_planning_for_another_partnerships_meeting_is_refused(client, secretariat, warwickshire, other_partnership):
    item = services.add_work_item(partnership=warwickshire, title="Road safety update", due_by=D(2027, 5, 1))
    elsewhere = MeetingFactory(partnership=other_partnership)
    signed_in(client, secretariat)
    response = client.post(url(warwickshire, "plan", pk=item.pk), {"meeting": elsewhere.pk}, follow=True)
    assert "Choose one of the partnership&#x27;s planned meetings." in response.text
    item.refresh_from_db()
    assert item.meeting is None


def test_an_unplanned_item_is_refused_a_place_on_an_agenda(client, secretariat, warwickshire):
    item = services.add_work_item(partnership=warwickshire, title="Road safety update", due_by=D(2027, 5, 1))
    signed_in(client, secretariat)
    response = client.post(url(warwickshire, "put-on-agenda", pk=item.pk), follow=True)
    assert "Plan it for a meeting first." in response.text


def test_adding_an_item_through_the_form(client, secretariat, warwickshire, march):
    signed_in(client, secretariat)
    data = {
        "title": "Road safety update",
        "purpose": "information",
        "presenter": "Road Safety Manager",
        "due_by_0": "1",
        "due_by_1": "3",
        "due_by_2": "2027",
        "meeting": str(march.pk),
    }
    assert client.post(url(warwickshire, "add"), data).status_code == 302
    item = WorkProgrammeItem.objects.get()
    assert (item.title, item.meeting, item.reference) == ("Road safety update", march, "WP 16-03-27")


def test_a_form_without_a_title_or_date_saves_nothing(client, secretariat, warwickshire):
    signed_in(client, secretariat)
    response = client.post(url(warwickshire, "add"), {"purpose": "decision"})
    assert response.status_code == 400
    assert "Enter what the item is" in response.text
    assert "Enter the date it must be considered by" in response.text
    assert not WorkProgrammeItem.objects.exists()


def test_the_page_costs_a_fixed_number_of_queries(client, secretariat, warwickshire, django_assert_max_num_queries):
    for n in range(10):
        meeting = MeetingFactory(partnership=warwickshire, date=D(2027, 1, 5) + datetime.timedelta(weeks=n))
        for m in range(4):
            services.add_work_item(
                partnership=warwickshire, title=f"Item {n}.{m}", due_by=D(2027, 12, 1), meeting=meeting
            )
    signed_in(client, secretariat)
    client.get(url(warwickshire))
    with django_assert_max_num_queries(9):
        assert client.get(url(warwickshire)).status_code == 200
