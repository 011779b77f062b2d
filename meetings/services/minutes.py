"""The minutes' life (ToR 5.8): drafted per item, approved by whoever chaired the meeting and
nobody else, circulated to members (late when after `minutes_due`), confirmed as a true record
at a later meeting, and for a public meeting then published without its confidential items.
Approved minutes change only by going back to draft; each approval is kept as a version."""

import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from partnership.errors import RuleBroken
from partnership.services.common import long_date, rule_service

from ..chairing import chair_on, chaired_by_user, who_chaired
from ..minutes_document import render_minutes_html, starts_at
from ..minutes_publication import publish_minutes
from ..models import (
    OPEN_STATUSES,
    AgendaItem,
    Attendance,
    AttendanceStatus,
    Meeting,
    MeetingStatus,
    MinuteItem,
    Minutes,
    MinutesStatus,
    MinutesVersion,
    StandingItem,
)
from ..sanitise import plain_text, sanitise_html
from ..signals import minutes_published
from ..tasks import email_minutes_circulated
from .record import check_held


def lock_minutes(minutes: Minutes) -> Minutes:
    return (
        Minutes.objects.select_for_update(of=("self",))
        .select_related("meeting__partnership", "meeting__presiding_member__person")
        .get(pk=minutes.pk)
    )


def _check_draft(minutes: Minutes) -> None:
    if minutes.status != MinutesStatus.DRAFT:
        raise RuleBroken(
            _("The minutes are %(status)s. Return them to draft to change them; the chair then approves them again.")
            % {"status": minutes.get_status_display().lower()}
        )


@rule_service
def start_minutes(*, meeting: Meeting) -> Minutes:
    """The draft, with a minute for each agenda item; run again, it adds items added since."""
    check_held(meeting, _("its minutes are drafted"))
    minutes, _created = Minutes.objects.get_or_create(meeting=meeting)
    if minutes.status == MinutesStatus.DRAFT:
        missing = AgendaItem.objects.filter(meeting=meeting, minute__isnull=True)
        MinuteItem.objects.bulk_create([MinuteItem(minutes=minutes, agenda_item=item) for item in missing])
    return minutes


@rule_service
def write_minute(*, minute: MinuteItem, discussion: str) -> MinuteItem:
    """The discussion of one item, as HTML cut down to what minutes need."""
    minutes = lock_minutes(minute.minutes)
    _check_draft(minutes)
    minute.discussion = sanitise_html(discussion)
    minute.save()
    return minute


@rule_service
def approve_minutes(*, minutes: Minutes, by, now: datetime.datetime | None = None) -> Minutes:
    """The chair's approval, by whoever chaired this meeting only (ToR 5.8); kept as a version."""
    now = now or timezone.now()
    minutes = lock_minutes(minutes)
    meeting = minutes.meeting
    _check_draft(minutes)
    chaired = who_chaired(meeting)
    if chaired is None:
        raise RuleBroken(
            _("Nobody is recorded as chairing this meeting: name who presided, or record the chair's office.")
        )
    if not chaired_by_user(meeting, by):
        raise RuleBroken(
            _("Only %(name)s, who chaired this meeting, can approve its minutes (ToR 5.8).")
            % {"name": chaired.person.name}
        )
    _check_chaired_in_person(meeting, chaired)
    html = render_minutes_html(meeting)
    minutes.status = MinutesStatus.APPROVED
    minutes.approved_at, minutes.approved_by, minutes.approved_as = now, by, chaired
    minutes.version += 1
    minutes.save()
    MinutesVersion.objects.create(
        minutes=minutes, number=minutes.version, html=html, text=plain_text(html), approved_at=now, approved_by=by
    )
    Meeting.objects.filter(pk=meeting.pk).update(status=MeetingStatus.MINUTES_APPROVED)
    return minutes


def _check_chaired_in_person(meeting: Meeting, chaired) -> None:
    """Whoever chaired was there: the chair, present; or, in the chair's absence, the member the
    board elected to preside, present (ToR 5.4). The attendance says which."""
    present = set(
        Attendance.objects.filter(meeting=meeting, status=AttendanceStatus.PRESENT).values_list("member_id", flat=True)
    )
    name = chaired.person.name
    if meeting.presiding_member_id is None:
        if chaired.pk not in present:
            raise RuleBroken(
                _(
                    "%(name)s, the chair, is not recorded as present. Record the attendance, or name who presided "
                    "in the chair's absence (ToR 5.4)."
                )
                % {"name": name}
            )
        return
    chair = chair_on(meeting.partnership_id, meeting.date)
    if chair is not None and chair.pk in present:
        raise RuleBroken(
            _(
                "%(name)s, the chair, is recorded as present, so chaired the meeting; nobody presided "
                "in their place. Correct the attendance, or remove who presided from the meeting's details."
            )
            % {"name": chair.person.name}
        )
    if chaired.pk not in present:
        raise RuleBroken(
            _("%(name)s, named to preside, is not recorded as present. Correct the attendance first.") % {"name": name}
        )


