"""ToR 5.7: the secretariat is reminded 2 working days before the agenda is due; the secretariat
and the chair are told the working day after it passed without the agenda going out."""

import datetime

import pytest

from tests.factories import MeetingFactory

from .conftest import addressed_to, subjects

# Tuesday 15 December 2026: the agenda is due five working days before, Tuesday 8 December.
MEETING_DAY = datetime.date(2026, 12, 15)
DUE = datetime.date(2026, 12, 8)


@pytest.fixture
def meeting(warwickshire, secretariat, chair):
    return MeetingFactory(partnership=warwickshire, title="Board meeting", date=MEETING_DAY)


def test_the_secretariat_is_reminded_two_working_days_before_the_agenda_is_due(meeting, sweep):
    assert meeting.agenda_due == DUE
    assert sweep(datetime.date(2026, 12, 3)) == []
    sent = sweep(datetime.date(2026, 12, 4))  # Friday: two working days before Tuesday

    assert subjects(sent) == ["Agenda due on Tuesday 8 December: Board meeting on Tuesday 15 December 2026"]
    assert sent[0].to == ["sam.secretariat@example.org"]
    assert "/partnerships/warwickshire-scp/meetings/" in sent[0].body
    assert sweep(datetime.date(2026, 12, 7)) == []  # told once


def test_the_secretariat_and_chair_are_told_the_day_after_the_agenda_was_due(meeting, sweep):
    sweep(datetime.date(2026, 12, 4))
    assert sweep(DUE) == []
    sent = sweep(datetime.date(2026, 12, 9))

    assert subjects(sent) == ["Agenda late: Board meeting on Tuesday 15 December 2026"] * 2
    assert addressed_to(sent, "sam.secretariat@example.org")
    assert addressed_to(sent, "carol.chair@warwickshire.example.org")
    assert sweep(datetime.date(2026, 12, 10)) == []
