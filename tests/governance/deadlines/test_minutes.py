"""ToR 5.8: minutes are approved by the chair and circulated within 10 working days. From 3
working days before they are due the secretariat is reminded, and whoever chaired hears that a
draft awaits their approval; from the working day after, the secretariat and the chair are told
they are late, for up to 30 days."""

import datetime

import pytest
import time_machine
from django.conf import settings
from django.utils import timezone

from governance.deadlines import minutes as minutes_rule
from governance.deadlines import sweep as the_sweep
from governance.deadlines.context import load_context
from meetings.models import Meeting, MeetingStatus, Minutes, MinutesStatus
from partnership.models import ClosureDay, Member
from tests.factories import (
    MeetingFactory,
    MemberFactory,
    NominatingBodyFactory,
    OfficeFactory,
    PartnershipFactory,
    SecretariatFactory,
)

from .conftest import LONDON, addressed_to, subjects

# Thursday 26 November 2026: the minutes are due ten working days after, Thursday 10 December.
MEETING_DAY = datetime.date(2026, 11, 26)
DUE = datetime.date(2026, 12, 10)
REMINDED_FROM = datetime.date(2026, 12, 7)  # Monday: three working days before
LATE_FROM = datetime.date(2026, 12, 11)
SECRETARIAT = "sam.secretariat@example.org"
CHAIR = "carol.chair@warwickshire.example.org"
MEMBER = "mo.member@police.example.org"
DUE_SOON = "Minutes due on Thursday 10 December: Board meeting on Thursday 26 November 2026"
AWAITING = "Minutes awaiting your approval by Thursday 10 December: Board meeting on Thursday 26 November 2026"
LATE = "Minutes late: Board meeting on Thursday 26 November 2026"


@pytest.fixture(autouse=True)
def only_the_minutes_rule(monkeypatch):
    """Other rules (the year's meetings, the chair's term) write to the same people on the same
    days; this module tests what the minutes' rule sends."""
    monkeypatch.setattr(the_sweep, "RULES", (minutes_rule.find,))


@pytest.fixture
def meeting(warwickshire, secretariat, chair, member):
    return MeetingFactory(partnership=warwickshire, title="Board meeting", date=MEETING_DAY)


def _minutes(meeting, status=MinutesStatus.DRAFT) -> Minutes:
    now = timezone.now()
    approved = status != MinutesStatus.DRAFT
    circulated = status in (MinutesStatus.CIRCULATED, MinutesStatus.CONFIRMED)
    return Minutes.objects.create(
        meeting=meeting,
        status=status,
        approved_at=now if approved else None,
        circulated_at=now if circulated else None,
        confirmed_at_meeting=MeetingFactory(partnership=meeting.partnership, date=DUE)
        if status == MinutesStatus.CONFIRMED
        else None,
    )


def _html(message) -> str:
    (content, mimetype) = message.alternatives[0]
    assert mimetype == "text/html"
    return content


def test_the_secretariat_is_reminded_three_working_days_before_the_minutes_are_due(meeting, sweep):
    assert meeting.minutes_due == DUE
    assert sweep(datetime.date(2026, 12, 4)) == []
    sent = sweep(REMINDED_FROM)

    assert subjects(sent) == [DUE_SOON]
    assert sent[0].to == [SECRETARIAT]
    assert sweep(datetime.date(2026, 12, 8)) == []  # told once
    assert sweep(DUE) == []


def test_the_reminder_says_the_rule_the_date_and_links_to_the_minutes_in_text_and_html(meeting, sweep):
    [message] = sweep(REMINDED_FROM)
    link = f"{settings.SITE_URL}/partnerships/warwickshire-scp/meetings/{meeting.pk}/minutes/"
    sentence = (
        "Minutes are approved by the chair and circulated within 10 working days of the meeting (terms of "
        "reference 5.8). The minutes of the Board meeting on Thursday 26 November 2026 must go to members by "
        "Thursday 10 December 2026."
    )

    assert sentence in message.body
    assert "They have not been started yet." in message.body
    assert f"Open the minutes: {link}" in message.body
    assert "You get this as the partnership's secretariat." in message.body
    html = _html(message)
    assert f"<p>{sentence}</p>" in html
    assert f'<a href="{link}"' in html


