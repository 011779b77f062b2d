"""Minutes are approved by the chair and circulated within N working days of the meeting (ToR
5.8). From 3 working days before they are due, the secretariat is reminded, and whoever chaired
is reminded that draft minutes await their approval; from the working day after they were due,
the secretariat and the chair are told they are late, for up to 30 days."""

import datetime
from collections.abc import Iterator

from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from meetings.models import OPEN_STATUSES, Meeting, MinutesStatus
from partnership.models import OfficeRole, Partnership
from partnership.notifications.recording import Recipient, person_recipient

from .context import SweepContext, long_day, short_day, within
from .windows import minutes_window, working_day_after

# After a month, late minutes are a matter for the board, not for a daily email.
STOP_TELLING_AFTER = datetime.timedelta(days=30)
# Meetings whose minutes can still be due or late: up to 60 working days to circulate (the most
# a partnership can set) and the 30 days of telling, with room for holidays and closure days.
LOOK_BACK = datetime.timedelta(days=200)
NOT_CIRCULATED = (MinutesStatus.DRAFT, MinutesStatus.APPROVED)
_NOBODY_CHAIRED = gettext_lazy(
    "Nobody is recorded as chairing this meeting, so nobody can approve its minutes: name who presided, "
    "or record the chair's office."
)


def meetings_waiting_for_minutes(partnerships: dict[int, Partnership], today: datetime.date) -> list[Meeting]:
    """Meetings of `partnerships` (by id) held (their day has passed, or they are recorded as
    held) whose minutes, if started at all, have not gone out: one query. The sweep and "waiting
    on me" (governance/portal) both select with it, so a reminder and the home page never
    disagree."""
    meetings = list(
        Meeting.objects.filter(
            Q(date__lt=today) | ~Q(status__in=OPEN_STATUSES),
            Q(minutes__isnull=True) | Q(minutes__status__in=NOT_CIRCULATED),
            partnership_id__in=list(partnerships),
            date__gte=today - LOOK_BACK,
            date__lte=today,
        )
        .select_related("minutes", "presiding_member__person")
        .order_by("date", "start_time", "pk")
    )
    for meeting in meetings:
        meeting.partnership = partnerships[meeting.partnership_id]  # shares the calendar read once
    return meetings


def _minutes_status(meeting: Meeting) -> str | None:
    minutes = getattr(meeting, "minutes", None)  # a meeting may have no minutes started yet
    return minutes.status if minutes is not None else None


def _who_chaired(partnership: Partnership, meeting: Meeting) -> tuple[Recipient, ...]:
    """Only whoever chaired approves the minutes (meetings/chairing.py): the member named to
    preside, else the chair in office on the meeting's day, read from the offices the context
    loaded rather than a query per meeting. Nobody, when neither is recorded."""
    if meeting.presiding_member is not None:
        return (person_recipient(meeting.presiding_member.person),)
    for office in partnership.offices.all():
        if office.role == OfficeRole.CHAIR and office.starts_on <= meeting.date <= office.ends_on:
            return (person_recipient(office.member.person),)
    return ()


def _what_the_secretariat_does(status: str | None, chaired: tuple[Recipient, ...]) -> tuple[str, ...]:
    if status == MinutesStatus.APPROVED:
        return (_("The chair has approved them; they have not been circulated yet. Circulate them."),)
    started = _("The draft is waiting for the chair's approval.") if status else _("They have not been started yet.")
    if not chaired:
        return (started, str(_NOBODY_CHAIRED))
    return (started, _("Make sure the chair approves them in time, then circulate them."))


def find(ctx: SweepContext) -> Iterator:
    for meeting in meetings_waiting_for_minutes(ctx.by_id, ctx.today):
        partnership = meeting.partnership
        due = meeting.minutes_due
        link = reverse("minutes:minutes", kwargs={"slug": partnership.slug, "pk": meeting.pk})
        name = _("%(meeting)s on %(date)s") % {"meeting": meeting.title, "date": long_day(meeting.date)}
        dates = {"name": name, "due": long_day(due), "due_short": short_day(due)}
        rule = _(
            "Minutes are approved by the chair and circulated within %(days)s working days of the meeting (terms "
            "of reference 5.8)."
        ) % {"days": partnership.minutes_working_days}
        must_go = _("%(rule)s The minutes of the %(name)s must go to members by %(due)s.") % {**dates, "rule": rule}
        if minutes_window(meeting).is_open(ctx.today):
            chaired = _who_chaired(partnership, meeting)
            status = _minutes_status(meeting)
            yield ctx.notice(
                partnership,
                kind="minutes_due_soon",
                about=f"meeting:{meeting.pk}",
                occasion=due.isoformat(),
                recipients=ctx.secretariat(partnership),
                subject=_("Minutes due on %(due_short)s: %(name)s") % dates,
                paragraphs=(must_go, *_what_the_secretariat_does(status, chaired)),
                link=link,
                link_text=_("Open the minutes"),
                why=_("You get this as the partnership's secretariat."),
            )
            if status == MinutesStatus.DRAFT:
                yield ctx.notice(
                    partnership,
                    kind="minutes_awaiting_approval",
                    about=f"meeting:{meeting.pk}",
                    occasion=due.isoformat(),
                    recipients=chaired,
                    subject=_("Minutes awaiting your approval by %(due_short)s: %(name)s") % dates,
                    paragraphs=(
                        must_go,
                        _(
                            "The draft is waiting for your approval; the secretariat circulates the minutes once "
                            "you have approved them."
                        ),
                    ),
                    link=link,
                    link_text=_("Read and approve the minutes"),
                    why=_("You get this because you chaired the meeting: only you can approve its minutes."),
                )
        late_from = working_day_after(partnership, due)
        if within(ctx, late_from, due + STOP_TELLING_AFTER):
            yield ctx.notice(
                partnership,
                kind="minutes_late",
                about=f"meeting:{meeting.pk}",
                occasion=due.isoformat(),
                recipients=ctx.secretariat_and_chair(partnership),
                subject=_("Minutes late: %(name)s") % dates,
                paragraphs=(
                    _(
                        "The minutes of the %(name)s were due to go to members by %(due)s (terms of reference "
                        "5.8), and have not been circulated."
                    )
                    % dates,
                    _("Have them approved by whoever chaired the meeting and circulate them as soon as possible."),
                ),
                link=link,
                link_text=_("Open the minutes"),
                why=_("You get this as the partnership's secretariat or chair."),
            )
