"""When a reminder counted in months or weeks opens. A reminder starts on a working day of the
partnership's calendar (a window opening on a Saturday or a bank holiday opens on the next
working day), so the months are counted here and the days through the calendar."""

import datetime

from dateutil.relativedelta import relativedelta

from partnership.models import Partnership

from .context import SweepContext


def first_working_day_from(ctx: SweepContext, partnership: Partnership, day: datetime.date) -> datetime.date:
    """`day` itself when it is a working day, else the next working day."""
    return ctx.calendar(partnership).step(day - datetime.timedelta(days=1), 1)


def months_before(ctx: SweepContext, partnership: Partnership, day: datetime.date, months: int) -> datetime.date:
    """The first working day from the date `months` months before `day`."""
    return first_working_day_from(ctx, partnership, day - relativedelta(months=months))


def iso_week(day: datetime.date) -> str:
    """The ISO week of `day`, e.g. 2026-W49: the occasion of a weekly reminder."""
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def first_working_day_of_week(ctx: SweepContext, partnership: Partnership) -> datetime.date:
    """The first working day of today's ISO week: when a weekly reminder goes out (the Tuesday
    after an Easter Monday)."""
    year, week, _ = ctx.today.isocalendar()
    return first_working_day_from(ctx, partnership, datetime.date.fromisocalendar(year, week, 1))
