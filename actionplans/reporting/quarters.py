"""Calendar quarters as the report names them: "2027Q1" is 1 January to 31 March 2027."""

import dataclasses
import datetime
import re

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from partnership.errors import RuleBroken
from partnership.services.common import EARLIEST_YEAR, LATEST_YEAR, long_date

_QUARTER = re.compile(r"^(?P<year>\d{4})\s*-?\s*Q(?P<number>\d)$", re.IGNORECASE)
FORMAT_HINT = gettext_lazy("Give the quarter as a year and quarter number, such as 2027Q1 for January to March 2027.")


@dataclasses.dataclass(frozen=True, order=True)
class Quarter:
    year: int
    number: int  # 1 to 4

    @classmethod
    def containing(cls, day: datetime.date) -> "Quarter":
        return cls(day.year, (day.month - 1) // 3 + 1)

    @property
    def start(self) -> datetime.date:
        return datetime.date(self.year, 3 * self.number - 2, 1)

    @property
    def end(self) -> datetime.date:
        return self.next().start - datetime.timedelta(days=1)

    def next(self) -> "Quarter":
        return Quarter(self.year + 1, 1) if self.number == 4 else Quarter(self.year, self.number + 1)

    def __str__(self) -> str:
        return f"{self.year}Q{self.number}"

    @property
    def months(self) -> str:
        """ "January to March 2027"."""
        return _("%(first)s to %(last)s") % {"first": f"{self.start:%B}", "last": f"{self.end:%B %Y}"}

    @property
    def dates(self) -> str:
        """ "1 January 2027 to 31 March 2027"."""
        return _("%(first)s to %(last)s") % {"first": long_date(self.start), "last": long_date(self.end)}


def parse_quarter(text: str | None, *, field: str = "quarter") -> Quarter:
    """The quarter the words name ("2027Q1", "2027 q1", "2027-Q1"), or a RuleBroken saying how to write one."""
    words = (text or "").strip()
    match = _QUARTER.match(words)
    if not match:
        not_one = _('"%(words)s" is not a quarter. %(hint)s') % {"words": words, "hint": FORMAT_HINT}
        raise RuleBroken(not_one if words else str(FORMAT_HINT), field=field)
    year, number = int(match["year"]), int(match["number"])
    if not 1 <= number <= 4:
        raise RuleBroken(
            _("A year has four quarters, Q1 to Q4: %(words)s is not one of them. %(hint)s")
            % {"words": words, "hint": FORMAT_HINT},
            field=field,
        )
    if not EARLIEST_YEAR <= year <= LATEST_YEAR:
        raise RuleBroken(
            _("Give a quarter of a year between %(earliest)s and %(latest)s.")
            % {"earliest": EARLIEST_YEAR, "latest": LATEST_YEAR},
            field=field,
        )
    return Quarter(year, number)


def check_reportable(quarter: Quarter, *, today: datetime.date, field: str = "quarter") -> None:
    """A report covers a quarter that has begun: one still to come has nothing to report."""
    if quarter.start > today:
        raise RuleBroken(
            _("%(quarter)s (%(months)s) has not started yet: choose this quarter or an earlier one.")
            % {"quarter": quarter, "months": quarter.months},
            field=field,
        )


def quarters_from(first: Quarter, last: Quarter) -> list[Quarter]:
    """Every quarter from `first` to `last`, the latest first (as the report page offers them)."""
    found = []
    quarter = first
    while quarter <= last:
        found.append(quarter)
        quarter = quarter.next()
    return found[::-1]