def test_the_chair_is_reminded_that_draft_minutes_await_their_approval(meeting, sweep):
    _minutes(meeting)
    assert sweep(datetime.date(2026, 12, 4)) == []
    sent = sweep(REMINDED_FROM)

    assert subjects(addressed_to(sent, SECRETARIAT)) == [DUE_SOON]
    [to_chair] = addressed_to(sent, CHAIR)
    assert to_chair.subject == AWAITING
    assert "The draft is waiting for your approval" in to_chair.body
    assert "Read and approve the minutes: " in to_chair.body
    assert f"/partnerships/warwickshire-scp/meetings/{meeting.pk}/minutes/" in _html(to_chair)
    assert "only you can approve its minutes" in to_chair.body
    assert "The draft is waiting for the chair's approval." in addressed_to(sent, SECRETARIAT)[0].body
    assert not addressed_to(sent, MEMBER)
    assert len(sent) == 2
    assert sweep(datetime.date(2026, 12, 8)) == []


def test_approved_minutes_only_need_circulating(meeting, sweep):
    _minutes(meeting, MinutesStatus.APPROVED)

    sent = sweep(REMINDED_FROM)

    assert [message.to for message in sent] == [[SECRETARIAT]]
    assert "The chair has approved them; they have not been circulated yet. Circulate them." in sent[0].body


def test_whoever_presided_is_asked_to_approve_not_the_chair(meeting, member, sweep):
    Meeting.objects.filter(pk=meeting.pk).update(presiding_member=Member.objects.get(person__user=member))
    _minutes(meeting)

    sent = sweep(REMINDED_FROM)

    assert subjects(addressed_to(sent, MEMBER)) == [AWAITING]
    assert not addressed_to(sent, CHAIR)


def test_when_nobody_chaired_the_secretariat_is_told_to_name_who_presided(warwickshire, secretariat, sweep):
    _minutes(MeetingFactory(partnership=warwickshire, title="Board meeting", date=MEETING_DAY))

    sent = sweep(REMINDED_FROM)

    assert [message.to for message in sent] == [[SECRETARIAT]]
    assert "Nobody is recorded as chairing this meeting, so nobody can approve its minutes" in sent[0].body


@pytest.mark.parametrize("status", [MinutesStatus.CIRCULATED, MinutesStatus.CONFIRMED])
def test_circulated_minutes_are_not_chased(meeting, sweep, status):
    _minutes(meeting, status)

    for day in (REMINDED_FROM, DUE, LATE_FROM, datetime.date(2026, 12, 14)):
        assert sweep(day) == []


def test_the_secretariat_and_chair_are_told_the_day_after_the_minutes_were_due(meeting, sweep):
    _minutes(meeting)
    sweep(REMINDED_FROM)
    assert sweep(DUE) == []
    sent = sweep(LATE_FROM)

    assert subjects(sent) == [LATE] * 2
    assert addressed_to(sent, SECRETARIAT)
    [to_chair] = addressed_to(sent, CHAIR)
    assert "were due to go to members by Thursday 10 December 2026 (terms of reference 5.8)" in to_chair.body
    assert f"/partnerships/warwickshire-scp/meetings/{meeting.pk}/minutes/" in _html(to_chair)
    assert not addressed_to(sent, MEMBER)
    assert sweep(datetime.date(2026, 12, 14)) == []  # told once


def test_late_minutes_are_told_for_thirty_days_then_left_alone(meeting, sweep):
    assert subjects(sweep(datetime.date(2027, 1, 9))) == [LATE] * 2  # a sweep missed until the 30th day


def test_minutes_more_than_thirty_days_late_are_not_told(meeting, sweep):
    assert sweep(datetime.date(2027, 1, 10)) == []


def test_without_a_chair_only_the_secretariat_is_told_they_are_late(warwickshire, secretariat, sweep):
    MeetingFactory(partnership=warwickshire, title="Board meeting", date=MEETING_DAY)

    sent = sweep(LATE_FROM)

    assert [message.to for message in sent] == [[SECRETARIAT]]
    assert subjects(sent) == [LATE]


