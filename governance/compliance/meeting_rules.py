"""The rules kept at each meeting: the agenda and papers sent in time (ToR 5.7), the minutes
approved and circulated in time (ToR 5.8), and enough meetings, and public meetings, a year
(ToR 5.1). Each takes the year's meetings, fetched once, with their minutes.

An agenda not yet sent after its due date is late while the meeting is still to come, and
missed once the meeting has been held without it. Minutes not circulated by their due date are
late, as the reminder says, whether still to go out or circulated after it: minutes can always
still go out. Either is due soon exactly while its reminder goes out (deadlines/windows.py)."""

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext, ngettext_lazy

from meetings.models import OPEN_STATUSES
from partnership.services.common import long_date

from ..deadlines.windows import (
    AGENDA_REMIND_WORKING_DAYS,
    MINUTES_REMIND_WORKING_DAYS,
    agenda_window,
    minutes_window,
)
from .days import ComplianceYear, working_days_late
from .rows import MEETINGS, WORKING_DAYS, ComplianceStatus, Occasion, RuleRow, worst

PUBLIC_MEETINGS = ngettext_lazy("%(count)s public meeting", "%(count)s public meetings", "count")


def _subject(meeting) -> str:
    return _("%(meeting)s, %(date)s") % {"meeting": meeting.title, "date": long_date(meeting.date)}


def _summary(occasions: list[Occasion], wording: dict[str, str]) -> str:
    parts = []
    for status in reversed(ComplianceStatus):  # the worst first
        count = sum(1 for occasion in occasions if occasion.status == status)
        if count:
            parts.append(_("%(count)s %(what)s") % {"count": count, "what": wording[status]})
    return "; ".join(parts)


def _per_meeting_rule(partnership, occasions, wording, *, key, title, source, counted, year, none) -> RuleRow:
    """A rule kept at each meeting: its worst occasion, and how many of each there were.
    `counted` is an ngettext_lazy(..., "count") with the `year` and the `summary` to fill in."""
    summary = counted % {"count": len(occasions), "year": year, "summary": _summary(occasions, wording)}
    return RuleRow(
        key=key,
        title=title,
        source=source,
        status=worst(occasion.status for occasion in occasions),
        reason=summary if occasions else none,
        fix_url=reverse("meetings:list", kwargs={"slug": partnership.slug}),
        fix_label=_("Meetings"),
        occasions=occasions,
    )


def _agenda_occasion(meeting, today) -> Occasion:
    partnership, due = meeting.partnership, meeting.agenda_due
    url = meeting.get_absolute_url()
    if meeting.agenda_circulated_at is not None:
        sent = timezone.localdate(meeting.agenda_circulated_at)
        if meeting.agenda_circulated_late:
            late = WORKING_DAYS % {"count": working_days_late(partnership, due, sent)}
            reason = _("Sent on %(sent)s, %(late)s after it was due on %(due)s.") % {
                "sent": long_date(sent),
                "late": late,
                "due": long_date(due),
            }
            return Occasion(_subject(meeting), ComplianceStatus.LATE, reason, url)
        reason = _("Sent on %(sent)s; it was due by %(due)s.") % {"sent": long_date(sent), "due": long_date(due)}
        return Occasion(_subject(meeting), ComplianceStatus.MET, reason, url)
    if today > due:
        if meeting.date < today:
            reason = _("The meeting was held without the agenda being sent; it was due by %(due)s.") % {
                "due": long_date(due)
            }
            return Occasion(_subject(meeting), ComplianceStatus.MISSED, reason, url)
        late = WORKING_DAYS % {"count": working_days_late(partnership, due, today)}
        reason = _("Due by %(due)s and not yet sent: %(late)s late.") % {"due": long_date(due), "late": late}
        return Occasion(_subject(meeting), ComplianceStatus.LATE, reason, url)
    if agenda_window(meeting).is_open(today):
        reason = _("Due by %(due)s; not yet sent.") % {"due": long_date(due)}
        return Occasion(_subject(meeting), ComplianceStatus.DUE_SOON, reason, url)
    return Occasion(_subject(meeting), ComplianceStatus.PENDING, _("Due by %(due)s.") % {"due": long_date(due)}, url)


