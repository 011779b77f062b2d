"""The sweep: every rule, in one place, run in one transaction that records what must be sent.
A sweep killed half way records nothing; the next records everything; a sweep run twice, or by
two workers at once, records each notice once (the outbox's unique key)."""

import datetime

from django.db import transaction
from django.utils import timezone

from partnership.models import Notification
from partnership.notifications.recording import Notice, record

from . import agenda, conduct, interests, meeting_count, milestones, minutes, offices, reviews, withdrawals
from .context import load_context

# Each rule of the terms of reference, in the order of issue 6's table.
RULES = (
    agenda.find,
    minutes.find,
    milestones.find,
    offices.find,
    reviews.find,
    meeting_count.find,
    withdrawals.find,
    conduct.find,
    interests.find,
)


def find_notices(*, now: datetime.datetime | None = None) -> list[Notice]:
    """Every notice the rules call for today, recorded or not."""
    context = load_context(now=now or timezone.now())
    return [notice for rule in RULES for notice in rule(context)]


@transaction.atomic
def run_sweep(*, now: datetime.datetime | None = None) -> list[Notification]:
    """Record every notice not yet recorded; their sending is queued when this commits."""
    now = now or timezone.now()
    return record(find_notices(now=now), now=now)
