"""The rules kept at each meeting: the agenda and papers sent in time (ToR 5.7), the minutes
approved and circulated in time (ToR 5.8), and enough meetings, and public meetings, a year
(ToR 5.1). Each takes the year's meetings, fetched once, with their minutes.

An agenda not yet sent after its due date is late while the meeting is still to come, and
missed once the meeting has been held without it. Minutes not circulated by their due date are
late, as the reminder says, whether still to go out or circulated after it: minutes can always
still go out. Either is due soon exactly while its reminder goes out (deadlines/windows.py)."""

from django.urls import reverse
from django.utils import timezone

from meetings.models import OPEN_STATUSES
from partnership.services.common import long_date

from ..deadlines.windows import (
    AGENDA_REMIND_WORKING_DAYS,
    MINUTES_REMIND_WORKING_DAYS,
    agenda_window,
    minutes_window,
)
from .days import ComplianceYear, working_days_late
from .rows import ComplianceStatus, Occasion, RuleRow, plural, worst


def _subject(meeting) -> str:
    return f"{meeting.title}, {long_date(meeting.date)}"


def _summary(occasions: list[Occasion], wording: dict[str, str]) -> str:
    parts = []
    for status in reversed(ComplianceStatus):  # the worst first
        count = sum(1 for occasion in occasions if occasion.status == status)
        if count:
            parts.append(f"{count} {wording[status]}")
    return "; ".join(parts)


def _per_meeting_rule(partnership, occasions, wording, *, key, title, source, counted, none) -> RuleRow:
    """A rule kept at each meeting: its worst occasion, and how many of each there were."""
    summary = f"Of {plural(len(occasions), 'meeting')} {counted}: {_summary(occasions, wording)}."
    return RuleRow(
        key=key,
        title=title,
        source=source,
        status=worst(occasion.status for occasion in occasions),
        reason=summary if occasions else none,
        fix_url=reverse("meetings:list", kwargs={"slug": partnership.slug}),
        fix_label="Meetings",
        occasions=occasions,
    )


def _agenda_occasion(meeting, today) -> Occasion:
    partnership, due = meeting.partnership, meeting.agenda_due
    url = meeting.get_absolute_url()
    if meeting.agenda_circulated_at is not None:
        sent = timezone.localdate(meeting.agenda_circulated_at)
        if meeting.agenda_circulated_late:
            late = plural(working_days_late(partnership, due, sent), "working day")
            reason = f"Sent on {long_date(sent)}, {late} after it was due on {long_date(due)}."
            return Occasion(_subject(meeting), ComplianceStatus.LATE, reason, url)
        reason = f"Sent on {long_date(sent)}; it was due by {long_date(due)}."
        return Occasion(_subject(meeting), ComplianceStatus.MET, reason, url)
    if today > due:
        if meeting.date < today:
            reason = f"The meeting was held without the agenda being sent; it was due by {long_date(due)}."
            return Occasion(_subject(meeting), ComplianceStatus.MISSED, reason, url)
        late = plural(working_days_late(partnership, due, today), "working day")
        reason = f"Due by {long_date(due)} and not yet sent: {late} late."
        return Occasion(_subject(meeting), ComplianceStatus.LATE, reason, url)
    if agenda_window(meeting).is_open(today):
        return Occasion(_subject(meeting), ComplianceStatus.DUE_SOON, f"Due by {long_date(due)}; not yet sent.", url)
    return Occasion(_subject(meeting), ComplianceStatus.PENDING, f"Due by {long_date(due)}.", url)


def agenda_rule(partnership, meetings, cy: ComplianceYear) -> RuleRow:
    days = plural(partnership.agenda_notice_working_days, "working day")
    occasions = [_agenda_occasion(meeting, cy.today) for meeting in meetings]
    wording = {
        ComplianceStatus.MISSED: "held without the agenda",
        ComplianceStatus.LATE: "sent late or overdue",
        ComplianceStatus.DUE_SOON: f"due within {AGENDA_REMIND_WORKING_DAYS} working days",
        ComplianceStatus.MET: "sent on time",
        ComplianceStatus.PENDING: "not yet due",
    }
    return _per_meeting_rule(
        partnership,
        occasions,
        wording,
        key="agenda",
        title=f"Agenda and papers sent at least {days} before each meeting",
        source="ToR 5.7",
        counted=f"in {cy.year}",
        none=f"No meetings are scheduled in {cy.year}.",
    )


def _minutes_state(minutes) -> str:
    if minutes is None:
        return "not yet started"
    if minutes.is_draft:
        return "still a draft"
    return f"approved by the chair on {long_date(timezone.localdate(minutes.approved_at))}, not yet circulated"


