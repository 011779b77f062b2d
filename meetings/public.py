"""What the public may read of meetings: public meetings only, their agenda once it has gone
out, and of a confidential item nothing but its place and why it is exempt. Items are read as
plain values, and a confidential item's title, description, presenter and papers are never
selected, so they cannot reach a public page, feed or file by mistake."""

import datetime
from dataclasses import dataclass

from django.db.models import Count, Max, QuerySet
from django.utils import timezone

from partnership.models import Partnership

from .minutes_document import MinutesRecord, minutes_record, render_minutes_html
from .models import AgendaItem, Decision, ExemptionReason, Meeting, MeetingStatus, Minutes, MinutesStatus, Purpose

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
# later meeting (API.md). The public summary never selects a confidential item, its minute,
# its declarations or its decisions.


def minutes_are_published(meeting: Meeting) -> bool:
    """Confirming closes the meeting, so an open one costs no query."""
    if not meeting.is_public or meeting.status != MeetingStatus.CLOSED:
        return False
    return Minutes.objects.filter(
        meeting_id=meeting.pk, meeting__is_public=True, status=MinutesStatus.CONFIRMED
    ).exists()


def _summarised_meeting(meeting: Meeting) -> Meeting:
    """The meeting with what the minutes' heading and 'in the chair' read, in one query."""
    return Meeting.objects.select_related(
        "partnership", "presiding_member__person", "presiding_member__nominating_body"
    ).get(pk=meeting.pk)


def published_minutes(meeting: Meeting) -> MinutesRecord | None:
    """The public summary of the minutes for the public meeting page; None until published."""
    if not minutes_are_published(meeting):
        return None
    return minutes_record(_summarised_meeting(meeting), public=True)


def published_minutes_html(meeting: Meeting) -> str | None:
    """The public summary as HTML, for its PDF; None until published."""
    if not minutes_are_published(meeting):
        return None
    return render_minutes_html(_summarised_meeting(meeting), public=True)


PUBLIC_DECISION_FIELDS = (
    "agenda_item_id",
    "number",
    "text",
    "method",
    "outcome",
    "votes_for",
    "votes_against",
    "abstentions",
)


def published_minute_summaries(meeting_ids) -> dict[int, dict]:
    """The published minutes of each of these meetings, as plain values for the public API: when
    they were confirmed, and each open item's discussion and decisions. At most three queries
    whatever the number of meetings; none when no meeting is asked about."""
    if not meeting_ids:
        return {}
    confirmed = dict(
        Minutes.objects.filter(
            meeting_id__in=meeting_ids, meeting__is_public=True, status=MinutesStatus.CONFIRMED
        ).values_list("meeting_id", "confirmed_at")
    )
    if not confirmed:
        return {}
    decisions: dict[int, list[dict]] = {}
    for decision in (
        Decision.objects.filter(agenda_item__meeting_id__in=confirmed, agenda_item__is_confidential=False)
        .order_by("number")
        .values(*PUBLIC_DECISION_FIELDS)
    ):
        decisions.setdefault(decision.pop("agenda_item_id"), []).append(decision)
    summaries = {
        meeting_id: {"confirmed_on": timezone.localdate(at) if at else None, "items": []}
        for meeting_id, at in confirmed.items()
    }
    items = (
        AgendaItem.objects.filter(meeting_id__in=confirmed, is_confidential=False)
        .order_by("position", "pk")
        .values("pk", "meeting_id", "position", "title", "minute__discussion")
    )
    for item in items:
        summaries[item["meeting_id"]]["items"].append(
            {
                "position": item["position"],
                "title": item["title"],
                "discussion": item["minute__discussion"] or "",
                "decisions": decisions.get(item["pk"], []),
            }
        )
    return summaries
