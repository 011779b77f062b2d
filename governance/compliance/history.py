"""The history of late agendas and late minutes over every year, newest first: for each, the
meeting, the day it was due, the day it went out (or that it has not), and how many working
days late. Two queries whatever the number of meetings (the meetings with their minutes, and
the partnership's closure days)."""

import datetime
from dataclasses import dataclass

from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from partnership.models import Partnership

from .days import working_days_late

AGENDA, MINUTES = _("Agenda and papers"), _("Minutes")
# The longest notice a partnership can set is 30 working days (partnership.models), well
# within three months however the holidays fall.
AGENDA_NOTICE_AT_MOST = datetime.timedelta(days=92)


@dataclass(frozen=True)
class LateRecord:
    kind: str
    meeting: object
    due: datetime.date
    sent: datetime.date | None  # None: not sent (an agenda never sent, minutes still to go out)
    working_days_late: int
    url: str


def _agenda_record(meeting, today) -> LateRecord | None:
    due = meeting.agenda_due
    if meeting.agenda_circulated_late:
        sent = timezone.localdate(meeting.agenda_circulated_at)
    elif meeting.agenda_circulated_at is None and today > due:
        sent = None  # late until the meeting, then held without it: counted up to the meeting
    else:
        return None
    until = sent or min(today, meeting.date)
    url = meeting.get_absolute_url()
    return LateRecord(AGENDA, meeting, due, sent, working_days_late(meeting.partnership, due, until), url)


def _minutes_record(meeting, today) -> LateRecord | None:
    minutes = getattr(meeting, "minutes", None)  # None when they have not been started
    circulated = minutes.circulated_at if minutes is not None else None
    due = meeting.minutes_due
    if minutes is not None and minutes.is_late:
        sent = timezone.localdate(circulated)
    elif circulated is None and today > due:
        sent = None
    else:
        return None
    url = reverse("minutes:minutes", kwargs={"slug": meeting.partnership.slug, "pk": meeting.pk})
    return LateRecord(MINUTES, meeting, due, sent, working_days_late(meeting.partnership, due, sent or today), url)


def late_history(partnership: Partnership, *, today: datetime.date | None = None, year: int | None = None):
    """Late and overdue agendas and minutes, newest meeting first (the minutes before the
    agenda of the same meeting); only `year`'s meetings when it is given."""
    today = today or timezone.localdate()
    could_be_late = (
        Q(agenda_circulated_late=True)
        | Q(minutes__is_late=True)
        # Not sent and the meeting has passed: whether it is late depends on working days.
        | Q(date__lt=today, agenda_circulated_at__isnull=True)
        | Q(date__lt=today, minutes__circulated_at__isnull=True)
        # An agenda still to go out for a meeting to come: overdue if its notice has begun.
        | Q(date__gte=today, date__lte=today + AGENDA_NOTICE_AT_MOST, agenda_circulated_at__isnull=True)
    )
    meetings = partnership.meetings.filter(could_be_late).select_related("minutes").order_by("-date", "-start_time")
    if year is not None:
        meetings = meetings.filter(date__year=year)
    records = []
    for meeting in meetings:
        for record in (_minutes_record(meeting, today), _agenda_record(meeting, today)):
            if record is not None:
                records.append(record)
    return records
