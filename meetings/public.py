"""What the public may read of meetings: public meetings only, their agenda once it has gone
out, and of a confidential item nothing but its place and why it is exempt. Items are read as
plain values, and a confidential item's title, description, presenter and papers are never
selected, so they cannot reach a public page, feed or file by mistake."""

import datetime
from dataclasses import dataclass

from django.db.models import Count, Exists, Max, OuterRef, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from partnership.models import Partnership

from . import calendar_feed
from .models import (
    AgendaItem,
    DecisionMethod,
    ExemptionReason,
    Meeting,
    MeetingStatus,
    Minutes,
    MinutesStatus,
    Outcome,
    Purpose,
)
from .public_papers import PublicPaper, public_papers

PUBLIC_MEETING_FIELDS = (
    "id",
    "title",
    "group",
    "date",
    "start_time",
    "end_time",
    "place",
    "webcast_link",
    "is_public",
    "status",
    "agenda_circulated_at",
)
EXEMPTIONS = dict(ExemptionReason.choices)
OPEN_ITEM_FIELDS = (
    "pk",
    "meeting_id",
    "position",
    "title",
    "purpose",
    "description",
    "presenter",
    "leading_partners",
    "is_late",
)


def public_meetings(partnership: Partnership) -> QuerySet:
    """The meetings held in public, whether or not their agenda is out yet, soonest first. The
    join link is the members'; the public has the webcast."""
    return (
        partnership.meetings.filter(is_public=True)
        .only("partnership_id", *PUBLIC_MEETING_FIELDS)
        .order_by("date", "start_time", "pk")
    )


def published_meetings(partnership: Partnership) -> QuerySet:
    """Public meetings whose agenda has gone out (API.md: published when circulated), as values."""
    return public_meetings(partnership).filter(agenda_circulated_at__isnull=False).values(*PUBLIC_MEETING_FIELDS)


def public_agendas(meeting_ids) -> dict[int, list[dict]]:
    """Each meeting's agenda in order: open items in full; a confidential one only as its place
    and why it is exempt. Two queries whatever the number of meetings."""
    agendas: dict[int, list[dict]] = {}
    open_items = AgendaItem.objects.filter(meeting_id__in=meeting_ids, is_confidential=False).values(*OPEN_ITEM_FIELDS)
    for item in open_items:
        agendas.setdefault(item["meeting_id"], []).append({**item, "confidential": False})
    withheld = AgendaItem.objects.filter(meeting_id__in=meeting_ids, is_confidential=True).values(
        "pk", "meeting_id", "position", "confidential_reason"
    )
    for item in withheld:
        agendas.setdefault(item["meeting_id"], []).append(
            {
                "pk": item["pk"],
                "position": item["position"],
                "confidential": True,
                "reason": EXEMPTIONS.get(item["confidential_reason"], "Exempt"),
            }
        )
    for items in agendas.values():
        items.sort(key=lambda item: (item["position"], item["pk"]))
    return agendas


def revisions(meeting_ids) -> dict[int, tuple[int, datetime.datetime]]:
    """How many times each meeting has been saved, and when it last was, from its history."""
    rows = (
        Meeting.history.filter(id__in=meeting_ids)
        .values("id")
        .annotate(saves=Count("history_id"), last=Max("history_date"))
        .order_by()
    )
    return {row["id"]: (row["saves"], row["last"]) for row in rows}


def public_meeting(partnership: Partnership, pk: int) -> Meeting | None:
    return public_meetings(partnership).filter(pk=pk).first()


@dataclass(frozen=True)
class PublicAgendaItem:
    position: int
    title: str | None  # None for a confidential item
    purpose: str | None
    presenter: str | None
    exemption: str | None  # "Exempt: personal information", for a confidential item
    papers: tuple[PublicPaper, ...] = ()  # always empty for a confidential item

    @property
    def is_exempt(self) -> bool:
        return self.exemption is not None


PURPOSES = dict(Purpose.choices)


def public_agenda(meeting: Meeting) -> list[PublicAgendaItem]:
    """The agenda of a published meeting as the public page shows it, each open item with its
    papers; empty before it is out. Five queries whatever the number of items and papers."""
    if not meeting.is_published:
        return []
    papers: dict[int, list[PublicPaper]] = {}
    for paper in public_papers([meeting.pk]).get(meeting.pk, []):
        papers.setdefault(paper.agenda_item_id, []).append(paper)
    return [
        PublicAgendaItem(item["position"], None, None, None, item["reason"])
        if item["confidential"]
        else PublicAgendaItem(
            item["position"],
            item["title"],
            PURPOSES.get(item["purpose"]),
            item["presenter"],
            None,
            tuple(papers.get(item["pk"], ())),
        )
        for item in public_agendas([meeting.pk]).get(meeting.pk, [])
    ]


def listed_meetings(partnership: Partnership) -> QuerySet:
    """The public meetings for the meetings list, each saying whether its minutes are published."""
    return public_meetings(partnership).annotate(
        minutes_published=Exists(_published().filter(meeting_id=OuterRef("pk")))
    )


