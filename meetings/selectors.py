"""Read queries the meeting pages share, each a fixed number of queries whatever the number of
meetings or items. Meetings are listed from `partnership.meetings`, so every meeting shares the
one partnership object and the calendar reads its closure days once (partnership/calendar.py)."""

import datetime
from dataclasses import dataclass

from partnership.models import Partnership

from .models import AgendaItem, Meeting


def meetings_in_year(partnership: Partnership, year: int) -> list[Meeting]:
    return list(partnership.meetings.filter(date__year=year).order_by("date", "start_time", "pk"))


def agenda_of(meeting: Meeting) -> list[AgendaItem]:
    """The agenda in order; each item shares `meeting`, and names who accepted it if late."""
    return list(
        meeting.agenda_items.select_related("chair_accepted_by__person")
        .prefetch_related("papers")
        .order_by("position", "pk")
    )


@dataclass(frozen=True)
class YearOfMeetings:
    """A year's meetings measured against the partnership's minimums (ToR 5.1)."""

    partnership: Partnership
    year: int
    meetings: list[Meeting]

    @property
    def count(self) -> int:
        return len(self.meetings)

    @property
    def public_count(self) -> int:
        return sum(1 for meeting in self.meetings if meeting.is_public)

    @property
    def shortfalls(self) -> list[str]:
        """What the year's meetings cannot reach, in a sentence each."""
        found = []
        least = self.partnership.min_meetings_per_year
        if self.count < least:
            found.append(
                f"{self.year} has {self.count} meeting{'s' if self.count != 1 else ''} in the diary; "
                f"the partnership meets at least {least} time{'s' if least != 1 else ''} a year (ToR 5.1)."
            )
        least_public = self.partnership.min_public_meetings_per_year
        if self.public_count < least_public:
            found.append(
                f"{self.year} has {self.public_count} meeting{'s' if self.public_count != 1 else ''} held in public; "
                f"the partnership holds at least {least_public} a year."
            )
        return found


def year_of_meetings(partnership: Partnership, year: int) -> YearOfMeetings:
    return YearOfMeetings(partnership=partnership, year=year, meetings=meetings_in_year(partnership, year))


def circulation_overdue(meeting: Meeting, today: datetime.date) -> bool:
    """The agenda has not gone out and its day has passed, before a meeting still to come."""
    return not meeting.is_circulated and meeting.agenda_due < today <= meeting.date
