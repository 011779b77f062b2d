"""What the public may read of meetings: public meetings only, their agenda once it has gone
out, and of a confidential item nothing but its place and why it is exempt. Items are read as
plain values, and a confidential item's title, description, presenter and papers are never
selected, so they cannot reach a public page, feed or file by mistake."""

import datetime
from dataclasses import dataclass

from django.db.models import Count, Max, QuerySet

from partnership.models import Partnership

from .models import AgendaItem, ExemptionReason, Meeting, MeetingStatus, Minutes, MinutesStatus, Purpose

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

    @property
    def is_exempt(self) -> bool:
        return self.exemption is not None


PURPOSES = dict(Purpose.choices)


def public_agenda(meeting: Meeting) -> list[PublicAgendaItem]:
    """The agenda of a published meeting as the public page shows it; empty before it is out."""
    if not meeting.is_published:
        return []
    return [
        PublicAgendaItem(item["position"], None, None, None, item["reason"])
        if item["confidential"]
        else PublicAgendaItem(item["position"], item["title"], PURPOSES.get(item["purpose"]), item["presenter"], None)
        for item in public_agendas([meeting.pk]).get(meeting.pk, [])
    ]


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
    if not meeting_ids:
        return {}
    return dict(_published().filter(meeting_id__in=meeting_ids).values_list("meeting_id", "public_summary"))
