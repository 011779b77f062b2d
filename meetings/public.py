"""What the public may read of meetings: public meetings only, their agenda once it has been
circulated, and of a confidential item nothing but its place and why it is exempt. The
confidential columns are never selected, so they cannot reach a public page by mistake."""

from dataclasses import dataclass

from django.db.models import Q

from .models import AgendaItem, ExemptionReason, Meeting, Purpose

PUBLIC_MEETING_FIELDS = (
    "id",
    "partnership_id",
    "title",
    "group",
    "date",
    "start_time",
    "end_time",
    "place",
    "online_link",
    "webcast_link",
    "is_public",
    "agenda_circulated_at",
    "status",
)


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


def public_meetings(partnership):
    """The partnership's public meetings, published or still planned, soonest first."""
    return partnership.meetings.filter(is_public=True).only(*PUBLIC_MEETING_FIELDS).order_by("date", "start_time")


def public_meeting(partnership, pk: int) -> Meeting | None:
    return public_meetings(partnership).filter(pk=pk).first()


def public_agenda(meeting: Meeting) -> list[PublicAgendaItem]:
    """The agenda of a published meeting as the public sees it; empty before it is published."""
    if not meeting.is_published:
        return []
    items = AgendaItem.objects.filter(meeting=meeting)
    open_items = items.filter(is_confidential=False).values_list("position", "title", "purpose", "presenter")
    exempt_items = items.filter(Q(is_confidential=True)).values_list("position", "confidential_reason")
    purposes = dict(Purpose.choices)
    reasons = dict(ExemptionReason.choices)
    agenda = [
        PublicAgendaItem(position, title, purposes.get(purpose, purpose), presenter, None)
        for position, title, purpose, presenter in open_items
    ] + [
        PublicAgendaItem(position, None, None, None, reasons.get(reason, "Exempt")) for position, reason in exempt_items
    ]
    return sorted(agenda, key=lambda item: item.position)
