"""ToR 5.7: the secretariat is reminded 2 working days before the agenda is due; the secretariat
and the chair are told the working day after it passed without the agenda going out."""

import datetime

import pytest
import time_machine
from django.conf import settings
from django.utils import timezone

from governance.deadlines import agenda
from governance.deadlines import sweep as the_sweep
from governance.deadlines.context import load_context
from meetings.models import Meeting, MeetingStatus
from partnership.models import ClosureDay
from tests.factories import MeetingFactory, PartnershipFactory, SecretariatFactory

from .conftest import LONDON, addressed_to, subjects

# Tuesday 15 December 2026: the agenda is due five working days before, Tuesday 8 December.
MEETING_DAY = datetime.date(2026, 12, 15)
DUE = datetime.date(2026, 12, 8)
# Tuesday 5 January 2027: Christmas Day (Friday) and Boxing Day (kept on Monday 28) put the
# agenda's day back to Thursday 24 December.
AFTER_CHRISTMAS = datetime.date(2027, 1, 5)
SECRETARIAT = "sam.secretariat@example.org"
CHAIR = "carol.chair@warwickshire.example.org"


@pytest.fixture(autouse=True)
def only_the_agenda_rule(monkeypatch):
    """Other rules (the year's meetings, the chair's term) write to the same people on the same
    days; this module tests what the agenda's rule sends."""
    monkeypatch.setattr(the_sweep, "RULES", (agenda.find,))


@pytest.fixture
def meeting(warwickshire, secretariat, chair):
    return MeetingFactory(partnership=warwickshire, title="Board meeting", date=MEETING_DAY)


def _html(message) -> str:
    (content, mimetype) = message.alternatives[0]
    assert mimetype == "text/html"
    return content


def test_the_secretariat_is_reminded_two_working_days_before_the_agenda_is_due(meeting, sweep):
    assert meeting.agenda_due == DUE
    assert sweep(datetime.date(2026, 12, 3)) == []
    sent = sweep(datetime.date(2026, 12, 4))  # Friday: two working days before Tuesday

    assert subjects(sent) == ["Agenda due on Tuesday 8 December: Board meeting on Tuesday 15 December 2026"]
    assert sent[0].to == ["sam.secretariat@example.org"]
    assert "/partnerships/warwickshire-scp/meetings/" in sent[0].body
    assert sweep(datetime.date(2026, 12, 7)) == []  # told once


def test_the_reminder_says_the_rule_the_date_and_links_to_the_meeting_in_text_and_html(meeting, sweep):
    [message] = sweep(datetime.date(2026, 12, 4))
    link = f"{settings.SITE_URL}/partnerships/warwickshire-scp/meetings/{meeting.pk}/"
    sentence = (
        "The agenda and papers for the Board meeting on Tuesday 15 December 2026 must go to members by "
        "Tuesday 8 December 2026, 5 working days before the meeting (terms of reference 5.7)."
    )

    assert sentence in message.body
    assert f"Agree and circulate the agenda: {link}" in message.body
    assert "You get this as the partnership's secretariat." in message.body
    html = _html(message)
    assert f"<p>{sentence}</p>" in html
    assert f'<a href="{link}"' in html
    assert "Agree and circulate the agenda</a>" in html


def test_the_secretariat_and_chair_are_told_the_day_after_the_agenda_was_due(meeting, sweep):
    sweep(datetime.date(2026, 12, 4))
    assert sweep(DUE) == []
    sent = sweep(datetime.date(2026, 12, 9))

    assert subjects(sent) == ["Agenda late: Board meeting on Tuesday 15 December 2026"] * 2
    assert addressed_to(sent, "sam.secretariat@example.org")
    assert addressed_to(sent, "carol.chair@warwickshire.example.org")
    assert sweep(datetime.date(2026, 12, 10)) == []


def test_the_late_notice_says_when_the_agenda_was_due(meeting, sweep, member):
    sent = sweep(datetime.date(2026, 12, 9))

    [to_chair] = addressed_to(sent, CHAIR)
    assert "were due to go to members by Tuesday 8 December 2026 (terms of reference 5.7)" in to_chair.body
    assert f"/partnerships/warwickshire-scp/meetings/{meeting.pk}/" in _html(to_chair)
    assert "You get this as the partnership's secretariat or chair." in to_chair.body
    assert not addressed_to(sent, "mo.member@police.example.org")  # members are not told


def test_christmas_moves_the_agenda_and_its_reminders(warwickshire, secretariat, chair, sweep):
    meeting = MeetingFactory(partnership=warwickshire, title="Board meeting", date=AFTER_CHRISTMAS)
    assert meeting.agenda_due == datetime.date(2026, 12, 24)

    assert sweep(datetime.date(2026, 12, 21)) == []
    reminded = sweep(datetime.date(2026, 12, 22))  # two working days before Thursday 24 December
    assert subjects(reminded) == ["Agenda due on Thursday 24 December: Board meeting on Tuesday 5 January 2027"]
    assert sweep(datetime.date(2026, 12, 24)) == []
    # Friday 25 and Monday 28 December are bank holidays: the agenda is late from Tuesday 29.
    assert sweep(datetime.date(2026, 12, 28)) == []
    late = sweep(datetime.date(2026, 12, 29))
    assert subjects(late) == ["Agenda late: Board meeting on Tuesday 5 January 2027"] * 2
    assert sweep(datetime.date(2026, 12, 30)) == []


