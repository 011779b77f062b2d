"""Putting meetings in the diary."""

import datetime

from django.utils import timezone
from django.utils.translation import gettext as _

from partnership.errors import RuleBroken
from partnership.models import Partnership
from partnership.services.common import check_date, rule_service

from ..models import AgendaItem, Meeting, MeetingStatus, Purpose, StandingItem
from ..signals import announce_meeting_change_on_commit
from .record import check_record_open

MEETING_FIELDS = (
    "title",
    "group",
    "date",
    "start_time",
    "end_time",
    "place",
    "online_link",
    "webcast_link",
    "is_public",
    "presiding_member",
)
STANDING_PURPOSE = {
    StandingItem.APOLOGIES: Purpose.INFORMATION,
    StandingItem.DECLARATIONS: Purpose.INFORMATION,
    StandingItem.PREVIOUS_MINUTES: Purpose.DECISION,
    StandingItem.MATTERS_ARISING: Purpose.DISCUSSION,
}


def _check_times(start_time: datetime.time, end_time: datetime.time | None) -> None:
    if end_time is not None and end_time <= start_time:
        raise RuleBroken(_("The meeting must end after it starts."), field="end_time")


def _check_presiding(partnership: Partnership, presiding_member) -> None:
    if presiding_member is not None and (
        presiding_member.partnership_id != partnership.pk or not presiding_member.active
    ):
        raise RuleBroken(_("Whoever presides is one of the partnership's members (ToR 5.4)."), field="presiding_member")


@rule_service
def schedule_meeting(*, partnership: Partnership, title: str, date: datetime.date, start_time, **details) -> Meeting:
    """A new meeting, its agenda opened with the standing items every meeting takes."""
    unknown = set(details) - set(MEETING_FIELDS)
    if unknown:
        raise TypeError(f"unknown meeting fields: {sorted(unknown)}")
    check_date(date, field="date")
    _check_times(start_time, details.get("end_time"))
    _check_presiding(partnership, details.get("presiding_member"))
    meeting = Meeting.objects.create(partnership=partnership, title=title, date=date, start_time=start_time, **details)
    AgendaItem.objects.bulk_create(
        AgendaItem(meeting=meeting, position=position, title=kind.label, standing=kind, purpose=STANDING_PURPOSE[kind])
        for position, kind in enumerate(StandingItem, start=1)
    )
    return meeting


@rule_service
def reschedule_meeting(*, meeting: Meeting, **changes) -> Meeting:
    """Change a meeting's details. Once it has been held its date and time stay as they were."""
    unknown = set(changes) - set(MEETING_FIELDS)
    if unknown:
        raise TypeError(f"unknown meeting fields: {sorted(unknown)}")
    meeting = Meeting.objects.select_for_update(of=("self",)).select_related("partnership").get(pk=meeting.pk)
    moves = any(changes.get(name, getattr(meeting, name)) != getattr(meeting, name) for name in ("date", "start_time"))
    if moves and meeting.status not in (MeetingStatus.PLANNED, MeetingStatus.AGENDA_CIRCULATED):
        raise RuleBroken(_("The meeting has been held, so its date and time stay as they were."), field="date")
    if changes.get("is_public", meeting.is_public) != meeting.is_public and not meeting.is_open:
        raise RuleBroken(
            _("The meeting has taken place, so whether it was held in public is part of its record."),
            field="is_public",
        )
    if meeting.is_circulated and changes.get("is_public") and not meeting.is_public:
        raise RuleBroken(
            _(
                "The agenda went out for a private meeting, so nobody has weighed which items must be taken in "
                "private. Hold it in public at a later meeting, whose agenda is built for the public."
            ),
            field="is_public",
        )
    check_date(changes.get("date"), field="date")
    _check_times(changes.get("start_time", meeting.start_time), changes.get("end_time", meeting.end_time))
    _check_presiding(meeting.partnership, changes.get("presiding_member"))
    if changes.get("presiding_member", meeting.presiding_member) != meeting.presiding_member:
        check_record_open(meeting)  # who chaired is who approved the minutes
    for name, value in changes.items():
        setattr(meeting, name, value)
    meeting.__dict__.pop("agenda_due", None)
    meeting.__dict__.pop("minutes_due", None)
    if meeting.is_circulated:
        # A moved meeting has a new deadline: the agenda that went out is judged against it.
        meeting.agenda_circulated_late = timezone.localdate(meeting.agenda_circulated_at) > meeting.agenda_due
    meeting.save()
    announce_meeting_change_on_commit(meeting)  # its date, title or place are on the public agenda
    return meeting
