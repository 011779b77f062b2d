"""Read queries the record pages share (attendance, declarations, decisions), each a fixed
number of queries whatever the number of members, items or decisions.

The quorum the services compute reads `meeting.attendance.all()` and, for an item,
`item.declarations.all()`; loading both here once lets every item's quorum be worked out from
what is already in memory, with the services' own functions."""

from dataclasses import dataclass

from django.db.models import Prefetch, Q, prefetch_related_objects

from partnership.models import Member, Substitute

from . import services
from .models import AgendaItem, Attendance, Decision, Declaration, Meeting, OtherAttendee
from .services.record import Quorum


def with_attendance(meeting: Meeting) -> Meeting:
    """The meeting with its attendance rows (and their members' names) loaded in one query."""
    rows = Attendance.objects.select_related("member__person", "member__nominating_body")
    prefetch_related_objects([meeting], Prefetch("attendance", queryset=rows))
    return meeting


@dataclass(frozen=True)
class AttendanceLine:
    """One seat on the attendance form: the member, what is recorded for them so far, and
    the substitutes registered to attend in their place (ToR 3.2)."""

    member: Member
    attendance: Attendance | None
    substitutes: list[Substitute]


def attendance_sheet(meeting: Meeting) -> list[AttendanceLine]:
    """Every active member of the partnership, and anyone recorded at this meeting who has
    left since, by nominating body. Expects `with_attendance(meeting)`."""
    recorded = {row.member_id: row for row in meeting.attendance.all()}
    members = (
        Member.objects.filter(partnership_id=meeting.partnership_id)
        .filter(Q(active=True) | Q(pk__in=list(recorded)))
        .select_related("person", "nominating_body")
        .prefetch_related(
            Prefetch("substitutes", queryset=Substitute.objects.filter(active=True), to_attr="registered_substitutes")
        )
        .order_by("nominating_body__name", "person__name", "pk")
    )
    return [AttendanceLine(member, recorded.get(member.pk), member.registered_substitutes) for member in members]


def others_attending(meeting: Meeting) -> list[OtherAttendee]:
    return list(meeting.others_attending.order_by("role", "name", "pk"))


def present(meeting: Meeting) -> list[Attendance]:
    """Who counts as present: there in person or represented by a named substitute. Expects
    `with_attendance(meeting)`."""
    return [row for row in meeting.attendance.all() if row.counts_as_present]


@dataclass(frozen=True)
class RecordedItem:
    """An agenda item with what was declared and decided on it, and whether it stayed quorate
    once members with a prejudicial interest withdrew (ToR 7)."""

    item: AgendaItem
    declarations: list[Declaration]
    decisions: list[Decision]
    quorum: Quorum


def recorded_items(meeting: Meeting) -> list[RecordedItem]:
    """The agenda in order with each item's declarations and decisions. Expects
    `with_attendance(meeting)`; the items share that meeting object, so the quorum of every
    item is worked out from the rows already loaded."""
    items = meeting.agenda_items.order_by("position", "pk").prefetch_related(
        Prefetch(
            "declarations",
            queryset=Declaration.objects.select_related("member__person", "member__nominating_body").order_by(
                "member__person__name", "pk"
            ),
        ),
        Prefetch(
            "decisions",
            queryset=Decision.objects.order_by("number").prefetch_related(
                Prefetch("voters", queryset=Member.objects.select_related("person").order_by("person__name"))
            ),
        ),
    )
    return [
        RecordedItem(
            item=item,
            declarations=list(item.declarations.all()),
            decisions=list(item.decisions.all()),
            quorum=services.item_quorum(item),
        )
        for item in items
    ]


def own_seat(meeting: Meeting, user) -> Member | None:
    """The member whose seat on the meeting's partnership is held by the user signed in."""
    return (
        Member.objects.filter(partnership_id=meeting.partnership_id, person__user=user, active=True)
        .select_related("person")
        .first()
    )
