"""The public meetings calendar on the public site: the partnership's public meetings as
iCalendar, the same feed as the public API's, with nothing confidential or private in it."""

import datetime

from django.urls import reverse

from tests.factories import MeetingFactory
from tests.meetings.test_public_site_support import *  # noqa: F403
from tests.meetings.test_public_site_support import SECRET_TITLE, partnership_url


def unfolded(response) -> str:
    return response.content.decode().replace("\r\n ", "").replace("\r\n\t", "")


def test_the_calendar_lists_public_meetings_without_anything_confidential(client, published, warwickshire):
    meeting, _, _ = published
    meeting.online_link = "https://meet.example.org/members-only"
    meeting.save()
    MeetingFactory(partnership=warwickshire, is_public=False, title="Tasking group")
    response = client.get(partnership_url(warwickshire, "calendar"))
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert response["Content-Disposition"] == f'inline; filename="{warwickshire.slug}-meetings.ics"'
    calendar = unfolded(response)
    assert calendar.count("BEGIN:VEVENT") == 1
    assert "SUMMARY:Annual public meeting: " in calendar
    assert "Community safety agreement" in calendar
    assert "Taken in private (Exempt: personal information)" in calendar
    for secret in (SECRET_TITLE, "Oak Road", "members-only", "Tasking group"):
        assert secret not in calendar


def test_it_is_the_same_calendar_as_the_public_apis(client, published, warwickshire):
    site = client.get(partnership_url(warwickshire, "calendar")).content
    api = client.get(f"/api/v1/public/partnerships/{warwickshire.slug}/meetings.ics").content
    assert site == api


def test_an_unknown_partnership_has_no_calendar(client, db):
    assert client.get(reverse("public_meetings:calendar", kwargs={"slug": "nowhere"})).status_code == 404


def test_the_calendar_costs_the_same_queries_at_two_volumes(
    client, published, warwickshire, django_assert_max_num_queries
):
    url = partnership_url(warwickshire, "calendar")
    with django_assert_max_num_queries(5):
        assert client.get(url).status_code == 200
    for n in range(25):
        MeetingFactory(partnership=warwickshire, is_public=True, title=f"Meeting {n}", date=datetime.date(2027, 1, 5))
    with django_assert_max_num_queries(5):
        assert unfolded(client.get(url)).count("BEGIN:VEVENT") == 26
