"""ToR 5.1 and the public meeting: the secretariat is told, from 1 February, when the meetings in
the year's diary cannot reach the partnership's minimum, or its minimum held in public; once for
each count, so a further fall is told again."""

import datetime

import pytest
import time_machine
from django.conf import settings

from governance.deadlines import meeting_count
from governance.deadlines import sweep as the_sweep
from governance.deadlines.context import load_context
from meetings.models import Meeting
from tests.factories import MeetingFactory, PartnershipFactory, SecretariatFactory

from .conftest import LONDON, addressed_to, subjects

FIRST_OF_FEBRUARY = datetime.date(2027, 2, 1)
SECRETARIAT = "sam.secretariat@example.org"
CHAIR = "carol.chair@warwickshire.example.org"
SHORT = "Too few meetings in 2027: {} in the diary, at least 5 a year"
PUBLIC_SHORT = "Too few public meetings in 2027: {} in the diary, at least 1 a year"


@pytest.fixture(autouse=True)
def only_the_meeting_count_rule(monkeypatch):
    """Other rules (the agenda, the chair's term) write to the same people on the same days; this
    module tests what the count of the year's meetings sends."""
    monkeypatch.setattr(the_sweep, "RULES", (meeting_count.find,))


def _meetings(partnership, count: int, *, public: int = 0, year: int = 2027) -> list[Meeting]:
    return [
        MeetingFactory(partnership=partnership, date=datetime.date(year, 2 * n + 2, 10), is_public=n < public)
        for n in range(count)
    ]


def _html(message) -> str:
    (content, mimetype) = message.alternatives[0]
    assert mimetype == "text/html"
    return content


def test_the_secretariat_is_told_from_1_february_that_the_year_falls_short(warwickshire, secretariat, chair, sweep):
    _meetings(warwickshire, 3, public=1)

    assert sweep(datetime.date(2027, 1, 31)) == []
    sent = sweep(FIRST_OF_FEBRUARY)

    assert subjects(sent) == [SHORT.format(3)]
    assert sent[0].to == [SECRETARIAT]
    assert not addressed_to(sent, CHAIR)
    assert sweep(datetime.date(2027, 2, 2)) == []  # told once


def test_the_email_says_the_rule_the_count_and_links_to_the_year_of_meetings(warwickshire, secretariat, sweep):
    _meetings(warwickshire, 3, public=1)

    [message] = sweep(FIRST_OF_FEBRUARY)
    link = f"{settings.SITE_URL}/partnerships/warwickshire-scp/meetings/?year=2027"

    assert "The partnership meets at least 5 times a year (terms of reference 5.1)." in message.body
    assert (
        "2027 has 3 meetings in the diary, held or planned, so 2 more must be scheduled before 31 December 2027."
        in message.body
    )
    assert f"Plan the meetings of 2027: {link}" in message.body
    assert "You get this as the partnership's secretariat." in message.body
    html = _html(message)
    assert "<p>The partnership meets at least 5 times a year (terms of reference 5.1).</p>" in html
    assert f'<a href="{link}"' in html


def test_a_further_fall_is_told_again(warwickshire, secretariat, sweep):
    meetings = _meetings(warwickshire, 3, public=1)
    sweep(FIRST_OF_FEBRUARY)
    meetings[-1].delete()

    sent = sweep(datetime.date(2027, 2, 2))

    assert subjects(sent) == [SHORT.format(2)]
    assert "so 3 more must be scheduled" in sent[0].body
    assert sweep(datetime.date(2027, 2, 3)) == []


def test_enough_meetings_with_one_in_public_are_not_told(warwickshire, secretariat, sweep):
    _meetings(warwickshire, 5, public=1)

    assert sweep(FIRST_OF_FEBRUARY) == []


def test_too_few_meetings_in_public_are_told(warwickshire, secretariat, sweep):
    _meetings(warwickshire, 5)

    sent = sweep(FIRST_OF_FEBRUARY)

    assert subjects(sent) == [PUBLIC_SHORT.format(0)]
    assert "The partnership holds at least 1 meeting in public each year." in sent[0].body
    assert "2027 has 0 meetings held in public in the diary" in sent[0].body
    assert sweep(datetime.date(2027, 2, 2)) == []


def test_a_partnership_with_no_public_minimum_is_not_told_of_public_meetings(warwickshire, secretariat, sweep):
    warwickshire.min_public_meetings_per_year = 0
    warwickshire.save()
    _meetings(warwickshire, 5)

    assert sweep(FIRST_OF_FEBRUARY) == []


def test_an_empty_diary_is_told_both_shortfalls(warwickshire, secretariat, sweep):
    sent = sweep(FIRST_OF_FEBRUARY)

    assert subjects(sent) == [SHORT.format(0), PUBLIC_SHORT.format(0)]


def test_only_the_meetings_of_this_year_count(warwickshire, secretariat, sweep):
    _meetings(warwickshire, 5, public=1, year=2026)
    _meetings(warwickshire, 5, public=1, year=2028)
    _meetings(warwickshire, 4, public=1)

    assert subjects(sweep(FIRST_OF_FEBRUARY)) == [SHORT.format(4)]


def test_january_is_left_to_plan_the_year(warwickshire, secretariat, sweep):
    assert sweep(datetime.date(2027, 1, 1)) == []
    assert sweep(datetime.date(2027, 1, 15)) == []


def test_each_partnership_hears_only_of_its_own_year(warwickshire, secretariat, outsider, other_partnership, sweep):
    _meetings(warwickshire, 5, public=1)
    _meetings(other_partnership, 2, public=1)

    sent = sweep(FIRST_OF_FEBRUARY)

    assert not addressed_to(sent, SECRETARIAT)
    [to_rugby] = addressed_to(sent, outsider.email)
    assert to_rugby.subject == SHORT.format(2)
    assert "/partnerships/rugby-csp/meetings/?year=2027" in to_rugby.body


def _partnerships_with_meetings(count: int) -> None:
    for _ in range(count):
        partnership = PartnershipFactory()
        SecretariatFactory(partnership=partnership)
        _meetings(partnership, 3)


@pytest.mark.parametrize("partnerships", [2, 20])
def test_the_rule_reads_in_one_query_whatever_the_number_of_partnerships(
    partnerships, db, django_assert_max_num_queries
):
    _partnerships_with_meetings(partnerships)
    with time_machine.travel(datetime.datetime(2027, 2, 1, 8, 5, tzinfo=LONDON), tick=False):
        context = load_context()
        with django_assert_max_num_queries(1):
            notices = list(meeting_count.find(context))

    assert len(notices) == 2 * partnerships  # too few meetings, and none in public
