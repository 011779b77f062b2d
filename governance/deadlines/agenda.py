"""Agenda and papers go out N working days before the meeting (ToR 5.7). The secretariat is
reminded 2 working days before the agenda is due; the secretariat and the chair are told on the
working day after it passed without the agenda going out."""

import datetime
from collections.abc import Iterator

from django.urls import reverse

from meetings.models import Meeting, MeetingStatus

from .context import SweepContext, within
from .windows import agenda_window, working_day_after

LOOK_AHEAD = datetime.timedelta(days=120)


def _meetings_waiting_for_an_agenda(ctx: SweepContext) -> list[Meeting]:
    meetings = list(
        Meeting.objects.filter(
            partnership_id__in=ctx.partnership_ids,
            status=MeetingStatus.PLANNED,
            agenda_circulated_at__isnull=True,
            date__gte=ctx.today,
            date__lte=ctx.today + LOOK_AHEAD,
        ).order_by("date")
    )
    for meeting in meetings:
        meeting.partnership = ctx.by_id[meeting.partnership_id]  # shares the calendar read once
    return meetings


def find(ctx: SweepContext) -> Iterator:
    for meeting in _meetings_waiting_for_an_agenda(ctx):
        partnership = meeting.partnership
        due = meeting.agenda_due
        link = reverse("meetings:meeting", kwargs={"slug": partnership.slug, "pk": meeting.pk})
        name = f"{meeting.title} on {meeting.date:%A %-d %B %Y}"
        if agenda_window(meeting).is_open(ctx.today):
            yield ctx.notice(
                partnership,
                kind="agenda_due_soon",
                about=f"meeting:{meeting.pk}",
                occasion=due.isoformat(),
                recipients=ctx.secretariat(partnership),
                subject=f"Agenda due on {due:%A %-d %B}: {name}",
                paragraphs=(
                    f"The agenda and papers for the {name} must go to members by {due:%A %-d %B %Y}, "
                    f"{partnership.agenda_notice_working_days} working days before the meeting "
                    "(terms of reference 5.7).",
                    "They have not been circulated yet.",
                ),
                link=link,
                link_text="Agree and circulate the agenda",
                why="You get this as the partnership's secretariat.",
            )
        late_from = working_day_after(partnership, due)
        if within(ctx, late_from, meeting.date):
            yield ctx.notice(
                partnership,
                kind="agenda_late",
                about=f"meeting:{meeting.pk}",
                occasion=due.isoformat(),
                recipients=ctx.secretariat_and_chair(partnership),
                subject=f"Agenda late: {name}",
                paragraphs=(
                    f"The agenda and papers for the {name} were due to go to members by "
                    f"{due:%A %-d %B %Y} (terms of reference 5.7), and have not been circulated.",
                    "Circulate them as soon as possible; the chair decides whether late papers are taken.",
                ),
                link=link,
                link_text="Open the meeting",
                why="You get this as the partnership's secretariat or chair.",
            )
