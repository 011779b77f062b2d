"""Each rule's window: the day its reminder opens and the day the thing is due. The reminder
sweep (this package) sends on the days of a window, and the compliance dashboard
(governance/compliance) reads "due soon" on the very same days, so an email saying "due soon"
never meets a dashboard saying "met". The periods are counted here, in working days or in
months; the working days themselves through the partnership's calendar (partnership/calendar.py).
A window counted in months opens on a working day: one opening on a Saturday or a bank holiday
opens on the next working day."""

import datetime
from dataclasses import dataclass

from dateutil.relativedelta import relativedelta

from partnership.calendar import calendar_for
from partnership.models import Partnership

# Agenda and papers (ToR 5.7): the secretariat is reminded from 2 working days before they are due.
AGENDA_REMIND_WORKING_DAYS = 2
# Minutes (ToR 5.8): the secretariat, and whoever chaired, from 3 working days before.
MINUTES_REMIND_WORKING_DAYS = 3
# An action's milestone: its owner from 5 working days before.
MILESTONE_REMIND_WORKING_DAYS = 5
# A chair's or vice chair's term (ToR 5.2): from 2 months before it ends, while nobody follows.
TERM_ENDING_NOTICE_MONTHS = 2
# The yearly reviews of the terms of reference (ToR 10) and of skills: from 1 month before.
REVIEW_NOTICE_MONTHS = 1
# A nominating body's withdrawal (ToR 9): from 2 months before it takes effect.
WITHDRAWAL_NOTICE_MONTHS = 2


@dataclass(frozen=True)
class Window:
    """From `opens_on` to `due_on`, both included: the days a reminder goes out and the
    dashboard reads "due soon"."""

    opens_on: datetime.date
    due_on: datetime.date

    def is_open(self, day: datetime.date) -> bool:
        return self.opens_on <= day <= self.due_on


def _working_days_before(partnership: Partnership, due: datetime.date, working_days: int) -> Window:
    return Window(calendar_for(partnership).step(due, -working_days), due)


def _months_before(partnership: Partnership, due: datetime.date, months: int) -> Window:
    return Window(first_working_day_from(partnership, due - relativedelta(months=months)), due)


def agenda_window(meeting) -> Window:
    return _working_days_before(meeting.partnership, meeting.agenda_due, AGENDA_REMIND_WORKING_DAYS)


def minutes_window(meeting) -> Window:
    return _working_days_before(meeting.partnership, meeting.minutes_due, MINUTES_REMIND_WORKING_DAYS)


def milestone_window(partnership: Partnership, due: datetime.date) -> Window:
    return _working_days_before(partnership, due, MILESTONE_REMIND_WORKING_DAYS)


def term_ending_window(partnership: Partnership, ends_on: datetime.date) -> Window:
    return _months_before(partnership, ends_on, TERM_ENDING_NOTICE_MONTHS)


def review_window(partnership: Partnership, review_on: datetime.date) -> Window:
    return _months_before(partnership, review_on, REVIEW_NOTICE_MONTHS)


def withdrawal_window(partnership: Partnership, effective_on: datetime.date) -> Window:
    return _months_before(partnership, effective_on, WITHDRAWAL_NOTICE_MONTHS)


def working_day_after(partnership: Partnership, day: datetime.date) -> datetime.date:
    """The first working day after `day`: when "late" or "in force" notices start."""
    return calendar_for(partnership).step(day, 1)


def first_working_day_from(partnership: Partnership, day: datetime.date) -> datetime.date:
    """`day` itself when it is a working day, else the next working day."""
    return calendar_for(partnership).first_working_day_from(day)


def monthly_repeat(partnership: Partnership, first: datetime.date, today: datetime.date) -> tuple[int, datetime.date]:
    """For a prompt first due on `first` and repeated every month until it is answered: which
    repeat is the latest to have opened by `today` (0 for the first), and the working day it
    opened on. A repeat opens on the same day of a later month, or the next working day."""
    months = relativedelta(today, first)
    repeat = max(months.years * 12 + months.months, 0)
    opens = first_working_day_from(partnership, first + relativedelta(months=repeat))
    if repeat and opens > today:  # this month's repeat waits for a working day: last month's still stands
        repeat -= 1
        opens = first_working_day_from(partnership, first + relativedelta(months=repeat))
    return repeat, opens


def iso_week(day: datetime.date) -> str:
    """The ISO week of `day`, e.g. 2026-W49: the occasion of a weekly reminder."""
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def first_working_day_of_week(partnership: Partnership, today: datetime.date) -> datetime.date:
    """The first working day of `today`'s ISO week: when a weekly reminder goes out (the Tuesday
    after an Easter Monday)."""
    year, week, _ = today.isocalendar()
    return first_working_day_from(partnership, datetime.date.fromisocalendar(year, week, 1))
