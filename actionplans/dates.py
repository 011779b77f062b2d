"""When an action is due, read from the words a plan uses ("April 2007", "Ongoing", "by June
2008"). Only words that are essentially a date are read: prose that mentions a month keeps its
words and is flagged for the secretariat, since a month guessed out of a sentence is worse than
none."""

import calendar
import datetime
import re
from dataclasses import dataclass

EARLIEST_YEAR, LATEST_YEAR = 1900, 2100

MONTHS = {
    "january": 1, "jan": 1,
    "february": 2, "feb": 2,
    "march": 3, "mar": 3,
    "april": 4, "apr": 4,
    "may": 5,
    "june": 6, "jun": 6,
    "july": 7, "jul": 7,
    "august": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9,
    "october": 10, "oct": 10,
    "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}  # fmt: skip

_MONTH = "(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
# "by", "in", "end of", "by the end of", "before": words around a date that leave it a date.
_LEAD_IN = r"^(?:(?:by|in|before|due)\s+)?(?:(?:the\s+)?end\s+of\s+)?"
_MONTH_YEAR = re.compile(_LEAD_IN + _MONTH + r",?\s*(?P<year>\d{4})$")
_DAY_MONTH_YEAR = re.compile(
    _LEAD_IN + r"(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH + r",?\s*(?P<year>\d{4})$"
)
_SLASHED = re.compile(_LEAD_IN + r"(?P<day>\d{1,2})[/.](?P<month>\d{1,2})[/.](?P<year>\d{4}|\d{2})$")
_ISO = re.compile(_LEAD_IN + r"(?P<year>\d{4})-(?P<month>\d{1,2})-(?P<day>\d{1,2})(?:[ T]00:00(?::00)?)?$")
_ONGOING = re.compile(r"^ongoing$")


@dataclass(frozen=True)
class DueDate:
    due: datetime.date | None
    is_ongoing: bool
    needs_checking: bool
    words: str


def read_due(words: str, today: datetime.date | None = None) -> DueDate:
    """The date the words give: a month and year is the last day of that month, a day is that
    day (UK order, 12/01/2007 is 12 January), "Ongoing" is no date. `today` settles a
    two-digit year (07 is 2007 in 2026, 95 is 1995)."""
    kept = " ".join((words or "").split())
    text = kept.lower().rstrip(".;, ").strip()
    if not text:
        return DueDate(None, False, False, kept)
    if _ONGOING.match(text):
        return DueDate(None, True, False, kept)
    day = _read_day(text, today)
    if day is None:
        return DueDate(None, False, True, kept)
    return DueDate(day, False, False, kept)


def _read_day(text: str, today: datetime.date | None) -> datetime.date | None:
    if match := _MONTH_YEAR.match(text):
        return _end_of_month(int(match["year"]), MONTHS[match["month"]])
    if match := _DAY_MONTH_YEAR.match(text):
        return _day(int(match["year"]), MONTHS[match["month"]], int(match["day"]))
    if match := _SLASHED.match(text):
        year = int(match["year"])
        if len(match["year"]) == 2:
            year = _century_for(year, today)
        return _day(year, int(match["month"]), int(match["day"]))
    if match := _ISO.match(text):
        return _day(int(match["year"]), int(match["month"]), int(match["day"]))
    return None


def _century_for(year: int, today: datetime.date | None) -> int:
    this_year = (today or datetime.date.today()).year  # noqa: DTZ011 - only the century matters
    year += this_year // 100 * 100
    return year - 100 if year > this_year + 20 else year


def _day(year: int, month: int, day: int) -> datetime.date | None:
    if not EARLIEST_YEAR <= year <= LATEST_YEAR:
        return None
    try:
        return datetime.date(year, month, day)
    except ValueError:
        return None


# A date inside prose, for a milestone's words ("Draft to be considered by Delivery group in
# April 2008."): whole words only, and a four-digit year, so "may" or "Summer 2007" never count.
_MONTH_WORD = r"\b(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\b\.?"
_DAY_MONTH_YEAR_INSIDE = re.compile(
    r"\b(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH_WORD + r",?\s*(?P<year>\d{4})\b"
)
_MONTH_YEAR_INSIDE = re.compile(_MONTH_WORD + r",?\s*(?P<year>\d{4})\b")
_SLASHED_INSIDE = re.compile(r"\b(?P<day>\d{1,2})/(?P<month>\d{1,2})/(?P<year>\d{4})\b")
_ISO_INSIDE = re.compile(r"\b(?P<year>\d{4})-(?P<month>\d{1,2})-(?P<day>\d{1,2})\b")


def find_date_in(words: str) -> datetime.date | None:
    """The one date the words mention, read as read_due reads a cell: "in April 2008" is 30
    April 2008. None when they mention no date, or two different ones ("April 2008, or June
    2008"), since which one is meant is then the secretariat's to say."""
    text = " ".join((words or "").split()).lower()
    found: set[datetime.date | None] = set()

    def take(day: datetime.date | None):
        found.add(day)
        return " "  # a date read once is not read again by a shorter pattern

    text = _DAY_MONTH_YEAR_INSIDE.sub(lambda m: take(_day(int(m["year"]), MONTHS[m["month"]], int(m["day"]))), text)
    text = _MONTH_YEAR_INSIDE.sub(lambda m: take(_end_of_month(int(m["year"]), MONTHS[m["month"]])), text)
    text = _SLASHED_INSIDE.sub(lambda m: take(_day(int(m["year"]), int(m["month"]), int(m["day"]))), text)
    _ISO_INSIDE.sub(lambda m: take(_day(int(m["year"]), int(m["month"]), int(m["day"]))), text)
    return found.pop() if len(found) == 1 else None


def _end_of_month(year: int, month: int) -> datetime.date | None:
    if not EARLIEST_YEAR <= year <= LATEST_YEAR:
        return None
    return datetime.date(year, month, calendar.monthrange(year, month)[1])