def _due_within(working_days: int) -> str:
    return ngettext("due within %(count)s working day", "due within %(count)s working days", working_days) % {
        "count": working_days
    }


def agenda_rule(partnership, meetings, cy: ComplianceYear) -> RuleRow:
    days = WORKING_DAYS % {"count": partnership.agenda_notice_working_days}
    occasions = [_agenda_occasion(meeting, cy.today) for meeting in meetings]
    wording = {
        ComplianceStatus.MISSED: _("held without the agenda"),
        ComplianceStatus.LATE: _("sent late or overdue"),
        ComplianceStatus.DUE_SOON: _due_within(AGENDA_REMIND_WORKING_DAYS),
        ComplianceStatus.MET: _("sent on time"),
        ComplianceStatus.PENDING: _("not yet due"),
    }
    counted = ngettext_lazy(
        "Of %(count)s meeting in %(year)s: %(summary)s.", "Of %(count)s meetings in %(year)s: %(summary)s.", "count"
    )
    return _per_meeting_rule(
        partnership,
        occasions,
        wording,
        key="agenda",
        title=_("Agenda and papers sent at least %(days)s before each meeting") % {"days": days},
        source=_("ToR 5.7"),
        counted=counted,
        year=cy.year,
        none=_("No meetings are scheduled in %(year)s.") % {"year": cy.year},
    )


def _minutes_state(minutes) -> str:
    if minutes is None:
        return _("not yet started")
    if minutes.is_draft:
        return _("still a draft")
    return _("approved by the chair on %(date)s, not yet circulated") % {
        "date": long_date(timezone.localdate(minutes.approved_at))
    }


def _minutes_occasion(meeting, today) -> Occasion:
    partnership, due = meeting.partnership, meeting.minutes_due
    minutes = getattr(meeting, "minutes", None)  # None when they have not been started
    url = reverse("minutes:minutes", kwargs={"slug": partnership.slug, "pk": meeting.pk})
    if minutes is not None and minutes.circulated_at is not None:
        sent = timezone.localdate(minutes.circulated_at)
        if minutes.is_late:
            late = WORKING_DAYS % {"count": working_days_late(partnership, due, sent)}
            reason = _("Circulated on %(sent)s, %(late)s after they were due on %(due)s.") % {
                "sent": long_date(sent),
                "late": late,
                "due": long_date(due),
            }
            return Occasion(_subject(meeting), ComplianceStatus.LATE, reason, url)
        reason = _("Circulated on %(sent)s; they were due by %(due)s.") % {
            "sent": long_date(sent),
            "due": long_date(due),
        }
        return Occasion(_subject(meeting), ComplianceStatus.MET, reason, url)
    state = _minutes_state(minutes)
    if today > due:
        late = WORKING_DAYS % {"count": working_days_late(partnership, due, today)}
        reason = _("Due by %(due)s and not yet circulated: %(late)s late; %(state)s.") % {
            "due": long_date(due),
            "late": late,
            "state": state,
        }
        return Occasion(_subject(meeting), ComplianceStatus.LATE, reason, url)
    reason = _("Due by %(due)s; %(state)s.") % {"due": long_date(due), "state": state}
    if minutes_window(meeting).is_open(today):
        return Occasion(_subject(meeting), ComplianceStatus.DUE_SOON, reason, url)
    return Occasion(_subject(meeting), ComplianceStatus.PENDING, reason, url)


