"""A member's own iCalendar feed: the page that gives out its private address (login needed,
made and replaced by POST), and the feed at that address, read without a login, holding every
meeting of the user's partnerships, private ones included, and never an agenda item."""

import datetime

import icalendar
import pytest
from django.urls import reverse

from meetings import services
from meetings.models import CalendarFeed
from partnership.models import Member
from tests.factories import MeetingFactory
from tests.helpers import signed_in

PAGE = "/calendar/"
TUESDAY = datetime.date(2027, 6, 15)
SECRET_TITLE = "Case review: family at Oak Road"
OPEN_TITLE = "Community safety agreement"


@pytest.fixture(autouse=True)
def site_url(settings):
    settings.SITE_URL = "https://governance.example.org"


def feed_path(key):
    return reverse("feeds:calendar", kwargs={"key": key})


def events_of(response) -> list[icalendar.Event]:
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return list(icalendar.Calendar.from_ical(response.content).walk("VEVENT"))


def summaries(response) -> list[str]:
    return [str(event["SUMMARY"]) for event in events_of(response)]


@pytest.fixture
def private_meeting(warwickshire):
    meeting = services.schedule_meeting(
        partnership=warwickshire,
        title="Board meeting",
        date=TUESDAY,
        start_time=datetime.time(14),
        end_time=datetime.time(16),
        place="Shire Hall, Warwick",
    )
    services.add_agenda_item(meeting=meeting, title=OPEN_TITLE, purpose="decision")
    services.add_agenda_item(meeting=meeting, title=SECRET_TITLE, is_confidential=True, confidential_reason="personal")
    return meeting


@pytest.fixture
def public_meeting(warwickshire):
    return services.schedule_meeting(
        partnership=warwickshire,
        title="Annual public meeting",
        date=datetime.date(2027, 7, 13),
        start_time=datetime.time(18),
        is_public=True,
    )


@pytest.fixture
def rugby_meeting(other_partnership):
    return services.schedule_meeting(
        partnership=other_partnership, title="Rugby private board", date=TUESDAY, start_time=datetime.time(10)
    )


def key_of(user) -> str:
    return CalendarFeed.objects.get(user=user).key


# The page.


def test_the_page_needs_a_login(client, db):
    response = client.get(PAGE)
    assert response.status_code == 302
    assert response["Location"].startswith(f"{reverse('login')}?next=")
    assert client.post(PAGE).status_code == 302
    assert not CalendarFeed.objects.exists()


def test_reverse_names_the_page():
    assert reverse("feeds:mine") == PAGE


def test_a_first_visit_offers_an_address_without_making_one(client, member):
    response = signed_in(client, member).get(PAGE)
    assert response.status_code == 200
    assert "Create my calendar address" in response.text
    assert "Warwickshire Safer Communities Partnership" in response.text
    assert not CalendarFeed.objects.exists()


def test_creating_the_address_shows_it_and_says_it_is_private(client, member):
    signed_in(client, member)
    response = client.post(PAGE)
    assert response.status_code == 302
    assert response["Location"] == PAGE
    key = key_of(member)
    assert len(key) >= 43
    page = client.get(PAGE).text
    assert f"https://governance.example.org/calendar/{key}.ics" in page
    assert f"webcal://governance.example.org/calendar/{key}.ics" in page
    assert "This address is private." in page
    assert "How to subscribe" in page
    assert "Make a new address" in page
    assert "Create my calendar address" not in page


def test_making_a_new_address_stops_the_old_one_working(client, member, private_meeting):
    signed_in(client, member)
    client.post(PAGE)
    old = key_of(member)
    assert client.get(feed_path(old)).status_code == 200
    response = client.post(PAGE, follow=True)
    assert "The old one no longer works" in response.text
    new = key_of(member)
    assert new != old
    assert CalendarFeed.objects.count() == 1
    assert client.get(feed_path(old)).status_code == 404
    assert summaries(client.get(feed_path(new))) == ["Warwickshire Safer Communities Partnership: Board meeting"]


def test_each_login_has_its_own_address(client, member, secretariat):
    signed_in(client, member).post(PAGE)
    signed_in(client, secretariat).post(PAGE)
    assert key_of(member) != key_of(secretariat)


# The feed.


def test_an_unknown_address_is_404(client, member):
    assert client.get(feed_path("not-a-key-anyone-was-given")).status_code == 404


