"""Emails a lost task never recorded. Circulating an agenda or minutes, or putting a decision to
the members in writing, queues a task that records each member's email (meetings.tasks). If
that task is lost (Redis restarted before a worker took it), only the circulation itself says
the emails are owed, so the sweep records them for anything announced in the last week that
has no email recorded. Recording is keyed: for a task that did run, or runs later, it adds
nothing, and nobody is told twice. Likewise a resident's news of new publications: a row of
the index published in the last week and not marked told is told by the sweep."""

import datetime
from collections.abc import Callable, Iterable

from django.utils import timezone

from meetings.models import Meeting, Minutes, MinutesStatus, ProposalStatus, WrittenProposal
from meetings.notifications import email_members_agenda, email_members_minutes, email_members_written_proposal
from partnership.models import Notification

from ..services_subscriptions import tell_subscribers_of_untold

# Long enough to outlast a weekend without a sweep; short enough that nothing old is sent out of the blue.
LOOK_BACK = datetime.timedelta(days=7)


def _record_unannounced(rows: Iterable, *, kind: str, about: Callable, announce: Callable) -> int:
    """Announce each row with no email of `kind` recorded about it (one query for them all)."""
    by_key = {about(row): row for row in rows}
    announced = set(Notification.objects.filter(kind=kind, about__in=by_key).values_list("about", flat=True))
    return sum(announce(row) for key, row in by_key.items() if key not in announced)


def record_missed_announcements(*, now: datetime.datetime | None = None) -> int:
    """Record the emails of each recent announcement that has none, and of the publications whose
    subscribers were not told. Returns how many were recorded."""
    now = now or timezone.now()
    since = now - LOOK_BACK
    # An agenda is worth sending only for a meeting still to come.
    agendas = Meeting.objects.filter(agenda_circulated_at__gte=since, date__gte=timezone.localdate(now)).select_related(
        "partnership"
    )
    minutes = Minutes.objects.filter(status=MinutesStatus.CIRCULATED, circulated_at__gte=since).select_related(
        "meeting__partnership"
    )
    proposals = WrittenProposal.objects.filter(status=ProposalStatus.OPEN, opened_at__gte=since).select_related(
        "partnership"
    )
    return (
        _record_unannounced(
            agendas, kind="agenda_circulated", about=lambda m: f"meeting:{m.pk}", announce=email_members_agenda
        )
        + _record_unannounced(
            minutes, kind="minutes_circulated", about=lambda m: f"minutes:{m.pk}", announce=email_members_minutes
        )
        + _record_unannounced(
            proposals,
            kind="written_proposal",
            about=lambda p: f"proposal:{p.pk}",
            announce=email_members_written_proposal,
        )
        + tell_subscribers_of_untold(since=since, now=now)
    )
