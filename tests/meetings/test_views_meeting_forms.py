"""Scheduling a meeting and changing its details, with the deadlines checked first."""

import datetime
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse

from meetings import services
from meetings.models import Meeting, MeetingStatus
from tests.factories import MemberFactory
from tests.helpers import signed_in

LONDON = ZoneInfo("Europe/London")
MEETING = {
    "title": "Board meeting",
    "group": "Board",
    "date_0": "5",
    "date_1": "1",
    "date_2": "2027",
    "start_time": "14:00",
    "end_time": "16:00",
    "place": "Shire Hall, Warwick",
    "online_link": "https://meet.example.org/board",
    "webcast_link": "",
    "is_public": "on",
}


@pytest.fixture(autouse=True)
def today(time_machine):
    time_machine.move_to(datetime.datetime(2026, 11, 25, 10, tzinfo=LONDON), tick=False)


def add_url(partnership):
    return reverse("meetings:meeting-add", kwargs={"slug": partnership.slug})


def edit_url(meeting):
    return reverse("meetings:meeting-edit", kwargs={"slug": meeting.partnership.slug, "pk": meeting.pk})


@pytest.fixture
def meeting(warwickshire):
    return services.schedule_meeting(
        partnership=warwickshire,
        title="Board meeting",
        date=datetime.date(2027, 6, 15),
        start_time=datetime.time(14),
        end_time=datetime.time(16),
    )


def test_anonymous_visitor_is_sent_to_sign_in(client, warwickshire):
    response = client.get(add_url(warwickshire))
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


@pytest.mark.parametrize(
    ("who", "status"), [("outsider", 404), ("member", 403), ("chair", 403), ("secretariat", 200), ("staff", 200)]
)
def test_who_may_schedule_and_change_meetings(client, request, meeting, who, status):
    signed_in(client, request.getfixturevalue(who))
    assert client.get(add_url(meeting.partnership)).status_code == status
    assert client.get(edit_url(meeting)).status_code == status


@pytest.mark.parametrize("who", ["member", "chair"])
def test_a_member_schedules_nothing(client, request, warwickshire, who):
    signed_in(client, request.getfixturevalue(who))
    response = client.post(add_url(warwickshire), MEETING)
    assert response.status_code == 403
    assert "Only the partnership&#x27;s secretariat can schedule and change its meetings." in response.text
    assert not Meeting.objects.exists()


def test_checking_the_dates_shows_the_warnings_and_saves_nothing(client, secretariat, warwickshire):
    signed_in(client, secretariat)
    response = client.post(add_url(warwickshire), {**MEETING, "check": ""})
    assert response.status_code == 200
    page = response.text
    assert "Deadlines for a meeting on Tuesday 5 January 2027" in page
    assert "Thursday 24 December 2026" in page  # agenda due
    assert "the last working day before Christmas Day" in page
    assert "The notice period takes in Christmas Day" in page
    assert "Tuesday 19 January 2027" in page  # minutes due
    assert 'value="Shire Hall, Warwick"' in page
    assert not Meeting.objects.exists()


def test_a_date_without_trouble_says_so(client, secretariat, warwickshire):
    signed_in(client, secretariat)
    data = {**MEETING, "date_0": "15", "date_1": "6", "check": ""}
    page = client.post(add_url(warwickshire), data).text
    assert "Tuesday 8 June 2027" in page
    assert "No holiday or closure day makes these deadlines fall badly." in page


def test_checking_an_invalid_form_shows_its_errors(client, secretariat, warwickshire):
    signed_in(client, secretariat)
    response = client.post(add_url(warwickshire), {**MEETING, "date_0": "", "check": ""})
    assert response.status_code == 400
    assert "Deadlines for a meeting" not in response.text
    assert not Meeting.objects.exists()


