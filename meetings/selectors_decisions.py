"""The partnership's decision log: every decision it took, at a meeting or in writing, newest
first, searched and filtered the same way for the page and for its CSV download. One query for
the rows whatever their number (the meeting, item and proposal come with each row)."""

from dataclasses import dataclass

from django.db.models import Q, QuerySet

from partnership.models import Partnership

from .models import Decision


@dataclass(frozen=True)
class LogFilter:
    """What the reader asked for: words in the decision, a year, a method, an outcome."""

    words: str = ""
    year: int | None = None
    method: str = ""
    outcome: str = ""


def _matching_every_word(words: str) -> Q:
    """Each word must appear in the decision's text, its item's title or its proposal's title."""
    found = Q()
    for word in words.split():
        found &= (
            Q(text__icontains=word) | Q(agenda_item__title__icontains=word) | Q(written_proposal__title__icontains=word)
        )
    return found


def decision_log(partnership: Partnership, wanted: LogFilter | None = None) -> QuerySet[Decision]:
    wanted = wanted or LogFilter()
    decisions = Decision.objects.filter(partnership=partnership)
    if wanted.words:
        decisions = decisions.filter(_matching_every_word(wanted.words))
    if wanted.year is not None:
        decisions = decisions.filter(decided_on__year=wanted.year)
    if wanted.method:
        decisions = decisions.filter(method=wanted.method)
    if wanted.outcome:
        decisions = decisions.filter(outcome=wanted.outcome)
    return decisions.select_related("agenda_item__meeting", "written_proposal").order_by("-number")


def years_with_decisions(partnership: Partnership) -> list[int]:
    """The years the log can be filtered by, newest first."""
    return [day.year for day in Decision.objects.filter(partnership=partnership).dates("decided_on", "year", "DESC")]