def test_a_closure_day_brings_the_agenda_and_its_reminder_forward(warwickshire, secretariat, sweep):
    ClosureDay.objects.create(partnership=warwickshire, date=datetime.date(2026, 12, 24), name="Christmas Eve")
    MeetingFactory(partnership=warwickshire, title="Board meeting", date=AFTER_CHRISTMAS)

    assert sweep(datetime.date(2026, 12, 18)) == []
    sent = sweep(datetime.date(2026, 12, 21))  # two working days before Wednesday 23 December

    assert subjects(sent) == ["Agenda due on Wednesday 23 December: Board meeting on Tuesday 5 January 2027"]
    assert "by Wednesday 23 December 2026" in sent[0].body
    assert sweep(datetime.date(2026, 12, 22)) == []


def test_a_circulated_agenda_is_not_chased(meeting, sweep):
    Meeting.objects.filter(pk=meeting.pk).update(
        status=MeetingStatus.AGENDA_CIRCULATED, agenda_circulated_at=timezone.now()
    )

    for day in (datetime.date(2026, 12, 4), DUE, datetime.date(2026, 12, 9), MEETING_DAY):
        assert sweep(day) == []


def test_a_meeting_already_held_is_not_chased(meeting, sweep):
    # Nobody swept between the agenda's day and the meeting: afterwards it is too late to tell.
    assert sweep(datetime.date(2026, 12, 16)) == []


def test_a_meeting_recorded_as_held_is_not_chased(meeting, sweep):
    Meeting.objects.filter(pk=meeting.pk).update(status=MeetingStatus.HELD)

    assert sweep(MEETING_DAY) == []


def test_each_partnership_hears_only_of_its_own_meetings(meeting, outsider, other_partnership, sweep):
    MeetingFactory(partnership=other_partnership, title="Rugby board", date=MEETING_DAY)

    sent = sweep(datetime.date(2026, 12, 4))

    assert subjects(addressed_to(sent, SECRETARIAT)) == [
        "Agenda due on Tuesday 8 December: Board meeting on Tuesday 15 December 2026"
    ]
    assert subjects(addressed_to(sent, outsider.email)) == [
        "Agenda due on Tuesday 8 December: Rugby board on Tuesday 15 December 2026"
    ]
    assert "rugby-csp" not in addressed_to(sent, SECRETARIAT)[0].body
    assert len(sent) == 2


def test_without_a_chair_only_the_secretariat_is_told_it_is_late(warwickshire, secretariat, member, sweep):
    MeetingFactory(partnership=warwickshire, title="Board meeting", date=MEETING_DAY)

    sent = sweep(datetime.date(2026, 12, 9))

    assert [message.to for message in sent] == [[SECRETARIAT]]
    assert subjects(sent) == ["Agenda late: Board meeting on Tuesday 15 December 2026"]


def test_a_rescheduled_meeting_has_a_new_deadline_and_is_told_again(meeting, sweep):
    assert len(sweep(datetime.date(2026, 12, 4))) == 1
    meeting.date = datetime.date(2026, 12, 17)  # Thursday: the agenda is now due Thursday 10 December
    meeting.save()

    assert sweep(datetime.date(2026, 12, 7)) == []
    sent = sweep(datetime.date(2026, 12, 8))

    assert subjects(sent) == ["Agenda due on Thursday 10 December: Board meeting on Thursday 17 December 2026"]
    assert sweep(datetime.date(2026, 12, 9)) == []  # the old deadline passing is no longer news
    assert (
        subjects(sweep(datetime.date(2026, 12, 11))) == ["Agenda late: Board meeting on Thursday 17 December 2026"] * 2
    )


def _partnerships_with_meetings(count: int) -> None:
    for _ in range(count):
        partnership = PartnershipFactory()
        SecretariatFactory(partnership=partnership)
        ClosureDay.objects.create(partnership=partnership, date=datetime.date(2026, 12, 24), name="Christmas Eve")
        MeetingFactory(partnership=partnership, date=MEETING_DAY)
        MeetingFactory(partnership=partnership, date=datetime.date(2026, 12, 17))


@pytest.mark.parametrize("partnerships", [2, 20])
def test_the_rule_reads_in_one_query_whatever_the_number_of_meetings(partnerships, db, django_assert_max_num_queries):
    _partnerships_with_meetings(partnerships)
    with time_machine.travel(datetime.datetime(2026, 12, 9, 8, 5, tzinfo=LONDON), tick=False):
        context = load_context()
        with django_assert_max_num_queries(1):
            notices = list(agenda.find(context))

    assert len(notices) == 2 * partnerships  # one meeting's agenda late, the other's due soon
