"""Rows the compliance tests share: meetings of 2026 whose agenda and minutes went out on
time, late or not at all. Dates are Warwickshire's (England and Wales bank holidays, 5 working
days' notice, 10 working days for the minutes); the clock stands at Wednesday 25 November 2026."""

import datetime
from zoneinfo import ZoneInfo

from meetings.models import Meeting, MeetingStatus, Minutes, MinutesStatus
from tests.factories import MeetingFactory

LONDON = ZoneInfo("Europe/London")


def at(day: datetime.date, hour: int = 10) -> datetime.datetime:
    return datetime.datetime(day.year, day.month, day.day, hour, tzinfo=LONDON)


def meeting(partnership, day: datetime.date, *, sent: datetime.date | None = None, **fields) -> Meeting:
    """A meeting on `day`, its agenda sent on `sent` (late when after it was due), held when past."""
    held = day < datetime.date(2026, 11, 25)
    made = MeetingFactory(
        partnership=partnership, date=day, status=MeetingStatus.HELD if held else MeetingStatus.PLANNED, **fields
    )
    if sent is not None:
        made.agenda_circulated_at = at(sent)
        made.agenda_circulated_late = sent > made.agenda_due
        if not held:
            made.status = MeetingStatus.AGENDA_CIRCULATED
        made.save()
    return made


def minutes(held: Meeting, *, circulated: datetime.date | None = None, approved: datetime.date | None = None):
    """The meeting's minutes: circulated on `circulated` (late when after they were due),
    approved on `approved` only, or a draft."""
    if circulated is not None:
        return Minutes.objects.create(
            meeting=held,
            status=MinutesStatus.CIRCULATED,
            approved_at=at(circulated, 9),
            circulated_at=at(circulated),
            is_late=circulated > held.minutes_due,
            version=1,
        )
    if approved is not None:
        return Minutes.objects.create(meeting=held, status=MinutesStatus.APPROVED, approved_at=at(approved), version=1)
    return Minutes.objects.create(meeting=held)