def test_the_feed_holds_every_meeting_of_the_members_partnerships(
    client, member, private_meeting, public_meeting, rugby_meeting
):
    signed_in(client, member).post(PAGE)
    client.logout()  # a calendar server has no session
    response = client.get(feed_path(key_of(member)))
    events = events_of(response)
    assert [str(event["SUMMARY"]) for event in events] == [
        "Warwickshire Safer Communities Partnership: Board meeting",
        "Warwickshire Safer Communities Partnership: Annual public meeting",
    ]
    board = events[0]
    assert str(board["UID"]) == f"meeting-{private_meeting.pk}@governance.example.org"
    url = f"https://governance.example.org/partnerships/warwickshire-scp/meetings/{private_meeting.pk}/"
    assert str(board["URL"]) == url
    assert str(board["LOCATION"]) == "Shire Hall, Warwick"
    assert board.decoded("DTSTART") == datetime.datetime(2027, 6, 15, 13, 0, tzinfo=datetime.UTC)
    assert board.decoded("DTEND") == datetime.datetime(2027, 6, 15, 15, 0, tzinfo=datetime.UTC)
    assert str(board["DESCRIPTION"]) == url
    assert "Rugby" not in response.content.decode()
    assert response["Cache-Control"] == "private, no-cache"


def test_no_agenda_item_reaches_the_feed(client, member, private_meeting, chair, secretariat):
    services.agree_agenda(meeting=private_meeting, by=chair)
    services.circulate_agenda(meeting=private_meeting, by=secretariat)
    signed_in(client, member).post(PAGE)
    body = client.get(feed_path(key_of(member))).content.decode()
    assert "Oak Road" not in body
    assert SECRET_TITLE not in body
    assert OPEN_TITLE not in body
    assert "Apologies for absence" not in body


def test_the_outsider_sees_only_their_own_partnership(client, outsider, private_meeting, rugby_meeting):
    signed_in(client, outsider).post(PAGE)
    assert summaries(client.get(feed_path(key_of(outsider)))) == [
        "Rugby Community Safety Partnership: Rugby private board"
    ]


def test_meetings_from_a_year_ago_onwards(client, member, warwickshire):
    MeetingFactory(partnership=warwickshire, title="Last year's board", date=datetime.date(2025, 11, 25))
    MeetingFactory(partnership=warwickshire, title="Too long ago", date=datetime.date(2025, 11, 24))
    signed_in(client, member).post(PAGE)
    assert summaries(client.get(feed_path(key_of(member)))) == [
        "Warwickshire Safer Communities Partnership: Last year's board"
    ]


def test_an_event_follows_its_meeting_when_it_moves(client, member, private_meeting):
    signed_in(client, member).post(PAGE)
    (before,) = events_of(client.get(feed_path(key_of(member))))
    services.reschedule_meeting(meeting=private_meeting, date=datetime.date(2027, 6, 22))
    (after,) = events_of(client.get(feed_path(key_of(member))))
    assert str(after["UID"]) == str(before["UID"])
    assert after["SEQUENCE"] > before["SEQUENCE"]
    assert after.decoded("DTSTART").date() == datetime.date(2027, 6, 22)


def test_a_member_who_has_left_gets_an_empty_calendar(client, member, private_meeting):
    signed_in(client, member).post(PAGE)
    Member.objects.filter(person__user=member).update(active=False)
    assert events_of(client.get(feed_path(key_of(member)))) == []


def test_a_deactivated_login_has_no_calendar(client, member, private_meeting):
    signed_in(client, member).post(PAGE)
    key = key_of(member)
    member.is_active = False
    member.save()
    client.logout()
    assert client.get(feed_path(key)).status_code == 404


def test_the_feed_costs_a_fixed_number_of_queries(client, member, warwickshire, django_assert_max_num_queries):
    signed_in(client, member).post(PAGE)
    client.logout()
    for week in range(20):
        services.schedule_meeting(
            partnership=warwickshire,
            title=f"Board meeting {week}",
            date=datetime.date(2027, 1, 5) + datetime.timedelta(weeks=week),
            start_time=datetime.time(14),
            is_public=week % 2 == 0,
        )
    path = feed_path(key_of(member))
    # The address, the user's seats (2), the meetings, their history.
    with django_assert_max_num_queries(5):
        response = client.get(path)
    assert len(events_of(response)) == 20
