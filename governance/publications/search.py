"""Searching what partnerships have published. On PostgreSQL: full-text search over a vector
weighted title first, text second (the GIN index of migration 0006 is on the same vector),
ranked, with the matching passage as the snippet. On SQLite, which has no full-text vector:
every word must appear, in any case, in the title or the text, newest first, with the passage
around the first match as the snippet. Snippets are escaped; only the match is marked."""

import re
from dataclasses import dataclass

from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank, SearchVector
from django.db import connection
from django.db.models import Q, QuerySet
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from ..models_publications import Publication
from .clean_text import without_control_characters

CONFIG = "english"
MAX_QUERY_LENGTH = 200
SNIPPET_CHARS = 240
# Characters that never occur in published text mark where a match starts and ends, so the
# whole snippet can be escaped before the marks become <mark> elements.
START, STOP = "\x02", "\x03"
RESULT_FIELDS = (
    "pk",
    "kind",
    "title",
    "summary",
    "path",
    "published_at",
    "meeting_id",
    "partnership__name",
    "meeting__date",
)


def search_vector() -> SearchVector:
    """The vector the index is built on (migration 0006): change both together."""
    return SearchVector("title", weight="A", config=CONFIG) + SearchVector("text", weight="B", config=CONFIG)


def uses_full_text_search() -> bool:
    return connection.vendor == "postgresql"


def search_publications(query: str, *, partnership_id: int | None = None, kind: str = "") -> QuerySet:
    """The publications matching `query`, best first, with `snippet_source` to turn into a
    snippet (`snippet`); of one partnership and one kind when given."""
    query = without_control_characters(query)
    fields = [*RESULT_FIELDS] if uses_full_text_search() else [*RESULT_FIELDS, "text"]
    rows = Publication.objects.select_related("partnership", "meeting").only(*fields)
    if partnership_id is not None:
        rows = rows.filter(partnership_id=partnership_id)
    if kind:
        rows = rows.filter(kind=kind)
    if uses_full_text_search():
        return _full_text(rows, query)
    return _every_word(rows, query)


def _full_text(rows: QuerySet, query: str) -> QuerySet:
    search_query = SearchQuery(query, search_type="websearch", config=CONFIG)
    vector = search_vector()
    return (
        rows.annotate(
            rank=SearchRank(vector, search_query),
            snippet_source=SearchHeadline(
                "text",
                search_query,
                config=CONFIG,
                start_sel=START,
                stop_sel=STOP,
                max_words=35,
                min_words=15,
                max_fragments=2,
                fragment_delimiter=" … ",
            ),
        )
        .annotate(matches=vector)
        .filter(matches=search_query)
        .order_by("-rank", "-published_at", "-pk")
    )


def words_of(query: str) -> list[str]:
    return [word for word in without_control_characters(query).split() if word]


def _every_word(rows: QuerySet, query: str) -> QuerySet:
    for word in words_of(query):
        rows = rows.filter(Q(title__icontains=word) | Q(text__icontains=word))
    return rows.order_by("-published_at", "-pk")


@dataclass(frozen=True)
class SearchResult:
    title: str
    kind_label: str
    partnership_name: str
    meeting_date: object
    snippet: SafeString
    path: str


def results(rows, query: str) -> list[SearchResult]:
    """One page of rows as the search page shows them."""
    return [
        SearchResult(
            title=row.title,
            kind_label=row.get_kind_display(),
            partnership_name=row.partnership.name,
            meeting_date=row.meeting.date if row.meeting_id else None,
            snippet=snippet(row, query),
            path=row.path,
        )
        for row in rows
    ]


def snippet(row: Publication, query: str) -> SafeString:
    source = getattr(row, "snippet_source", None)
    if source is None:
        source = _passage(row.text, words_of(query)) or row.summary
    if START not in source:
        source = _marked(source, words_of(query)) if not uses_full_text_search() else source
    if not source.strip(START + STOP + " "):
        source = row.summary
    return _escaped_with_marks(source)


def _passage(text: str, words: list[str]) -> str:
    """About SNIPPET_CHARS of `text` around the first match of any word, cut at spaces."""
    found = [m.start() for m in (re.search(re.escape(word), text, re.IGNORECASE) for word in words) if m]
    if not found:
        return text[:SNIPPET_CHARS].rsplit(" ", 1)[0] if len(text) > SNIPPET_CHARS else text
    first = min(found)
    start = max(0, first - SNIPPET_CHARS // 3)
    end = min(len(text), start + SNIPPET_CHARS)
    if start > 0:
        space = text.find(" ", start, first)
        start = space + 1 if space != -1 else start
    last_space = text.rfind(" ", first, end)
    if end < len(text) and last_space > first:
        end = last_space
    passage = " ".join(text[start:end].split())
    return f"{'… ' if start > 0 else ''}{passage}{' …' if end < len(text) else ''}"


def _marked(text: str, words: list[str]) -> str:
    if not words:
        return text
    pattern = re.compile("|".join(re.escape(word) for word in sorted(words, key=len, reverse=True)), re.IGNORECASE)
    return pattern.sub(lambda match: f"{START}{match.group(0)}{STOP}", text)


def _escaped_with_marks(source: str) -> SafeString:
    escaped = escape(source)
    return mark_safe(escaped.replace(START, "<mark>").replace(STOP, "</mark>"))  # noqa: S308  # nosec B308, B703 # escaped above