def test_the_secretariat_schedules_a_meeting(client, secretariat, warwickshire):
    signed_in(client, secretariat)
    response = client.post(add_url(warwickshire), {**MEETING, "save": ""}, follow=True)
    meeting = Meeting.objects.get()
    assert response.redirect_chain == [(meeting.get_absolute_url(), 302)]
    assert "Meeting scheduled" in response.text
    assert "the last working day before Christmas Day" in response.text  # shown again on its page
    assert (meeting.date, meeting.start_time, meeting.end_time) == (
        datetime.date(2027, 1, 5),
        datetime.time(14),
        datetime.time(16),
    )
    assert meeting.is_public
    assert meeting.online_link == "https://meet.example.org/board"
    assert meeting.agenda_items.count() == 4


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        ({**MEETING, "title": ""}, "title", "Enter the title of the meeting"),
        ({**MEETING, "date_0": "31", "date_1": "2"}, "date", "Enter a real date"),
        ({**MEETING, "date_2": "27"}, "date", "The year must include 4 numbers"),
        ({**MEETING, "start_time": ""}, "start_time", "Enter the time the meeting starts"),
        ({**MEETING, "start_time": "2pm"}, "start_time", "Enter a time using the 24-hour clock"),
        ({**MEETING, "online_link": "not a link"}, "online_link", "Enter a web address in the correct format"),
        ({**MEETING, "end_time": "13:00"}, "end_time", "The meeting must end after it starts."),
    ],
)
def test_an_invalid_meeting_saves_nothing(client, secretariat, warwickshire, data, field, message):
    signed_in(client, secretariat)
    response = client.post(add_url(warwickshire), data)
    assert response.status_code == 400
    assert message in response.text
    assert field in response.context["form"].errors
    assert "Error: Schedule a meeting" in response.text
    assert not Meeting.objects.exists()


def test_the_form_shows_the_meeting_and_its_dates(client, secretariat, meeting):
    signed_in(client, secretariat)
    page = client.get(edit_url(meeting)).text
    assert 'value="14:00"' in page
    assert 'value="16:00"' in page
    assert 'value="2027"' in page
    assert "Tuesday 8 June 2027" in page


def test_the_secretariat_moves_a_meeting(client, secretariat, meeting):
    signed_in(client, secretariat)
    data = {**MEETING, "date_0": "22", "date_1": "6", "title": "Board meeting (moved)", "is_public": ""}
    response = client.post(edit_url(meeting), data, follow=True)
    assert "Meeting saved" in response.text
    assert "Tuesday 15 June 2027" in response.text  # the agenda is now due on the old date
    meeting.refresh_from_db()
    assert (meeting.title, meeting.date, meeting.is_public) == (
        "Board meeting (moved)",
        datetime.date(2027, 6, 22),
        False,
    )


def test_checking_a_new_date_saves_nothing(client, secretariat, meeting):
    signed_in(client, secretariat)
    response = client.post(edit_url(meeting), {**MEETING, "check": ""})
    assert "Deadlines for a meeting on Tuesday 5 January 2027" in response.text
    meeting.refresh_from_db()
    assert meeting.date == datetime.date(2027, 6, 15)


def test_a_held_meeting_keeps_its_date(client, secretariat, meeting):
    Meeting.objects.filter(pk=meeting.pk).update(status=MeetingStatus.HELD)
    signed_in(client, secretariat)
    response = client.post(edit_url(meeting), {**MEETING, "date_0": "22", "date_1": "6"})
    assert response.status_code == 400
    assert "The meeting has been held, so its date and time stay as they were." in response.text
    assert "date" in response.context["form"].errors
    meeting.refresh_from_db()
    assert meeting.date == datetime.date(2027, 6, 15)


def test_a_meeting_of_another_partnership_is_not_found(client, secretariat, meeting, other_partnership):
    signed_in(client, secretariat)
    url = reverse("meetings:meeting-edit", kwargs={"slug": other_partnership.slug, "pk": meeting.pk})
    assert client.get(url).status_code == 404


def _edit_url(meeting):
    return reverse("meetings:meeting-edit", args=[meeting.partnership.slug, meeting.pk])


def test_the_secretariat_names_who_presides_in_the_chairs_absence(client, secretariat, meeting, police):
    vice = MemberFactory(nominating_body=police)
    signed_in(client, secretariat)
    data = {**MEETING, "date_0": "15", "date_1": "6", "presiding_member": str(vice.pk), "save": ""}
    response = client.post(_edit_url(meeting), data)
    assert response.status_code == 302
    meeting.refresh_from_db()
    assert meeting.presiding_member == vice


def test_only_a_current_member_of_the_partnership_presides(client, secretariat, meeting, other_partnership):
    stranger = MemberFactory(nominating_body__partnership=other_partnership)
    signed_in(client, secretariat)
    data = {**MEETING, "date_0": "15", "date_1": "6", "presiding_member": str(stranger.pk), "save": ""}
    response = client.post(_edit_url(meeting), data)
    assert response.status_code == 400
    assert "Choose one of the partnership&#x27;s current members" in response.content.decode()
    meeting.refresh_from_db()
    assert meeting.presiding_member is None
