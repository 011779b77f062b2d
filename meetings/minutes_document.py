"""The minutes as a document: what the minutes page, the PDF, the approved versions and the
public summary all show. The record (attendance, declarations, decisions) is read from the
meeting, the discussion from the minutes; a fixed number of queries whatever the size.

The public summary is built from the same function with `public=True`, which never selects a
confidential item, its minute, its declarations or its decisions."""

import datetime
from dataclasses import dataclass, field

from django.db.models import Prefetch, Q
from django.template.loader import render_to_string
from django.utils import timezone

from partnership.models import Member

from .chairing import who_chaired
from .models import AgendaItem, Attendance, Decision, Declaration, Meeting, MinuteItem, Minutes


@dataclass
class MinutedItem:
    item: AgendaItem
    discussion: str
    declarations: list = field(default_factory=list)
    decisions: list = field(default_factory=list)

    @property
    def withdrawn(self):
        return [d for d in self.declarations if d.withdraws]


@dataclass
class MinutesRecord:
    meeting: Meeting
    minutes: Minutes | None
    chaired_by: Member | None
    present: list
    substitutes: list
    apologies: list
    absent: list
    others: list
    items: list
    written_decisions: list
    public: bool = False


def starts_at(day: datetime.date, start_time: datetime.time) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, start_time))


def previous_meeting_start(meeting: Meeting) -> datetime.datetime | None:
    """When the partnership's meeting before this one began, if it had one."""
    previous = (
        Meeting.objects.filter(partnership_id=meeting.partnership_id)
        .filter(Q(date__lt=meeting.date) | Q(date=meeting.date, start_time__lt=meeting.start_time))
        .order_by("-date", "-start_time")
        .values_list("date", "start_time")
        .first()
    )
    return starts_at(*previous) if previous else None


def meeting_to_report_to(partnership_id: int, closed_at: datetime.datetime) -> Meeting | None:
    """The first meeting to start after a decision in writing was closed: the one it is reported
    to (the same rule as written_decisions_to_report)."""
    day = timezone.localtime(closed_at)
    return (
        Meeting.objects.filter(partnership_id=partnership_id)
        .filter(Q(date__gt=day.date()) | Q(date=day.date(), start_time__gt=day.time()))
        .order_by("date", "start_time", "pk")
        .first()
    )


def written_decisions_to_report(meeting: Meeting) -> list:
    """Decisions taken in writing since the partnership last met, reported to this meeting. Told
    apart by the time each was closed, not its day: one closed on the evening of a meeting is
    reported to the next meeting, not to the one that had already met."""
    decisions = Decision.objects.filter(
        partnership_id=meeting.partnership_id,
        written_proposal__closed_at__lt=starts_at(meeting.date, meeting.start_time),
    ).select_related("written_proposal")
    since = previous_meeting_start(meeting)
    if since is not None:
        decisions = decisions.filter(written_proposal__closed_at__gte=since)
    return list(decisions.order_by("number"))


def minutes_record(meeting: Meeting, *, public: bool = False) -> MinutesRecord:
    items = AgendaItem.objects.filter(meeting=meeting).order_by("position", "pk")
    if public:
        items = items.filter(is_confidential=False)
    items = items.prefetch_related(
        Prefetch(
            "declarations",
            queryset=Declaration.objects.select_related("member__person", "member__nominating_body"),
        ),
        Prefetch("decisions", queryset=Decision.objects.prefetch_related("voters__person").order_by("number")),
    )
    minute_texts = dict(
        MinuteItem.objects.filter(agenda_item__meeting=meeting).values_list("agenda_item_id", "discussion")
    )
    attendance = list(
        Attendance.objects.filter(meeting=meeting).select_related("member__person", "member__nominating_body")
    )
    by_status = {
        status: [row for row in attendance if row.status == status]
        for status in ("present", "substitute", "apologies", "absent")
    }
    minutes = (
        Minutes.objects.filter(meeting=meeting).select_related("approved_by__person", "approved_as__person").first()
    )
    return MinutesRecord(
        meeting=meeting,
        minutes=minutes,
        chaired_by=who_chaired(meeting),
        present=by_status["present"],
        substitutes=by_status["substitute"],
        apologies=by_status["apologies"],
        absent=by_status["absent"],
        others=list(meeting.others_attending.all()),
        items=[
            MinutedItem(
                item=item,
                discussion=minute_texts.get(item.pk, ""),
                declarations=list(item.declarations.all()),
                decisions=list(item.decisions.all()),
            )
            for item in items
        ],
        written_decisions=[] if public else written_decisions_to_report(meeting),  # never marked confidential
        public=public,
    )


def render_minutes_html(meeting: Meeting, *, public: bool = False) -> str:
    """The minutes' body as HTML: the page, the PDF and each approved version share it."""
    return render_to_string("meetings/minutes/_document.html", {"record": minutes_record(meeting, public=public)})
