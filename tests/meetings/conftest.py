"""Fixtures the meeting tests share."""

import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from meetings import services

TUESDAY = datetime.date(2027, 6, 15)  # agenda due Tuesday 8 June, minutes Tuesday 29 June


@pytest.fixture
def meeting(warwickshire):
    """A board meeting on a Tuesday in June 2027 with no holiday near, its standing items on."""
    return services.schedule_meeting(
        partnership=warwickshire, title="Board meeting", date=TUESDAY, start_time=datetime.time(14)
    )


@pytest.fixture
def media(settings, tmp_path):
    """Uploaded papers and packs go to a folder of the test's own."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def after_the_meeting(meeting):
    """The clock moved on to the evening of the meeting's day, so what happened can be recorded."""
    with time_machine.travel(datetime.datetime(2027, 6, 15, 17, 0, tzinfo=ZoneInfo("Europe/London")), tick=True):
        yield meeting
