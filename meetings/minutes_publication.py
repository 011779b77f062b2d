"""Publishing a public meeting's minutes once the board confirms them (API.md): a copy of the
public summary is made then, and the public pages, the public PDF and the public API serve
that copy, never the live record. A meeting renamed, or a member's name corrected, after
confirmation leaves what was published as it was published."""

from django.utils import timezone

from .minutes_document import render_minutes_html
from .models import AgendaItem, Decision, Meeting, Minutes

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


def _summarised_meeting(meeting: Meeting) -> Meeting:
    """The meeting with what the minutes' heading and 'in the chair' read, in one query."""
    return Meeting.objects.select_related(
        "partnership", "presiding_member__person", "presiding_member__nominating_body"
    ).get(pk=meeting.pk)


def public_summary(minutes: Minutes) -> dict:
    """The public summary as the public API gives it, as JSON values: when the minutes were
    confirmed, and each open item's discussion and decisions. A confidential item, its minute
    and its decisions are never selected."""
    decisions: dict[int, list[dict]] = {}
    for decision in (
        Decision.objects.filter(agenda_item__meeting_id=minutes.meeting_id, agenda_item__is_confidential=False)
        .order_by("number")
        .values(*PUBLIC_DECISION_FIELDS)
    ):
        decisions.setdefault(decision.pop("agenda_item_id"), []).append(decision)
    items = (
        AgendaItem.objects.filter(meeting_id=minutes.meeting_id, is_confidential=False)
        .order_by("position", "pk")
        .values("pk", "position", "title", "minute__discussion")
    )
    confirmed_at = minutes.confirmed_at
    return {
        "confirmed_on": timezone.localdate(confirmed_at).isoformat() if confirmed_at else None,
        "items": [
            {
                "position": item["position"],
                "title": item["title"],
                "discussion": item["minute__discussion"] or "",
                "decisions": decisions.get(item["pk"], []),
            }
            for item in items
        ],
    }


def publish_minutes(minutes: Minutes) -> None:
    """Fill minutes.public_html and minutes.public_summary for a public meeting, as the record
    stands now; a private meeting's minutes are never published (the caller saves)."""
    if not minutes.meeting.is_public:
        minutes.public_html, minutes.public_summary = "", None
        return
    minutes.public_html = render_minutes_html(_summarised_meeting(minutes.meeting), public=True)
    minutes.public_summary = public_summary(minutes)
