"""The public read, no login: published meetings with their public agendas, and the iCalendar
feed of public meetings. Nothing confidential, private or unpublished ever appears."""

import datetime

import icalendar
import pytest
import time_machine
from django.utils import timezone

from meetings import services
from meetings.api.public import PublishedMeetingsView
from meetings.models import Meeting
from tests.factories import MeetingFactory
from tests.helpers import client_for

TUESDAY = datetime.date(2027, 6, 15)
SECRET_TITLE = "Case review: family at Oak Road"
SECRET_PRESENTER = "Head of Safeguarding"
SECRET_DESCRIPTION = "Three referrals since March"


def meetings_url(partnership):
    return f"/api/v1/public/partnerships/{partnership.slug}/meetings/"


def calendar_url(partnership):
    return f"/api/v1/public/partnerships/{partnership.slug}/meetings.ics"


@pytest.fixture(autouse=True)
def site_url(settings):
    settings.SITE_URL = "https://governance.example.org"


def schedule(partnership, *, title="Annual public meeting", date=TUESDAY, is_public=True, **details):
    return services.schedule_meeting(
        partnership=partnership, title=title, date=date, start_time=datetime.time(18), is_public=is_public, **details
    )


def circulate(meeting, chair, secretariat):
    services.agree_agenda(meeting=meeting, by=chair)
    now = timezone.make_aware(datetime.datetime.combine(meeting.date - datetime.timedelta(days=14), datetime.time(10)))
    services.circulate_agenda(meeting=meeting, by=secretariat, now=now)
    return Meeting.objects.get(pk=meeting.pk)


@pytest.fixture
def published(warwickshire, chair, secretariat):
    meeting = schedule(warwickshire, end_time=datetime.time(20), place="Shire Hall, Warwick")
    services.add_agenda_item(meeting=meeting, title="Community safety agreement", purpose="decision")
    services.add_agenda_item(
        meeting=meeting,
        title=SECRET_TITLE,
        description=SECRET_DESCRIPTION,
        presenter=SECRET_PRESENTER,
        is_confidential=True,
        confidential_reason="personal",
    )
    return circulate(meeting, chair, secretariat)


@pytest.fixture
def unpublished(warwickshire, chair, secretariat):
    """A planned public meeting, a private one with its agenda out, and another partnership's."""
    planned = schedule(warwickshire, title="Autumn public meeting", date=datetime.date(2027, 10, 12), place="Rugby")
    services.add_agenda_item(meeting=planned, title="Draft item not yet agreed")
    private = schedule(warwickshire, title="Private board", date=datetime.date(2027, 6, 22), is_public=False)
    services.add_agenda_item(meeting=private, title="Budget options for the private board")
    circulate(private, chair, secretariat)
    return planned, private


def test_the_public_reads_a_published_meeting_without_logging_in(warwickshire, published):
    response = client_for().get(meetings_url(warwickshire))
    assert response.status_code == 200
    body = response.json()
    assert (body["count"], body["previous"], body["next"]) == (1, None, None)
    (meeting,) = body["results"]
    assert meeting == {
        "id": published.pk,
        "title": "Annual public meeting",
        "group": "Board",
        "date": "2027-06-15",
        "start_time": "18:00:00",
        "end_time": "20:00:00",
        "place": "Shire Hall, Warwick",
        "webcast_link": "",
        "status": "agenda_circulated",
        "agenda_circulated_at": "2027-06-01T10:00:00+01:00",
        "url": f"https://governance.example.org/p/warwickshire-scp/meetings/{published.pk}/",
        "agenda_items": meeting["agenda_items"],
        "minutes": None,
    }
    assert [item.get("title") for item in meeting["agenda_items"]][:5] == [
        "Apologies for absence",
        "Declarations of interest",
        "Minutes of the last meeting",
        "Matters arising",
        "Community safety agreement",
    ]
    assert meeting["agenda_items"][4] == {
        "position": 5,
        "confidential": False,
        "title": "Community safety agreement",
        "purpose": "decision",
        "description": "",
        "presenter": "",
        "leading_partners": "",
        "is_late": False,
    }


def test_a_confidential_item_shows_only_its_place_and_why(warwickshire, published):
    response = client_for().get(meetings_url(warwickshire))
    (meeting,) = response.json()["results"]
    assert meeting["agenda_items"][5] == {"position": 6, "confidential": True, "reason": "Exempt: personal information"}
    for secret in (SECRET_TITLE, "Oak Road", SECRET_PRESENTER, SECRET_DESCRIPTION):
        assert secret not in response.text


def test_private_unpublished_and_other_partnerships_meetings_never_appear(
    warwickshire, other_partnership, published, unpublished
):
    MeetingFactory(partnership=other_partnership, title="Rugby public meeting", is_public=True)
    response = client_for().get(meetings_url(warwickshire))
    assert [meeting["title"] for meeting in response.json()["results"]] == ["Annual public meeting"]
    for hidden in ("Autumn public meeting", "Draft item not yet agreed", "Private board", "Budget options", "Rugby"):
        assert hidden not in response.text


def test_credentials_change_nothing(warwickshire, published, unpublished, secretariat):
    """The public list is the same for the secretariat: it never reads from a private query."""
    public = client_for().get(meetings_url(warwickshire)).json()
    assert client_for(secretariat).get(meetings_url(warwickshire)).json() == public


