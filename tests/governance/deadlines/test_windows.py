"""The dashboard and the reminders share one window per rule (governance/deadlines/windows.py):
over every day of a period taking in Christmas, New Year, weekends and a closure day, the
compliance dashboard reads "due soon" on exactly the days the sweep sends the reminder."""

import datetime
from zoneinfo import ZoneInfo

import pytest

from governance.compliance.statuses import ComplianceStatus, compliance_for
from governance.deadlines.sweep import find_notices
from meetings.models import MeetingStatus, Minutes
from partnership.models import ClosureDay, OfficeRole, WithdrawalNotice
from tests.factories import MeetingFactory, MemberFactory, OfficeFactory, PersonFactory, TermsOfReferenceFactory

LONDON = ZoneInfo("Europe/London")
# Wednesday 2 December 2026 to Friday 5 March 2027.
PERIOD = [datetime.date(2026, 12, 2) + datetime.timedelta(days=n) for n in range(94)]


@pytest.fixture(autouse=True)
def closure_day(warwickshire):
    ClosureDay.objects.create(partnership=warwickshire, date=datetime.date(2026, 12, 29), name="Office closed")


def reminded_on(kind: str, about: str) -> set[datetime.date]:
    """The days of PERIOD the sweep, run at eight in the morning, calls for the reminder."""
    return {
        day
        for day in PERIOD
        if any(
            notice.kind == kind and notice.about == about
            for notice in find_notices(now=datetime.datetime.combine(day, datetime.time(8), tzinfo=LONDON))
        )
    }


def due_soon_on(partnership, key: str, year: int, subject: str | None = None) -> set[datetime.date]:
    """The days of PERIOD the dashboard reads "due soon" for the rule (or one of its occasions)."""
    days = set()
    for day in PERIOD:
        fresh = type(partnership).objects.get(pk=partnership.pk)
        row = next(rule for rule in compliance_for(fresh, year=year, today=day).rules if rule.key == key)
        statuses = [row.status] if subject is None else [o.status for o in row.occasions if o.subject == subject]
        if ComplianceStatus.DUE_SOON in statuses:
            days.add(day)
    return days


def the_days(first: datetime.date, last: datetime.date) -> set[datetime.date]:
    return {day for day in PERIOD if first <= day <= last}


@pytest.mark.parametrize("date", [datetime.date(2026, 12, 15), datetime.date(2027, 1, 7)])
def test_agenda_due_soon_is_when_the_secretariat_is_reminded(warwickshire, secretariat, date):
    meeting = MeetingFactory(partnership=warwickshire, date=date, status=MeetingStatus.PLANNED)

    sweep = reminded_on("agenda_due_soon", f"meeting:{meeting.pk}")

    assert sweep
    assert due_soon_on(warwickshire, "agenda", date.year) == sweep
    if date.month == 1:
        # Due Wednesday 30 December; two working days before skips the closure day and Boxing Day.
        assert sweep == the_days(datetime.date(2026, 12, 23), datetime.date(2026, 12, 30))


@pytest.mark.parametrize("date", [datetime.date(2026, 12, 10), datetime.date(2027, 1, 21)])
def test_minutes_due_soon_is_when_the_secretariat_is_reminded(warwickshire, secretariat, date):
    meeting = MeetingFactory(partnership=warwickshire, date=date, status=MeetingStatus.HELD)
    Minutes.objects.create(meeting=meeting)

    sweep = reminded_on("minutes_due_soon", f"meeting:{meeting.pk}")

    assert sweep
    assert due_soon_on(warwickshire, "minutes", date.year) == sweep


@pytest.mark.parametrize(
    "ends_on",
    [
        datetime.date(2027, 2, 28),  # two months before is the substitute Boxing Day
        datetime.date(2027, 4, 30),  # two months before is Sunday 28 February, not the 30th
    ],
)
def test_term_ending_due_soon_is_when_the_secretariat_and_chair_are_told(warwickshire, secretariat, police, ends_on):
    vice = MemberFactory(nominating_body=police, person=PersonFactory(name="Vic Vice"))
    office = OfficeFactory(
        member=vice, role=OfficeRole.VICE_CHAIR, starts_on=ends_on - datetime.timedelta(days=730), ends_on=ends_on
    )

    sweep = reminded_on("office_term_ending", f"office:{office.pk}")

    assert sweep
    assert due_soon_on(warwickshire, "offices", ends_on.year, subject="Vice chair") == sweep
    if ends_on.month == 2:
        assert min(sweep) == datetime.date(2026, 12, 30)  # after Boxing Day observed and the closure day


@pytest.mark.parametrize(
    ("key", "kind"), [("terms_review", "terms_review_due"), ("skills_review", "skills_review_due")]
)
def test_review_due_soon_is_when_the_secretariat_is_told(warwickshire, secretariat, key, kind):
    review_on = datetime.date(2027, 2, 1)  # a month before is New Year's Day
    TermsOfReferenceFactory(partnership=warwickshire, next_review_on=review_on)

    sweep = reminded_on(kind, f"partnership:{warwickshire.pk}")

    assert sweep == the_days(datetime.date(2027, 1, 4), review_on)
    assert due_soon_on(warwickshire, key, review_on.year) == sweep


@pytest.mark.parametrize("effective_on", [datetime.date(2027, 3, 1), datetime.date(2027, 2, 1)])
def test_withdrawal_due_soon_is_when_the_secretariat_is_told(warwickshire, secretariat, police, effective_on):
    notice = WithdrawalNotice.objects.create(
        nominating_body=police, given_on=effective_on - datetime.timedelta(days=366), effective_on=effective_on
    )

    sweep = reminded_on("withdrawal_taking_effect", f"withdrawal:{notice.pk}")

    assert sweep
    assert max(sweep) == effective_on  # told on the day itself, and the dashboard says so too
    assert due_soon_on(warwickshire, "withdrawals", effective_on.year) == sweep


def test_minutes_past_their_date_read_late_on_the_dashboard_as_in_the_email(warwickshire, secretariat, chair):
    meeting = MeetingFactory(partnership=warwickshire, date=datetime.date(2026, 12, 10), status=MeetingStatus.HELD)
    day = datetime.date(2027, 1, 4)  # the minutes were due on Thursday 24 December

    notices = find_notices(now=datetime.datetime.combine(day, datetime.time(8), tzinfo=LONDON))
    row = next(rule for rule in compliance_for(warwickshire, year=2026, today=day).rules if rule.key == "minutes")

    (late,) = [notice for notice in notices if notice.about == f"meeting:{meeting.pk}"]
    assert late.kind == "minutes_late"
    assert late.subject.startswith("Minutes late:")
    assert row.occasions[0].status == ComplianceStatus.LATE
    assert row.occasions[0].status_label == "Late"
    assert row.occasions[0].reason.startswith("Due by 24 December 2026 and not yet circulated: ")
