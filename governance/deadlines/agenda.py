"""Agenda and papers go out N working days before the meeting (ToR 5.7). The secretariat is
reminded 2 working days before the agenda is due; the secretariat and the chair are told on the
working day after it passed without the agenda going out."""

import datetime
from collections.abc import Iterator

from django.urls import reverse
from django.utils.translation import gettext as _

from meetings.models import Meeting, MeetingStatus
from partnership.models import Partnership

from .context import SweepContext, long_day, short_day, within
from .windows import agenda_window, working_day_after

LOOK_AHEAD = datetime.timedelta(days=120)


def meetings_waiting_for_an_agenda(partnerships: dict[int, Partnership], today: datetime.date) -> list[Meeting]:
    """Planned meetings of `partnerships` (by id), from today to four months ahead, whose agenda
    has not gone out: one query. The sweep and "waiting on me" (governance/portal) both select
    with it, so a reminder and the home page never disagree."""
    meetings = list(
        Meeting.objects.filter(
            partnership_id__in=list(partnerships),
            status=MeetingStatus.PLANNED,
            agenda_circulated_at__isnull=True,
            date__gte=today,
            date__lte=today + LOOK_AHEAD,
        ).order_by("date", "start_time", "pk")
    )
    for meeting in meetings:
        meeting.partnership = partnerships[meeting.partnership_id]  # shares the calendar read once
    return meetings


def find(ctx: SweepContext) -> Iterator:
    for meeting in meetings_waiting_for_an_agenda(ctx.by_id, ctx.today):
        partnership = meeting.partnership
        due = meeting.agenda_due
        link = reverse("meetings:meeting", kwargs={"slug": partnership.slug, "pk": meeting.pk})
        name = _("%(meeting)s on %(date)s") % {"meeting": meeting.title, "date": long_day(meeting.date)}
        dates = {"name": name, "due": long_day(due), "due_short": short_day(due)}
        if agenda_window(meeting).is_open(ctx.today):
            yield ctx.notice(
                partnership,
                kind="agenda_due_soon",
                about=f"meeting:{meeting.pk}",
                occasion=due.isoformat(),
                recipients=ctx.secretariat(partnership),
                subject=_("Agenda due on %(due_short)s: %(name)s") % dates,
                paragraphs=(
                    _(
                        "The agenda and papers for the %(name)s must go to members by %(due)s, %(days)s working "
                        "days before the meeting (terms of reference 5.7)."
                    )
                    % {**dates, "days": partnership.agenda_notice_working_days},
                    _("They have not been circulated yet."),
                ),
                link=link,
                link_text=_("Agree and circulate the agenda"),
                why=_("You get this as the partnership's secretariat."),
            )
        late_from = working_day_after(partnership, due)
        if within(ctx, late_from, meeting.date):
            yield ctx.notice(
                partnership,
                kind="agenda_late",
                about=f"meeting:{meeting.pk}",
                occasion=due.isoformat(),
                recipients=ctx.secretariat_and_chair(partnership),
                subject=_("Agenda late: %(name)s") % dates,
                paragraphs=(
                    _(
                        "The agenda and papers for the %(name)s were due to go to members by %(due)s (terms of "
                        "reference 5.7), and have not been circulated."
                    )
                    % dates,
                    _("Circulate them as soon as possible; the chair decides whether late papers are taken."),
                ),
                link=link,
                link_text=_("Open the meeting"),
                why=_("You get this as the partnership's secretariat or chair."),
            )