@rule_service
def return_minutes_to_draft(*, minutes: Minutes) -> Minutes:
    """To correct approved minutes: they go back to draft and need the chair's approval again,
    and circulating again. Confirmed minutes are the board's true record and stay."""
    minutes = lock_minutes(minutes)
    if minutes.status == MinutesStatus.CONFIRMED:
        raise RuleBroken(_("The board confirmed these minutes as a true record; they stay as confirmed."))
    if minutes.status == MinutesStatus.DRAFT:
        raise RuleBroken(_("The minutes are already a draft."))
    minutes.status = MinutesStatus.DRAFT
    minutes.approved_at = minutes.approved_by = minutes.approved_as = None
    minutes.circulated_at = minutes.circulated_by = None
    minutes.is_late = False
    minutes.save()
    Meeting.objects.filter(pk=minutes.meeting_id).update(status=MeetingStatus.HELD)
    return minutes


@rule_service
def circulate_minutes(*, minutes: Minutes, by, now: datetime.datetime | None = None) -> Minutes:
    """Send approved minutes to the members; late when after `minutes_due` (ToR 5.8)."""
    now = now or timezone.now()
    minutes = lock_minutes(minutes)
    if minutes.status == MinutesStatus.DRAFT:
        raise RuleBroken(_("The chair has not approved the minutes yet; only approved minutes go out (ToR 5.8)."))
    if minutes.status != MinutesStatus.APPROVED:
        raise RuleBroken(
            _("The minutes went out on %(date)s.") % {"date": long_date(timezone.localdate(minutes.circulated_at))}
        )
    minutes.status = MinutesStatus.CIRCULATED
    minutes.circulated_at, minutes.circulated_by = now, by
    minutes.is_late = timezone.localdate(now) > minutes.meeting.minutes_due
    minutes.save()
    MinutesVersion.objects.filter(minutes=minutes, number=minutes.version).update(circulated_at=now)
    Meeting.objects.filter(pk=minutes.meeting_id).update(status=MeetingStatus.MINUTES_CIRCULATED)
    transaction.on_commit(lambda: email_minutes_circulated.delay(minutes.pk))
    return minutes


@rule_service
def confirm_minutes(*, minutes: Minutes, at_meeting: Meeting, by, now: datetime.datetime | None = None) -> Minutes:
    """The board confirms circulated minutes as a true record at a later meeting of the same
    partnership, under its "minutes of the last meeting" item; the meeting is then closed."""
    now = now or timezone.now()
    minutes = lock_minutes(minutes)
    meeting = minutes.meeting
    if minutes.status == MinutesStatus.CONFIRMED:
        raise RuleBroken(_("The board has already confirmed these minutes."))
    if minutes.status != MinutesStatus.CIRCULATED:
        raise RuleBroken(_("Only minutes circulated to the members can be confirmed."), field="at_meeting")
    if at_meeting.partnership_id != meeting.partnership_id or at_meeting.date <= meeting.date:
        raise RuleBroken(_("Minutes are confirmed at a later meeting of the same partnership."), field="at_meeting")
    if at_meeting.date > timezone.localdate(now):
        raise RuleBroken(
            _("That meeting is on %(date)s; record the confirmation once it has met.")
            % {"date": long_date(at_meeting.date)},
            field="at_meeting",
        )
    if at_meeting.status in OPEN_STATUSES:
        raise RuleBroken(
            _(
                "Nobody has recorded who attended the meeting of %(date)s: record its "
                "attendance first, then that it confirmed these minutes."
            )
            % {"date": long_date(at_meeting.date)},
            field="at_meeting",
        )
    if starts_at(at_meeting.date, at_meeting.start_time) <= minutes.circulated_at:
        raise RuleBroken(
            _("That meeting began before these minutes went to the members, so it could not confirm them."),
            field="at_meeting",
        )
    if not at_meeting.agenda_items.filter(standing=StandingItem.PREVIOUS_MINUTES).exists():
        raise RuleBroken(
            _('That meeting has no "Minutes of the last meeting" item, so its agenda did not put them to the board.'),
            field="at_meeting",
        )
    minutes.status = MinutesStatus.CONFIRMED
    minutes.confirmed_at, minutes.confirmed_by, minutes.confirmed_at_meeting = now, by, at_meeting
    publish_minutes(minutes)  # a public meeting's summary is copied as it stands now, and served from the copy
    minutes.save()
    Meeting.objects.filter(pk=meeting.pk).update(status=MeetingStatus.CLOSED)
    if minutes.public_summary is not None:
        transaction.on_commit(lambda: minutes_published.send(sender=Minutes, meeting_id=meeting.pk))
    return minutes