def test_the_list_is_paginated(warwickshire, chair, secretariat, monkeypatch):
    for week in range(3):
        circulate(schedule(warwickshire, date=TUESDAY + datetime.timedelta(weeks=week)), chair, secretariat)
    monkeypatch.setattr(PublishedMeetingsView.pagination_class, "page_size", 2)
    body = client_for().get(meetings_url(warwickshire)).json()
    assert body["count"] == 3
    assert len(body["results"]) == 2
    assert body["next"].endswith("?page=2")


def test_an_unknown_partnership_is_not_found(db):
    assert client_for().get("/api/v1/public/partnerships/nowhere/meetings/").status_code == 404
    response = client_for().get("/api/v1/public/partnerships/nowhere/meetings.ics")
    assert response.status_code == 404
    assert response.json() == {"detail": "No Partnership matches the given query."}


def test_the_list_runs_a_fixed_number_of_queries(warwickshire, chair, secretariat, django_assert_num_queries):
    for week in range(12):
        meeting = schedule(warwickshire, date=TUESDAY + datetime.timedelta(weeks=week))
        for number in range(3):
            services.add_agenda_item(meeting=meeting, title=f"Item {number}")
        services.add_agenda_item(
            meeting=meeting, title="Private matter", is_confidential=True, confidential_reason="crime"
        )
        circulate(meeting, chair, secretariat)
    client = client_for()
    # The partnership, the count, the page of meetings, its open items, its confidential ones.
    with django_assert_num_queries(5):
        response = client.get(meetings_url(warwickshire))
    assert response.json()["count"] == 12
    assert all(len(meeting["agenda_items"]) == 8 for meeting in response.json()["results"])


# The iCalendar feed.


def events_of(response):
    calendar = icalendar.Calendar.from_ical(response.content)
    return {str(event["summary"]): event for event in calendar.walk("VEVENT")}


def test_the_feed_lists_the_public_meetings(warwickshire, published, unpublished):
    response = client_for().get(calendar_url(warwickshire))
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    events = events_of(response)
    assert set(events) == {
        "Annual public meeting: Warwickshire Safer Communities Partnership",
        "Autumn public meeting: Warwickshire Safer Communities Partnership",
    }
    event = events["Annual public meeting: Warwickshire Safer Communities Partnership"]
    assert str(event["uid"]) == f"meeting-{published.pk}@governance.example.org"
    # 18:00 to 20:00 on a June evening in Warwick is 17:00 to 19:00 UTC.
    assert event.decoded("dtstart") == datetime.datetime(2027, 6, 15, 17, tzinfo=datetime.UTC)
    assert event.decoded("dtend") == datetime.datetime(2027, 6, 15, 19, tzinfo=datetime.UTC)
    assert str(event["location"]) == "Shire Hall, Warwick"
    assert str(event["url"]) == f"https://governance.example.org/p/warwickshire-scp/meetings/{published.pk}/"
    assert "5. Community safety agreement" in str(event["description"])
    assert "6. Taken in private (Exempt: personal information)" in str(event["description"])
    planned = events["Autumn public meeting: Warwickshire Safer Communities Partnership"]
    assert str(planned["location"]) == "Rugby"
    assert "Apologies" not in str(planned["description"])  # its agenda is not out yet


def test_the_feed_never_holds_anything_confidential_private_or_unpublished(warwickshire, published, unpublished):
    text = client_for().get(calendar_url(warwickshire)).content.decode()
    for hidden in ("Oak Road", SECRET_PRESENTER, SECRET_DESCRIPTION, "Draft item", "Private board", "Budget options"):
        assert hidden not in text.replace("\r\n ", "")  # unfolded, so a long line cannot hide a match


def test_an_event_keeps_its_uid_and_moves_with_its_meeting(warwickshire, published, secretariat):
    (event,) = events_of(client_for().get(calendar_url(warwickshire))).values()
    with time_machine.travel(timezone.now() + datetime.timedelta(hours=1)):
        services.reschedule_meeting(meeting=published, date=datetime.date(2027, 6, 22), place="Riversley Park")
    (moved,) = events_of(client_for().get(calendar_url(warwickshire))).values()
    assert str(moved["uid"]) == str(event["uid"]) == f"meeting-{published.pk}@governance.example.org"
    assert moved.decoded("dtstart") == datetime.datetime(2027, 6, 22, 17, tzinfo=datetime.UTC)
    assert str(moved["location"]) == "Riversley Park"
    assert moved["sequence"] > event["sequence"]
    assert moved.decoded("last-modified") > event.decoded("last-modified")


def test_the_feed_runs_a_fixed_number_of_queries(warwickshire, chair, secretariat, django_assert_num_queries):
    for week in range(10):
        meeting = schedule(warwickshire, date=TUESDAY + datetime.timedelta(weeks=week))
        services.add_agenda_item(
            meeting=meeting, title="Private matter", is_confidential=True, confidential_reason="crime"
        )
        if week % 2:
            circulate(meeting, chair, secretariat)
    client = client_for()
    # The partnership, the meetings, their open items, confidential ones, and their history.
    with django_assert_num_queries(5):
        response = client.get(calendar_url(warwickshire))
    assert len(events_of(response)) == 1  # one summary shared by the ten
    assert response.content.count(b"BEGIN:VEVENT") == 10
