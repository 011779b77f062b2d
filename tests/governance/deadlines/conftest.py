"""Running the sweep on a given day, as beat would at eight in the morning, and reading what it
sent from Django's test outbox."""

import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from governance.deadlines.sweep import run_sweep
from partnership.notifications.delivery import deliver_waiting

LONDON = ZoneInfo("Europe/London")


@pytest.fixture
def sweep(mailoutbox):
    """`sweep(day)` runs the sweep at 08:05 on `day`, sends what it recorded, and returns the
    emails sent by that run."""

    def run(day: datetime.date, hour: int = 8) -> list:
        before = len(mailoutbox)
        with time_machine.travel(datetime.datetime.combine(day, datetime.time(hour, 5), tzinfo=LONDON), tick=False):
            run_sweep()
            deliver_waiting()
        return mailoutbox[before:]

    return run


def addressed_to(messages, email: str) -> list:
    return [message for message in messages if email.lower() in [to.lower() for to in message.to]]


def subjects(messages) -> list[str]:
    return sorted(message.subject for message in messages)
