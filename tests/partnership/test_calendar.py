"""Working days in each nation, substitute days included, with closure days and clear days."""

import datetime

import pytest

from partnership.calendar import agenda_due, calendar_for, deadline_warnings, minutes_due
from partnership.models import ClosureDay, Nation

D = datetime.date


@pytest.fixture
def partnership(warwickshire):
    return warwickshire


def in_nation(partnership, nation):
    partnership.nation = nation
    partnership.save()
    return partnership


def test_a_tuesday_meetings_agenda_is_due_the_tuesday_before(partnership):
    assert agenda_due(partnership, D(2026, 6, 16)) == D(2026, 6, 9)


def test_a_thursday_meetings_minutes_are_due_the_thursday_two_weeks_later(partnership):
    assert minutes_due(partnership, D(2026, 6, 18)) == D(2026, 7, 2)


@pytest.mark.parametrize(
    ("nation", "due"),
    [
        # Christmas Day (Fri), Boxing Day observed (Mon 28), New Year's Day (Fri 1)
        (Nation.ENGLAND_AND_WALES, D(2026, 12, 24)),
        # Scotland adds 2 January, observed on Monday 4 January 2027
        (Nation.SCOTLAND, D(2026, 12, 23)),
        (Nation.NORTHERN_IRELAND, D(2026, 12, 24)),
    ],
)
def test_across_christmas_and_new_year(partnership, nation, due):
    assert agenda_due(in_nation(partnership, nation), D(2027, 1, 5)) == due


@pytest.mark.parametrize(
    ("nation", "due"),
    [
        (Nation.ENGLAND_AND_WALES, D(2027, 3, 19)),  # Good Friday and Easter Monday
        (Nation.SCOTLAND, D(2027, 3, 22)),  # Good Friday only
        (Nation.NORTHERN_IRELAND, D(2027, 3, 19)),
    ],
)
def test_across_easter(partnership, nation, due):
    assert agenda_due(in_nation(partnership, nation), D(2027, 3, 30)) == due


def test_saint_patricks_day_in_northern_ireland_only(partnership):
    assert agenda_due(partnership, D(2027, 3, 23)) == D(2027, 3, 16)
    assert agenda_due(in_nation(partnership, Nation.NORTHERN_IRELAND), D(2027, 3, 23)) == D(2027, 3, 15)


def test_saint_andrews_day_in_scotland_only(partnership):
    assert agenda_due(partnership, D(2026, 12, 1)) == D(2026, 11, 24)
    assert agenda_due(in_nation(partnership, Nation.SCOTLAND), D(2026, 12, 1)) == D(2026, 11, 23)


def test_the_twelfth_of_july_in_northern_ireland_only(partnership):
    assert minutes_due(partnership, D(2027, 7, 8)) == D(2027, 7, 22)
    assert minutes_due(in_nation(partnership, Nation.NORTHERN_IRELAND), D(2027, 7, 8)) == D(2027, 7, 23)


def test_a_closure_day_is_not_a_working_day(partnership):
    ClosureDay.objects.create(partnership=partnership, date=D(2026, 12, 24), name="Christmas Eve")
    assert agenda_due(partnership, D(2027, 1, 5)) == D(2026, 12, 23)


def test_clear_days_leave_out_the_day_of_sending_and_of_the_meeting(partnership):
    partnership.count_clear_days = True
    partnership.save()
    assert agenda_due(partnership, D(2026, 6, 16)) == D(2026, 6, 8)
    assert minutes_due(partnership, D(2026, 6, 18)) == D(2026, 7, 3)


def test_the_partnerships_own_numbers_count(partnership):
    partnership.agenda_notice_working_days = 10
    partnership.save()
    assert agenda_due(partnership, D(2026, 6, 16)) == D(2026, 6, 2)


def test_a_plain_date_raises_no_warning(partnership):
    assert deadline_warnings(partnership, D(2026, 6, 16)) == []


def test_an_agenda_due_on_christmas_eve_is_warned_of(partnership):
    warnings = deadline_warnings(partnership, D(2027, 1, 5))
    assert warnings[0] == (
        "The agenda would be due on Thursday 24 December 2026, the last working day before Christmas Day: "
        "papers would have to be ready before the break."
    )
    assert warnings[1] == (
        "The notice period takes in Christmas Day (25 December), Boxing Day (observed) (28 December), "
        "New Year's Day (1 January), so it runs longer than usual."
    )


def test_a_meeting_on_a_bank_holiday_is_warned_of(partnership):
    assert (
        deadline_warnings(partnership, D(2027, 3, 29))[0]
        == "Monday 29 March 2027 is not a working day (Easter Monday)."
    )


def test_a_meeting_on_a_saturday_is_warned_of(partnership):
    assert deadline_warnings(partnership, D(2026, 6, 20))[0] == "Saturday 20 June 2026 is not a working day (Saturday)."


def test_working_days_between_counts_the_working_days_after_the_first_day(partnership):
    calendar = calendar_for(partnership)

    assert calendar.working_days_between(D(2026, 9, 8), D(2026, 9, 10)) == 2
    assert calendar.working_days_between(D(2026, 9, 8), D(2026, 9, 8)) == 0
    assert calendar.working_days_between(D(2026, 9, 10), D(2026, 9, 8)) == 0  # on time


def test_working_days_between_leaves_out_weekends_holidays_and_closure_days(partnership):
    ClosureDay.objects.create(partnership=partnership, date=D(2026, 12, 29), name="Office closed")
    calendar = calendar_for(partnership)

    # Christmas Day, the weekend, Boxing Day observed and the closure day: 30 December is the next.
    assert calendar.working_days_between(D(2026, 12, 24), D(2026, 12, 30)) == 1
    assert calendar.working_days_between(D(2026, 12, 24), D(2027, 1, 4)) == 3  # 30th, 31st, then 4 January


def test_a_day_off_after_a_deadline_counts_as_one_working_day_late(partnership):
    calendar = calendar_for(partnership)

    assert calendar.working_days_between(D(2026, 11, 27), D(2026, 11, 28)) == 1  # Friday, then Saturday
    assert calendar.working_days_between(D(2026, 11, 27), D(2026, 11, 29)) == 1  # and Sunday
    assert calendar.working_days_between(D(2026, 11, 27), D(2026, 11, 30)) == 1  # and Monday


def test_working_days_between_agrees_with_stepping(partnership):
    calendar = calendar_for(partnership)
    start = D(2026, 12, 18)

    for working_days in range(1, 15):
        assert calendar.working_days_between(start, calendar.step(start, working_days)) == working_days


@pytest.mark.parametrize(
    ("day", "first"),
    [
        (D(2026, 11, 25), D(2026, 11, 25)),  # a Wednesday: itself
        (D(2026, 11, 28), D(2026, 11, 30)),  # a Saturday: the Monday
        (D(2026, 12, 25), D(2026, 12, 30)),  # Christmas Day: past the weekend, Boxing Day observed, the closure
        (D(2027, 3, 29), D(2027, 3, 30)),  # Easter Monday
    ],
)
def test_first_working_day_from(partnership, day, first):
    ClosureDay.objects.create(partnership=partnership, date=D(2026, 12, 29), name="Office closed")

    assert calendar_for(partnership).first_working_day_from(day) == first
