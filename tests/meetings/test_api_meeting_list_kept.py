"""The API's meeting list is kept for each caller (partnership/api/kept_lists.py): the same JSON
again without drawing it while no record changes, never another caller's, and a change or a
lost seat shows at once."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from rest_framework.authtoken.models import Token

from meetings.models import Meeting
from partnership.models import Member
from tests.factories import MeetingFactory
from tests.helpers import token_client as client_with_token

LIST = "/api/v1/meetings/"


def token_client(user):
    return client_with_token(Token.objects.create(user=user).key)


@pytest.fixture
def meetings(warwickshire):
    return [MeetingFactory(partnership=warwickshire, title=f"Board meeting {number}") for number in range(5)]


def test_the_next_reading_is_served_without_drawing_it(meetings, member, django_assert_max_num_queries):
    client = token_client(member)
    first = client.get(LIST)
    assert first.status_code == 200
    assert len(first.json()["results"]) == 5
    with django_assert_max_num_queries(1):  # the token and its user
        again = client.get(LIST)
    assert again.status_code == 200
    assert again.content == first.content
    assert again["Content-Type"] == "application/json"


def test_a_change_shows_at_once(meetings, member):
    client = token_client(member)
    client.get(LIST)
    Meeting.objects.filter(pk=meetings[0].pk).update(title="Extraordinary meeting")
    titles = [row["title"] for row in client.get(LIST).json()["results"]]
    assert "Extraordinary meeting" in titles


def test_a_change_through_the_api_shows_at_once(meetings, member, secretariat):
    client = token_client(member)
    client.get(LIST)
    changed = token_client(secretariat).patch(f"{LIST}{meetings[0].pk}/", {"title": "Renamed"}, format="json")
    assert changed.status_code == 200
    assert "Renamed" in [row["title"] for row in client.get(LIST).json()["results"]]


def test_a_member_whose_seat_ends_sees_no_meeting_at_once(meetings, member):
    client = token_client(member)
    assert len(client.get(LIST).json()["results"]) == 5
    Member.objects.filter(person__user=member).delete()
    assert client.get(LIST).json()["results"] == []


def test_each_caller_reads_a_list_of_their_own(meetings, member, outsider, other_partnership):
    MeetingFactory(partnership=other_partnership, title="Rugby board")
    assert len(token_client(member).get(LIST).json()["results"]) == 5
    theirs = token_client(outsider).get(LIST).json()["results"]
    assert [row["title"] for row in theirs] == ["Rugby board"]


def test_each_filter_is_a_list_of_its_own(meetings, member, warwickshire):
    client = token_client(member)
    client.get(LIST)
    MeetingFactory(partnership=warwickshire, title="Public meeting", is_public=True)
    assert [row["title"] for row in client.get(f"{LIST}?is_public=true").json()["results"]] == ["Public meeting"]


def test_a_refusal_is_not_kept(meetings, member):
    client = token_client(member)
    assert client.get(f"{LIST}?year=not-a-year").status_code == 400
    assert client.get(f"{LIST}?year=not-a-year").status_code == 400


def test_the_browsable_api_is_drawn_each_time(meetings, member):
    """It is a page of forms with the session's CSRF token: drawn for each request, like any page."""
    client = token_client(member)
    client.get(LIST, HTTP_ACCEPT="text/html")
    with CaptureQueriesContext(connection) as queries:
        page = client.get(LIST, HTTP_ACCEPT="text/html")
    assert page.status_code == 200
    assert any("meetings_meeting" in query["sql"] for query in queries.captured_queries)