def test_christmas_moves_the_late_day(warwickshire, secretariat, chair, sweep):
    meeting = MeetingFactory(partnership=warwickshire, title="Board meeting", date=datetime.date(2026, 12, 10))
    assert meeting.minutes_due == datetime.date(2026, 12, 24)

    assert sweep(datetime.date(2026, 12, 18)) == []
    assert subjects(sweep(datetime.date(2026, 12, 21))) == [
        "Minutes due on Thursday 24 December: Board meeting on Thursday 10 December 2026"
    ]
    # Friday 25 and Monday 28 December are bank holidays: the minutes are late from Tuesday 29.
    assert sweep(datetime.date(2026, 12, 28)) == []
    assert (
        subjects(sweep(datetime.date(2026, 12, 29))) == ["Minutes late: Board meeting on Thursday 10 December 2026"] * 2
    )


def test_a_closure_day_moves_the_minutes_due_and_late_days(warwickshire, secretariat, chair, sweep):
    ClosureDay.objects.create(partnership=warwickshire, date=datetime.date(2026, 12, 24), name="Christmas Eve")
    MeetingFactory(partnership=warwickshire, title="Board meeting", date=datetime.date(2026, 12, 10))

    sent = sweep(datetime.date(2026, 12, 21))
    assert subjects(sent) == ["Minutes due on Tuesday 29 December: Board meeting on Thursday 10 December 2026"]
    assert "must go to members by Tuesday 29 December 2026" in sent[0].body
    assert sweep(datetime.date(2026, 12, 29)) == []
    assert (
        subjects(sweep(datetime.date(2026, 12, 30))) == ["Minutes late: Board meeting on Thursday 10 December 2026"] * 2
    )


def test_minutes_of_a_meeting_not_yet_held_are_not_chased(warwickshire, secretariat, sweep):
    """With one working day for the minutes, the reminder opens before the meeting: nothing is
    said until its day has passed or it is recorded as held."""
    warwickshire.minutes_working_days = 1
    warwickshire.save()
    meeting = MeetingFactory(partnership=warwickshire, title="Board meeting", date=MEETING_DAY)

    assert sweep(datetime.date(2026, 11, 25)) == []
    assert sweep(MEETING_DAY) == []
    Meeting.objects.filter(pk=meeting.pk).update(status=MeetingStatus.HELD)
    assert subjects(sweep(MEETING_DAY, hour=18)) == [
        "Minutes due on Friday 27 November: Board meeting on Thursday 26 November 2026"
    ]


def test_each_partnership_hears_only_of_its_own_minutes(meeting, outsider, other_partnership, sweep):
    MeetingFactory(partnership=other_partnership, title="Rugby board", date=MEETING_DAY)

    sent = sweep(REMINDED_FROM)

    assert subjects(addressed_to(sent, SECRETARIAT)) == [DUE_SOON]
    assert subjects(addressed_to(sent, outsider.email)) == [
        "Minutes due on Thursday 10 December: Rugby board on Thursday 26 November 2026"
    ]
    assert len(sent) == 2


def _partnerships_with_minutes(count: int) -> None:
    for _ in range(count):
        partnership = PartnershipFactory()
        SecretariatFactory(partnership=partnership)
        body = NominatingBodyFactory(partnership=partnership, seats=2)
        OfficeFactory(member=MemberFactory(nominating_body=body), starts_on=datetime.date(2026, 1, 1))
        ClosureDay.objects.create(partnership=partnership, date=datetime.date(2026, 12, 24), name="Christmas Eve")
        _minutes(MeetingFactory(partnership=partnership, date=MEETING_DAY))  # draft: chair and secretariat
        MeetingFactory(
            partnership=partnership,
            date=datetime.date(2026, 11, 19),  # late, and presided by a member
            presiding_member=MemberFactory(nominating_body=body),
        )


@pytest.mark.parametrize("partnerships", [2, 20])
def test_the_rule_reads_in_one_query_whatever_the_number_of_meetings(partnerships, db, django_assert_max_num_queries):
    _partnerships_with_minutes(partnerships)
    with time_machine.travel(datetime.datetime(2026, 12, 7, 8, 5, tzinfo=LONDON), tick=False):
        context = load_context()
        with django_assert_max_num_queries(1):
            notices = list(minutes_rule.find(context))

    kinds = sorted({notice.kind for notice in notices})
    assert kinds == ["minutes_awaiting_approval", "minutes_due_soon", "minutes_late"]
    assert len(notices) == 3 * partnerships
    assert all(notice.recipients for notice in notices)
