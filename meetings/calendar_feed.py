"""Meetings as an iCalendar feed (RFC 5545), built with the `icalendar` package. Each meeting is
one event whose UID never changes, so a subscribed calendar moves the event when the meeting
moves; SEQUENCE and LAST-MODIFIED come from the meeting's history and tell it which copy is
newer. Times are written in UTC, which every calendar reads without a VTIMEZONE."""

import datetime
from dataclasses import dataclass
from urllib.parse import urlsplit

from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar, Event

PRODID = "-//Partnership governance//Meetings//EN"


@dataclass(frozen=True)
class MeetingEvent:
    """What a feed says about one meeting; `agenda` is the public lines of its agenda, if out."""

    meeting_id: int
    summary: str
    date: datetime.date
    start_time: datetime.time
    end_time: datetime.time | None
    place: str
    url: str
    saves: int
    last_modified: datetime.datetime
    agenda: tuple[str, ...] = ()


def public_meeting_url(slug: str, meeting_id: int) -> str:
    """The meeting's page on the public site, as a full address."""
    return f"{settings.SITE_URL}{reverse('public_meetings:meeting', kwargs={'slug': slug, 'pk': meeting_id})}"


def _at(day: datetime.date, time: datetime.time) -> datetime.datetime:
    local = timezone.make_aware(datetime.datetime.combine(day, time), timezone.get_default_timezone())
    return local.astimezone(datetime.UTC)


def meeting_uid(meeting_id: int) -> str:
    return f"meeting-{meeting_id}@{urlsplit(settings.SITE_URL).hostname or 'localhost'}"


def build_calendar(*, name: str, events: list[MeetingEvent]) -> bytes:
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", settings.TIME_ZONE)
    for meeting in events:
        event = Event()
        event.add("uid", meeting_uid(meeting.meeting_id))
        # Without a METHOD, DTSTAMP is the time the event last changed (RFC 5545 3.8.7.2), so
        # the feed reads the same until a meeting does.
        event.add("dtstamp", meeting.last_modified)
        event.add("last-modified", meeting.last_modified)
        event.add("sequence", max(meeting.saves - 1, 0))
        event.add("summary", meeting.summary)
        event.add("dtstart", _at(meeting.date, meeting.start_time))
        if meeting.end_time is not None:
            event.add("dtend", _at(meeting.date, meeting.end_time))
        if meeting.place:
            event.add("location", meeting.place)
        event.add("url", meeting.url)
        description = [*meeting.agenda, "", meeting.url] if meeting.agenda else [meeting.url]
        event.add("description", "\n".join(description))
        calendar.add_component(event)
    return calendar.to_ical()
