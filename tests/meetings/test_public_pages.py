"""The public's meeting pages: public meetings only, the agenda once circulated, and nothing
of a confidential item but its place and why it is exempt."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from meetings import services
from meetings.models import Meeting
from tests.factories import MeetingFactory

FUTURE = datetime.date(2027, 6, 15)


def list_url(partnership):
    return reverse("public_meetings:list", kwargs={"slug": partnership.slug})


def meeting_url(meeting):
    return reverse("public_meetings:meeting", kwargs={"slug": meeting.partnership.slug, "pk": meeting.pk})


@pytest.fixture
def public_meeting(warwickshire, chair, secretariat):
    meeting = services.schedule_meeting(
        partnership=warwickshire,
        title="Annual public meeting",
        date=FUTURE,
        start_time=datetime.time(18),
        is_public=True,
        place="Shire Hall, Warwick",
    )
    services.add_agenda_item(meeting=meeting, title="Community safety agreement", purpose="decision")
    services.add_agenda_item(
        meeting=meeting,
        title="Case review: family at Oak Road",
        is_confidential=True,
        confidential_reason="personal",
        presenter="Head of Safeguarding",
    )
    services.agree_agenda(meeting=meeting, by=chair)
    now = timezone.make_aware(datetime.datetime(2027, 6, 1, 10))
    services.circulate_agenda(meeting=meeting, by=secretariat, now=now)
    return Meeting.objects.get(pk=meeting.pk)


def test_the_public_reads_a_published_agenda_without_the_confidential_item(client, public_meeting):
    response = client.get(meeting_url(public_meeting))
    assert response.status_code == 200
    html = response.text
    assert "Community safety agreement" in html
    assert "Item taken in private." in html
    assert "Exempt: personal information" in html
    assert "Oak Road" not in html
    assert "Head of Safeguarding" not in html


def test_a_planned_public_meeting_shows_its_date_but_no_agenda_yet(client, warwickshire):
    meeting = services.schedule_meeting(
        partnership=warwickshire,
        title="Annual public meeting",
        date=FUTURE,
        start_time=datetime.time(18),
        is_public=True,
    )
    services.add_agenda_item(meeting=meeting, title="Draft item not yet agreed")
    html = client.get(meeting_url(meeting)).text
    assert "Tuesday 15 June 2027" in html
    assert "will be published here at least 5 working days before" in html
    assert "Draft item not yet agreed" not in html


def test_a_private_meeting_is_not_found(client, warwickshire):
    meeting = MeetingFactory(partnership=warwickshire, is_public=False, title="Private board meeting")
    assert client.get(meeting_url(meeting)).status_code == 404
    assert "Private board meeting" not in client.get(list_url(warwickshire)).text


def test_a_meeting_of_another_partnership_is_not_found_under_this_one(client, warwickshire, other_partnership):
    elsewhere = MeetingFactory(partnership=other_partnership, is_public=True)
    url = reverse("public_meetings:meeting", kwargs={"slug": warwickshire.slug, "pk": elsewhere.pk})
    assert client.get(url).status_code == 404


def test_the_list_splits_coming_and_past_meetings(client, warwickshire):
    MeetingFactory(
        partnership=warwickshire, is_public=True, title="Last year's meeting", date=datetime.date(2025, 6, 10)
    )
    MeetingFactory(partnership=warwickshire, is_public=True, title="Next year's meeting", date=FUTURE)
    response = client.get(list_url(warwickshire))
    assert [m.title for m in response.context["upcoming"]] == ["Next year's meeting"]
    assert [m.title for m in response.context["past"]] == ["Last year's meeting"]


def test_pages_cost_a_fixed_number_of_queries(client, public_meeting, django_assert_max_num_queries):
    for n in range(40):
        services.add_agenda_item(
            meeting=public_meeting,
            title=f"Item {n}",
            late_reason="Urgent",
            is_confidential=n % 2 == 0,
            confidential_reason="crime" if n % 2 == 0 else "",
        )
    for n in range(20):
        MeetingFactory(partnership=public_meeting.partnership, is_public=True, title=f"Meeting {n}")
    with django_assert_max_num_queries(7):  # the agenda (2) and its open papers with their files (3)
        assert client.get(meeting_url(public_meeting)).status_code == 200
    with django_assert_max_num_queries(4):  # the past meetings a page at a time
        assert client.get(list_url(public_meeting.partnership)).status_code == 200
