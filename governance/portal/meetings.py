"""My next meetings, and what I must read for those whose agenda has gone out."""

import datetime

from meetings.models import Meeting, Paper
from partnership.models import Partnership
from partnership.roles import visible_partnership_filter

NEXT_MEETINGS = 5


def next_meetings(user, today: datetime.date, count: int = NEXT_MEETINGS) -> list[Meeting]:
    """The next few meetings of the partnerships the user sits on or serves, each with its
    partnership; those whose agenda has gone out carry `papers_to_read` (their papers in agenda
    order). Two queries, however many meetings or papers."""
    partnerships = Partnership.objects.filter(visible_partnership_filter(user))
    meetings = list(
        Meeting.objects.filter(partnership__in=partnerships, date__gte=today)
        .select_related("partnership")
        .order_by("date", "start_time", "pk")[:count]
    )
    circulated = [meeting.pk for meeting in meetings if meeting.is_circulated]
    papers = (
        Paper.objects.filter(agenda_item__meeting_id__in=circulated)
        .select_related("agenda_item")
        .order_by("agenda_item__position", "agenda_item__pk", "pk")
        if circulated
        else []
    )
    by_meeting: dict[int, list[Paper]] = {}
    for paper in papers:
        by_meeting.setdefault(paper.agenda_item.meeting_id, []).append(paper)
    for meeting in meetings:
        meeting.papers_to_read = by_meeting.get(meeting.pk, [])
    return meetings
