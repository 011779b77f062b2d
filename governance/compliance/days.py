"""Dates the compliance rules share: the calendar year asked about, the day its point-in-time
rules are judged on, and how many working days late something went. When something is due soon
is each rule's window (governance/deadlines/windows.py), shared with the reminders."""

import datetime
from dataclasses import dataclass

from partnership.calendar import calendar_for


@dataclass(frozen=True)
class ComplianceYear:
    year: int
    today: datetime.date

    @property
    def first(self) -> datetime.date:
        return datetime.date(self.year, 1, 1)

    @property
    def last(self) -> datetime.date:
        return datetime.date(self.year, 12, 31)

    @property
    def on(self) -> datetime.date:
        """The day terms of office, reviews and codes are judged on: today, or the year's last day
        for a year that is over."""
        return min(self.today, self.last)

    @property
    def is_over(self) -> bool:
        return self.today > self.last

    @property
    def has_begun(self) -> bool:
        return self.today >= self.first


def working_days_late(partnership, due: datetime.date, done: datetime.date) -> int:
    """Working days from `due` to `done` (0 when on time), counted by the calendar."""
    return calendar_for(partnership).working_days_between(due, done)