def _minutes_occasion(meeting, today) -> Occasion:
    partnership, due = meeting.partnership, meeting.minutes_due
    minutes = getattr(meeting, "minutes", None)  # None when they have not been started
    url = reverse("minutes:minutes", kwargs={"slug": partnership.slug, "pk": meeting.pk})
    if minutes is not None and minutes.circulated_at is not None:
        sent = timezone.localdate(minutes.circulated_at)
        if minutes.is_late:
            late = plural(working_days_late(partnership, due, sent), "working day")
            reason = f"Circulated on {long_date(sent)}, {late} after they were due on {long_date(due)}."
            return Occasion(_subject(meeting), ComplianceStatus.LATE, reason, url)
        reason = f"Circulated on {long_date(sent)}; they were due by {long_date(due)}."
        return Occasion(_subject(meeting), ComplianceStatus.MET, reason, url)
    state = _minutes_state(minutes)
    if today > due:
        late = plural(working_days_late(partnership, due, today), "working day")
        reason = f"Due by {long_date(due)} and not yet circulated: {late} late; {state}."
        return Occasion(_subject(meeting), ComplianceStatus.LATE, reason, url)
    if minutes_window(meeting).is_open(today):
        return Occasion(_subject(meeting), ComplianceStatus.DUE_SOON, f"Due by {long_date(due)}; {state}.", url)
    return Occasion(_subject(meeting), ComplianceStatus.PENDING, f"Due by {long_date(due)}; {state}.", url)


def minutes_rule(partnership, meetings, cy: ComplianceYear) -> RuleRow:
    days = plural(partnership.minutes_working_days, "working day")
    held = [meeting for meeting in meetings if meeting.date < cy.today]
    occasions = [_minutes_occasion(meeting, cy.today) for meeting in held]
    wording = {
        ComplianceStatus.LATE: "circulated late or overdue",
        ComplianceStatus.DUE_SOON: f"due within {MINUTES_REMIND_WORKING_DAYS} working days",
        ComplianceStatus.MET: "circulated on time",
        ComplianceStatus.PENDING: "not yet due",
    }
    return _per_meeting_rule(
        partnership,
        occasions,
        wording,
        key="minutes",
        title=f"Minutes approved by the chair and circulated within {days} of each meeting",
        source="ToR 5.8",
        counted=f"held in {cy.year}",
        none=f"No meeting has been held in {cy.year} yet.",
    )


def _is_held(meeting, today) -> bool:
    return meeting.date < today or meeting.status not in OPEN_STATUSES


def _count_status(needed: int, held: int, planned: int, cy: ComplianceYear, what: str) -> tuple[str, str]:
    """(status, reason) for "at least `needed` `what` a year". A meeting records no cancellation
    (it has no cancelled status), so every meeting of the year still to come counts as planned."""
    if needed == 0:
        return ComplianceStatus.MET, f"None are required; {plural(held, what[:-1], what)} held in {cy.year}."
    if held >= needed:
        return ComplianceStatus.MET, f"{plural(held, what[:-1], what)} held in {cy.year}; at least {needed} needed."
    if held + planned >= needed:
        reason = f"{held} held and {planned} more planned in {cy.year}: on course for the {needed} needed."
        return ComplianceStatus.DUE_SOON, reason
    short = needed - held - planned
    if not cy.has_begun:
        reason = f"{planned} planned for {cy.year} so far; at least {needed} needed: schedule {short} more."
        return ComplianceStatus.PENDING, reason
    if cy.is_over:
        held_words = f"Only {held}" if held else "None"
        return ComplianceStatus.MISSED, f"{held_words} held in {cy.year}; the rule asks for at least {needed}."
    if held + planned == 0:
        reason = f"None held or planned in {cy.year}: schedule {needed} by {long_date(cy.last)}."
    else:
        reason = (
            f"Only {held} held and {planned} planned in {cy.year}, short of the {needed} needed: "
            f"schedule {short} more by {long_date(cy.last)}."
        )
    return ComplianceStatus.MISSED, reason


def meetings_a_year_rule(partnership, meetings, cy: ComplianceYear) -> RuleRow:
    needed = partnership.min_meetings_per_year
    held = sum(1 for meeting in meetings if _is_held(meeting, cy.today))
    status, reason = _count_status(needed, held, len(meetings) - held, cy, "meetings")
    return RuleRow(
        key="meetings",
        title=f"At least {plural(needed, 'meeting')} a year",
        source="ToR 5.1",
        status=status,
        reason=reason,
        fix_url=reverse("meetings:meeting-add", kwargs={"slug": partnership.slug}),
        fix_label="Schedule a meeting",
    )


def public_meetings_rule(partnership, meetings, cy: ComplianceYear) -> RuleRow:
    needed = partnership.min_public_meetings_per_year
    public = [meeting for meeting in meetings if meeting.is_public]
    held = sum(1 for meeting in public if _is_held(meeting, cy.today))
    status, reason = _count_status(needed, held, len(public) - held, cy, "public meetings")
    return RuleRow(
        key="public_meetings",
        title=f"At least {plural(needed, 'meeting')} a year held in public",
        source="Partnership rules",
        status=status,
        reason=reason,
        fix_url=reverse("meetings:list", kwargs={"slug": partnership.slug}),
        fix_label="Meetings",
    )