def minutes_rule(partnership, meetings, cy: ComplianceYear) -> RuleRow:
    days = WORKING_DAYS % {"count": partnership.minutes_working_days}
    held = [meeting for meeting in meetings if meeting.date < cy.today]
    occasions = [_minutes_occasion(meeting, cy.today) for meeting in held]
    wording = {
        ComplianceStatus.LATE: _("circulated late or overdue"),
        ComplianceStatus.DUE_SOON: _due_within(MINUTES_REMIND_WORKING_DAYS),
        ComplianceStatus.MET: _("circulated on time"),
        ComplianceStatus.PENDING: _("not yet due"),
    }
    counted = ngettext_lazy(
        "Of %(count)s meeting held in %(year)s: %(summary)s.",
        "Of %(count)s meetings held in %(year)s: %(summary)s.",
        "count",
    )
    return _per_meeting_rule(
        partnership,
        occasions,
        wording,
        key="minutes",
        title=_("Minutes approved by the chair and circulated within %(days)s of each meeting") % {"days": days},
        source=_("ToR 5.8"),
        counted=counted,
        year=cy.year,
        none=_("No meeting has been held in %(year)s yet.") % {"year": cy.year},
    )


def _is_held(meeting, today) -> bool:
    return meeting.date < today or meeting.status not in OPEN_STATUSES


def _count_status(needed: int, held: int, planned: int, cy: ComplianceYear, what) -> tuple[str, str]:
    """(status, reason) for "at least `needed` `what` a year", `what` counted words such as
    MEETINGS. A meeting records no cancellation (it has no cancelled status), so every meeting
    of the year still to come counts as planned."""
    numbers = {"held": held, "planned": planned, "needed": needed, "year": cy.year}
    if needed == 0:
        return ComplianceStatus.MET, _("None are required; %(held)s held in %(year)s.") % {
            **numbers,
            "held": what % {"count": held},
        }
    if held >= needed:
        return ComplianceStatus.MET, _("%(held)s held in %(year)s; at least %(needed)s needed.") % {
            **numbers,
            "held": what % {"count": held},
        }
    if held + planned >= needed:
        reason = _("%(held)s held and %(planned)s more planned in %(year)s: on course for the %(needed)s needed.")
        return ComplianceStatus.DUE_SOON, reason % numbers
    numbers["short"] = needed - held - planned
    if not cy.has_begun:
        reason = _("%(planned)s planned for %(year)s so far; at least %(needed)s needed: schedule %(short)s more.")
        return ComplianceStatus.PENDING, reason % numbers
    if cy.is_over:
        if held:
            reason = _("Only %(held)s held in %(year)s; the rule asks for at least %(needed)s.")
        else:
            reason = _("None held in %(year)s; the rule asks for at least %(needed)s.")
        return ComplianceStatus.MISSED, reason % numbers
    numbers["last"] = long_date(cy.last)
    if held + planned == 0:
        reason = _("None held or planned in %(year)s: schedule %(needed)s by %(last)s.")
    else:
        reason = _(
            "Only %(held)s held and %(planned)s planned in %(year)s, short of the %(needed)s needed: "
            "schedule %(short)s more by %(last)s."
        )
    return ComplianceStatus.MISSED, reason % numbers


def meetings_a_year_rule(partnership, meetings, cy: ComplianceYear) -> RuleRow:
    needed = partnership.min_meetings_per_year
    held = sum(1 for meeting in meetings if _is_held(meeting, cy.today))
    status, reason = _count_status(needed, held, len(meetings) - held, cy, MEETINGS)
    return RuleRow(
        key="meetings",
        title=_("At least %(meetings)s a year") % {"meetings": MEETINGS % {"count": needed}},
        source=_("ToR 5.1"),
        status=status,
        reason=reason,
        fix_url=reverse("meetings:meeting-add", kwargs={"slug": partnership.slug}),
        fix_label=_("Schedule a meeting"),
    )


def public_meetings_rule(partnership, meetings, cy: ComplianceYear) -> RuleRow:
    needed = partnership.min_public_meetings_per_year
    public = [meeting for meeting in meetings if meeting.is_public]
    held = sum(1 for meeting in public if _is_held(meeting, cy.today))
    status, reason = _count_status(needed, held, len(public) - held, cy, PUBLIC_MEETINGS)
    return RuleRow(
        key="public_meetings",
        title=_("At least %(meetings)s a year held in public") % {"meetings": MEETINGS % {"count": needed}},
        source=_("Partnership rules"),
        status=status,
        reason=reason,
        fix_url=reverse("meetings:list", kwargs={"slug": partnership.slug}),
        fix_label=_("Meetings"),
    )
