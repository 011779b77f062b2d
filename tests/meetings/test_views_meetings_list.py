"""A partnership's meetings a year at a time, against its minimums (ToR 5.1)."""

import datetime
from zoneinfo import ZoneInfo

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from meetings import services
from partnership.models import ClosureDay
from tests.factories import MeetingFactory
from tests.helpers import signed_in

LONDON = ZoneInfo("Europe/London")


def at(day: datetime.date, hour: int = 10) -> datetime.datetime:
    return datetime.datetime.combine(day, datetime.time(hour), tzinfo=LONDON)


@pytest.fixture(autouse=True)
def today(time_machine):
    time_machine.move_to(at(datetime.date(2027, 5, 20)), tick=False)
    return datetime.date(2027, 5, 20)


def list_url(partnership, year=None):
    url = reverse("meetings:list", kwargs={"slug": partnership.slug})
    return f"{url}?year={year}" if year else url


def schedule(partnership, day, **details):
    return services.schedule_meeting(
        partnership=partnership,
        title=details.pop("title", "Board meeting"),
        date=day,
        start_time=datetime.time(14),
        **details,
    )


def test_anonymous_visitor_is_sent_to_sign_in(client, warwickshire):
    response = client.get(list_url(warwickshire))
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


@pytest.mark.parametrize(
    ("who", "status"), [("outsider", 404), ("member", 200), ("chair", 200), ("secretariat", 200), ("staff", 200)]
)
def test_who_reads_the_meetings(client, request, warwickshire, who, status):
    signed_in(client, request.getfixturevalue(who))
    assert client.get(list_url(warwickshire)).status_code == status


@pytest.mark.parametrize(("who", "offered"), [("member", False), ("chair", False), ("secretariat", True)])
def test_only_the_secretariat_is_offered_scheduling(client, request, warwickshire, who, offered):
    signed_in(client, request.getfixturevalue(who))
    page = client.get(list_url(warwickshire)).text
    assert ("Schedule a meeting" in page) is offered
    assert ("Closure days" in page) is offered


def test_the_year_defaults_to_this_year_and_links_to_its_neighbours(client, member, warwickshire):
    signed_in(client, member)
    page = client.get(list_url(warwickshire)).text
    assert "Meetings in 2027" in page
    assert 'href="?year=2026"' in page
    assert 'href="?year=2028"' in page


def test_each_meeting_with_its_agenda_deadline_and_circulation(client, member, chair, secretariat, warwickshire):
    june = schedule(warwickshire, datetime.date(2027, 6, 15), is_public=True, group="Board")
    schedule(warwickshire, datetime.date(2027, 9, 14), title="Performance sub-group", group="Performance sub-group")
    services.agree_agenda(meeting=june, by=chair)
    services.circulate_agenda(meeting=june, by=secretariat, now=at(datetime.date(2027, 6, 9)))
    schedule(warwickshire, datetime.date(2028, 3, 14), title="Next year's meeting")
    signed_in(client, member)
    response = client.get(list_url(warwickshire, 2027))
    page = response.text
    assert [meeting.title for meeting in response.context["year"].meetings] == [
        "Board meeting",
        "Performance sub-group",
    ]
    assert "Next year" not in page
    assert "Tue 15 June" in page
    assert "Due 8 June 2027" in page
    assert "Circulated 9 June 2027, late" in page
    assert "Agenda circulated" in page
    assert "Due 7 September 2027" in page
    assert "Not circulated yet" in page
    assert "Public" in page
    assert "Private" in page


def test_an_agenda_past_its_day_is_overdue(client, secretariat, warwickshire, time_machine):
    schedule(warwickshire, datetime.date(2027, 6, 15))
    time_machine.move_to(at(datetime.date(2027, 6, 10)), tick=False)
    signed_in(client, secretariat)
    assert "Not circulated: overdue" in client.get(list_url(warwickshire)).text


def test_a_year_short_of_its_minimums_is_warned_about(client, member, warwickshire):
    schedule(warwickshire, datetime.date(2027, 6, 15))
    schedule(warwickshire, datetime.date(2027, 9, 14))
    signed_in(client, member)
    page = client.get(list_url(warwickshire)).text
    assert "2027 has 2 meetings in the diary; the partnership meets at least 5 times a year (ToR 5.1)." in page
    assert "2027 has 0 meetings held in public; the partnership holds at least 1 a year." in page


def test_a_year_that_meets_its_minimums_has_no_warning(client, member, warwickshire):
    for month in (2, 4, 6, 9):
        schedule(warwickshire, datetime.date(2027, month, 8))
    schedule(warwickshire, datetime.date(2027, 11, 9), title="Annual public meeting", is_public=True)
    signed_in(client, member)
    page = client.get(list_url(warwickshire)).text
    assert "5 in 2027, of at least 5 a year" in page
    assert "1 in 2027, of at least 1 a year" in page
    assert "govuk-warning-text" not in page


def test_an_empty_year(client, member, warwickshire):
    signed_in(client, member)
    assert "No meetings are in the diary for 2031." in client.get(list_url(warwickshire, 2031)).text


@pytest.mark.parametrize("year", ["twenty", "1066", "99999"])
def test_a_year_out_of_reason_is_not_found(client, member, warwickshire, year):
    signed_in(client, member)
    assert client.get(list_url(warwickshire, year)).status_code == 404


def test_another_partnerships_meetings_are_not_listed(client, member, warwickshire, other_partnership):
    MeetingFactory(partnership=other_partnership, title="Rugby board", date=datetime.date(2027, 6, 15))
    signed_in(client, member)
    assert "Rugby board" not in client.get(list_url(warwickshire)).text


def queries_for_list(client, partnership) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(list_url(partnership, 2027)).status_code == 200
    return len(captured)


def test_the_list_costs_the_same_at_20_meetings(client, secretariat, warwickshire, django_assert_max_num_queries):
    ClosureDay.objects.create(partnership=warwickshire, date=datetime.date(2027, 12, 24), name="Christmas Eve")
    signed_in(client, secretariat)
    MeetingFactory(partnership=warwickshire, date=datetime.date(2027, 1, 12))
    small = queries_for_list(client, warwickshire)
    start = datetime.date(2027, 1, 19)
    for week in range(19):
        MeetingFactory(partnership=warwickshire, date=start + datetime.timedelta(weeks=2 * week), is_public=week == 3)
    assert warwickshire.meetings.filter(date__year=2027).count() == 20
    assert queries_for_list(client, warwickshire) == small
    # Session, user, partnership, its meetings, its closure days, and the roles the rules read.
    with django_assert_max_num_queries(7):
        client.get(list_url(warwickshire, 2027))