def public_calendar(partnership: Partnership, *, now: datetime.datetime | None = None) -> bytes:
    """The partnership's public meetings as an iCalendar file: each published meeting with the
    public lines of its agenda, each planned one with its title, time and place; never the
    members' join link. Four queries whatever the number of meetings."""
    meetings = list(
        public_meetings(partnership).values(
            "id", "title", "date", "start_time", "end_time", "place", "agenda_circulated_at"
        )
    )
    published = [meeting["id"] for meeting in meetings if meeting["agenda_circulated_at"] is not None]
    agendas = public_agendas(published)
    history = revisions([meeting["id"] for meeting in meetings])
    now = now or timezone.now()
    events = [
        calendar_feed.MeetingEvent(
            meeting_id=meeting["id"],
            summary=_("%(meeting)s: %(partnership)s") % {"meeting": meeting["title"], "partnership": partnership.name},
            date=meeting["date"],
            start_time=meeting["start_time"],
            end_time=meeting["end_time"],
            place=meeting["place"],
            url=calendar_feed.public_meeting_url(partnership.slug, meeting["id"]),
            # A meeting saved without history (a bulk change) still has an event.
            saves=history.get(meeting["id"], (1, now))[0],
            last_modified=history.get(meeting["id"], (1, now))[1],
            agenda=tuple(_agenda_line(item) for item in agendas.get(meeting["id"], [])),
        )
        for meeting in meetings
    ]
    return calendar_feed.build_calendar(name=_("%(name)s: public meetings") % {"name": partnership.name}, events=events)


def _agenda_line(item: dict) -> str:
    if item["confidential"]:
        return _("%(position)s. Taken in private (%(reason)s)") % {
            "position": item["position"],
            "reason": item["reason"],
        }
    return f"{item['position']}. {item['title']}"


# Published minutes: a public meeting's, once the board confirmed them as a true record at a
# later meeting (API.md). What the public reads is the copy made then (minutes_publication.py):
# never the live record, so a change made since does not change what was published.


def _published() -> QuerySet:
    return Minutes.objects.filter(meeting__is_public=True, status=MinutesStatus.CONFIRMED, public_summary__isnull=False)


def published_minutes(meeting: Meeting) -> Minutes | None:
    """The minutes as published, for the public meeting page and its PDF: when they were
    confirmed and the public summary's HTML; None until published. Confirming closes the
    meeting, so an open one costs no query."""
    if not meeting.is_public or meeting.status != MeetingStatus.CLOSED:
        return None
    return _published().filter(meeting_id=meeting.pk).only("pk", "meeting_id", "confirmed_at", "public_html").first()


def published_minutes_html(meeting: Meeting) -> str | None:
    """The public summary as HTML, for its PDF; None until published."""
    published = published_minutes(meeting)
    return published.public_html if published is not None else None


def published_minute_summaries(meeting_ids) -> dict[int, dict]:
    """The published minutes of each of these meetings, as the public API gives them: when they
    were confirmed, and each open item's discussion and decisions. One query whatever the
    number of meetings; none when no meeting is asked about."""
    return {meeting_id: summary for meeting_id, (summary, _at) in published_minutes_with_times(meeting_ids).items()}


def published_minutes_with_times(meeting_ids) -> dict[int, tuple[dict, datetime.datetime | None]]:
    """Each of these meetings' published summary of its minutes (as `published_minute_summaries`)
    with the moment they were confirmed, which is when they were published. One query."""
    if not meeting_ids:
        return {}
    rows = _published().filter(meeting_id__in=meeting_ids).values_list("meeting_id", "public_summary", "confirmed_at")
    return {meeting_id: (summary, confirmed_at) for meeting_id, summary, confirmed_at in rows}


DECISION_METHODS = dict(DecisionMethod.choices)
OUTCOMES = dict(Outcome.choices)


@dataclass(frozen=True)
class PublishedDecision:
    """A decision as the published minutes record it, with the meeting it was taken at."""

    number: int
    text: str
    method: str
    outcome: str
    votes_for: int
    votes_against: int
    abstentions: int
    item_position: int
    meeting_id: int
    meeting_title: str
    meeting_date: datetime.date

    @property
    def is_vote(self) -> bool:
        return self.method == DecisionMethod.VOTE

    @property
    def method_label(self) -> str:
        return DECISION_METHODS.get(self.method, self.method)

    @property
    def outcome_label(self) -> str:
        return OUTCOMES.get(self.outcome, self.outcome)


def published_decisions(partnership: Partnership) -> list[PublishedDecision]:
    """Every decision in the published minutes of the partnership's public meetings, newest
    meeting first, read from the copy made at confirmation (never the live decision log, which
    holds confidential items' decisions too). One query whatever the number of decisions."""
    rows = (
        _published()
        .filter(meeting__partnership=partnership)
        .order_by("-meeting__date", "-meeting__start_time", "-meeting_id")
        .values("meeting_id", "meeting__title", "meeting__date", "public_summary")
    )
    decisions = []
    for row in rows:
        for item in row["public_summary"].get("items", []):
            for decision in sorted(item.get("decisions", []), key=lambda decision: decision["number"]):
                decisions.append(
                    PublishedDecision(
                        number=decision["number"],
                        text=decision["text"],
                        method=decision["method"],
                        outcome=decision["outcome"],
                        votes_for=decision["votes_for"],
                        votes_against=decision["votes_against"],
                        abstentions=decision["abstentions"],
                        item_position=item["position"],
                        meeting_id=row["meeting_id"],
                        meeting_title=row["meeting__title"],
                        meeting_date=row["meeting__date"],
                    )
                )
    return decisions
