"""The history of late agendas and late minutes over every year, newest first (issue 6)."""

import datetime

from governance.compliance.history import AGENDA, MINUTES, late_history
from tests.governance.compliance_support import meeting, minutes

TODAY = datetime.date(2026, 11, 25)


def rows(partnership, **kwargs):
    return [
        (record.kind, record.meeting.date, record.due, record.sent, record.working_days_late)
        for record in late_history(partnership, today=TODAY, **kwargs)
    ]


def test_late_agendas_and_minutes_of_every_year_newest_first(warwickshire):
    june = meeting(warwickshire, datetime.date(2025, 6, 17), sent=datetime.date(2025, 6, 12))
    minutes(june, circulated=datetime.date(2025, 7, 7))
    on_time = meeting(warwickshire, datetime.date(2026, 6, 16), sent=datetime.date(2026, 6, 5))
    minutes(on_time, circulated=datetime.date(2026, 6, 20))
    september = meeting(warwickshire, datetime.date(2026, 9, 15), sent=datetime.date(2026, 9, 10))
    minutes(september, circulated=datetime.date(2026, 10, 2))

    assert rows(warwickshire) == [
        (MINUTES, datetime.date(2026, 9, 15), datetime.date(2026, 9, 29), datetime.date(2026, 10, 2), 3),
        (AGENDA, datetime.date(2026, 9, 15), datetime.date(2026, 9, 8), datetime.date(2026, 9, 10), 2),
        (MINUTES, datetime.date(2025, 6, 17), datetime.date(2025, 7, 1), datetime.date(2025, 7, 7), 4),
        (AGENDA, datetime.date(2025, 6, 17), datetime.date(2025, 6, 10), datetime.date(2025, 6, 12), 2),
    ]


def test_agenda_never_sent_counts_to_the_meeting_and_overdue_minutes_to_today(warwickshire):
    meeting(warwickshire, datetime.date(2026, 10, 13))  # held without an agenda, minutes never started

    assert rows(warwickshire) == [
        (MINUTES, datetime.date(2026, 10, 13), datetime.date(2026, 10, 27), None, 21),
        (AGENDA, datetime.date(2026, 10, 13), datetime.date(2026, 10, 6), None, 5),
    ]


def test_agenda_overdue_for_a_meeting_to_come_is_listed(warwickshire):
    meeting(warwickshire, datetime.date(2026, 11, 26))
    meeting(warwickshire, datetime.date(2026, 12, 15))  # not due yet

    assert rows(warwickshire) == [(AGENDA, datetime.date(2026, 11, 26), datetime.date(2026, 11, 19), None, 4)]


def test_minutes_not_yet_due_are_not_listed(warwickshire):
    minutes(meeting(warwickshire, datetime.date(2026, 11, 23), sent=datetime.date(2026, 11, 13)))

    assert rows(warwickshire) == []


def test_one_year_only_for_the_statement(warwickshire):
    meeting(warwickshire, datetime.date(2025, 6, 17), sent=datetime.date(2025, 6, 12))
    meeting(warwickshire, datetime.date(2026, 9, 15), sent=datetime.date(2026, 9, 10))

    assert [row[1].year for row in rows(warwickshire, year=2025)] == [2025, 2025]  # its agenda and minutes


def test_another_partnerships_meetings_are_not_listed(warwickshire, other_partnership):
    meeting(other_partnership, datetime.date(2026, 9, 15), sent=datetime.date(2026, 9, 10))

    assert rows(warwickshire) == []


def test_each_record_links_to_the_page_that_puts_it_right(warwickshire):
    made = meeting(warwickshire, datetime.date(2026, 9, 15), sent=datetime.date(2026, 9, 10))
    minutes(made, circulated=datetime.date(2026, 10, 2))

    late_minutes, late_agenda = late_history(warwickshire, today=TODAY)

    assert late_minutes.url == f"/partnerships/warwickshire-scp/meetings/{made.pk}/minutes/"
    assert late_agenda.url == f"/partnerships/warwickshire-scp/meetings/{made.pk}/"


def test_queries_fixed_whatever_the_number_of_meetings(warwickshire, django_assert_max_num_queries):
    def add(n, year):
        for i in range(n):
            day = datetime.date(year, 1 + i % 12, 3 + i % 20)
            minutes(
                meeting(warwickshire, day, sent=day - datetime.timedelta(days=3)),
                circulated=day + datetime.timedelta(days=30),
            )

    add(3, 2025)
    fresh = type(warwickshire).objects.get(pk=warwickshire.pk)
    with django_assert_max_num_queries(2):  # the meetings with their minutes, the closure days
        small = late_history(fresh, today=TODAY)
    add(40, 2024)
    fresh = type(warwickshire).objects.get(pk=warwickshire.pk)
    with django_assert_max_num_queries(2):
        large = late_history(fresh, today=TODAY)

    assert len(large) > len(small) >= 6
