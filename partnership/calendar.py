"""Working days, the one place where the partnership's deadlines are counted (CONVENTIONS.md:
deadlines are data, not code). Saturdays, Sundays, the bank holidays of the partnership's
nation (from the `holidays` package, substitute days included) and the partnership's own
closure days are not working days.

Two ways of counting, since councils read "5 working days" differently:
- plain (the default): the agenda is due N working days before the meeting, so a Tuesday
  meeting with no holidays near has its agenda due the Tuesday before; minutes are due N
  working days after, so a Thursday meeting has them due the Thursday two weeks later;
- clear days: the day of sending and the day of the meeting are both excluded, so N whole
  working days lie between them, one more step each way."""

import datetime
import functools
from dataclasses import dataclass, field
from functools import cache

import holidays
from django.utils.formats import date_format

# The `holidays` package names the United Kingdom's subdivisions; Wales keeps England's days.
SUBDIVISION = {"england-and-wales": "ENG", "scotland": "SCT", "northern-ireland": "NIR"}
CHRISTMAS_WEEK = range(20, 32)


@cache
@functools.cache
def _bank_holidays_of_year(nation: str, year: int) -> dict[datetime.date, str]:
    # Worked out once per nation and year for the process: a deadline steps over many days.
    return dict(holidays.country_holidays("GB", subdiv=SUBDIVISION[nation], years=year))


def _bank_holiday(nation: str, day: datetime.date) -> str | None:
    return _bank_holidays_of_year(nation, day.year).get(day)


@dataclass(frozen=True)
class WorkingDayCalendar:
    nation: str
    closure_days: dict[datetime.date, str] = field(default_factory=dict)
    clear_days: bool = False

    def day_off(self, day: datetime.date) -> str | None:
        """Why `day` is not a working day ("Saturday", "Good Friday", a closure day), or None."""
        if day.weekday() >= 5:
            return date_format(day, "l")
        return _bank_holiday(self.nation, day) or self.closure_days.get(day)

    def is_working_day(self, day: datetime.date) -> bool:
        # Asked for every day a deadline steps over: no weekday name is written to answer it.
        return day.weekday() < 5 and _bank_holiday(self.nation, day) is None and day not in self.closure_days

    def step(self, day: datetime.date, working_days: int) -> datetime.date:
        """The date `working_days` working days after `day` (before it when negative)."""
        direction = 1 if working_days >= 0 else -1
        remaining = abs(working_days)
        while remaining:
            day += datetime.timedelta(days=direction)
            if self.is_working_day(day):
                remaining -= 1
        return day

    def first_working_day_from(self, day: datetime.date) -> datetime.date:
        """`day` itself when it is a working day, else the next working day: when a reminder
        whose window opens on a Saturday or a bank holiday goes out."""
        while not self.is_working_day(day):
            day += datetime.timedelta(days=1)
        return day

    def working_days_between(self, first: datetime.date, last: datetime.date) -> int:
        """How many working days `last` comes after `first` (0 when it does not): the working
        days after `first` and before `last`, and `last` itself as one more even when it is a
        day off, since something due on a Friday and done on the Saturday is a working day
        late."""
        if last <= first:
            return 0
        between = sum(
            1 for offset in range(1, (last - first).days) if self.is_working_day(first + datetime.timedelta(offset))
        )
        return between + 1

    def _steps(self, working_days: int) -> int:
        return working_days + 1 if self.clear_days else working_days

    def before(self, day: datetime.date, working_days: int) -> datetime.date:
        """The last day something is on time when due `working_days` before `day`."""
        return self.step(day, -self._steps(working_days))

    def after(self, day: datetime.date, working_days: int) -> datetime.date:
        """The last day something is on time when due within `working_days` after `day`."""
        return self.step(day, self._steps(working_days))

    def days_off_between(self, first: datetime.date, last: datetime.date) -> list[tuple[datetime.date, str]]:
        """Holidays and closure days (not weekends) from `first` to `last`, both included."""
        found = []
        day = first
        while day <= last:
            reason = self.day_off(day)
            if reason and day.weekday() < 5:
                found.append((day, reason))
            day += datetime.timedelta(days=1)
        return found


def calendar_for(partnership) -> WorkingDayCalendar:
    """The partnership's calendar, read once per partnership object: meetings listed from
    `partnership.meetings` share that object, so a page of them costs one query for the
    closure days whatever their number."""
    if "_closure_days" not in partnership.__dict__:
        partnership.__dict__["_closure_days"] = {day.date: day.name for day in partnership.closure_days.all()}
    return WorkingDayCalendar(
        nation=partnership.nation,
        closure_days=partnership.__dict__["_closure_days"],
        clear_days=partnership.count_clear_days,
    )


def agenda_due(partnership, meeting_date: datetime.date) -> datetime.date:
    """The last day the agenda and papers can go out on time (ToR 5.7)."""
    return calendar_for(partnership).before(meeting_date, partnership.agenda_notice_working_days)


def minutes_due(partnership, meeting_date: datetime.date) -> datetime.date:
    """The last day approved minutes can be circulated on time (ToR 5.8)."""
    return calendar_for(partnership).after(meeting_date, partnership.minutes_working_days)


def _long(day: datetime.date) -> str:
    return f"{day:%A %-d %B %Y}"


def deadline_warnings(partnership, meeting_date: datetime.date) -> list[str]:
    """What the planner should know before choosing `meeting_date`: a meeting on a day off, an
    agenda due on the last working day before a holiday (Christmas Eve, say) or in Christmas
    week, and holidays that fall in the notice or minutes period and push a deadline."""
    calendar = calendar_for(partnership)
    warnings = []
    reason = calendar.day_off(meeting_date)
    if reason:
        warnings.append(f"{_long(meeting_date)} is not a working day ({reason}).")
    due = calendar.before(meeting_date, partnership.agenda_notice_working_days)
    next_day = due + datetime.timedelta(days=1)
    holiday_after = _bank_holiday(partnership.nation, next_day) or calendar.closure_days.get(next_day)
    if holiday_after:
        warnings.append(
            f"The agenda would be due on {_long(due)}, the last working day before {holiday_after}: "
            "papers would have to be ready before the break."
        )
    elif due.month == 12 and due.day in CHRISTMAS_WEEK:
        warnings.append(f"The agenda would be due on {_long(due)}, in the week before Christmas.")
    for label, first, last in (
        ("notice period", due, meeting_date),
        ("time for the minutes", meeting_date, calendar.after(meeting_date, partnership.minutes_working_days)),
    ):
        days_off = calendar.days_off_between(first + datetime.timedelta(days=1), last)
        if days_off:
            names = ", ".join(f"{name} ({day:%-d %B})" for day, name in days_off)
            warnings.append(f"The {label} takes in {names}, so it runs longer than usual.")
    return warnings
