"""Quarters as the report names them: "2027Q1" is 1 January to 31 March 2027."""

import datetime

import pytest

from actionplans.reporting.quarters import Quarter, check_reportable, parse_quarter, quarters_from
from partnership.errors import RuleBroken


@pytest.mark.parametrize(
    ("words", "start", "end"),
    [
        ("2027Q1", datetime.date(2027, 1, 1), datetime.date(2027, 3, 31)),
        ("2027q2", datetime.date(2027, 4, 1), datetime.date(2027, 6, 30)),
        (" 2027-Q3 ", datetime.date(2027, 7, 1), datetime.date(2027, 9, 30)),
        ("2024Q1", datetime.date(2024, 1, 1), datetime.date(2024, 3, 31)),
        ("2026Q4", datetime.date(2026, 10, 1), datetime.date(2026, 12, 31)),
    ],
)
def test_a_quarter_runs_over_three_calendar_months(words, start, end):
    quarter = parse_quarter(words)
    assert (quarter.start, quarter.end) == (start, end)


def test_a_quarter_says_its_dates_in_words():
    quarter = parse_quarter("2027Q1")
    assert str(quarter) == "2027Q1"
    assert quarter.months == "January to March 2027"
    assert quarter.dates == "1 January 2027 to 31 March 2027"


@pytest.mark.parametrize(
    ("words", "message"),
    [
        ("2027Q5", "A year has four quarters, Q1 to Q4: 2027Q5 is not one of them."),
        ("2027Q0", "A year has four quarters, Q1 to Q4: 2027Q0 is not one of them."),
        ("abc", '"abc" is not a quarter. Give the quarter as a year and quarter number, such as 2027Q1'),
        ("Q1 2027", '"Q1 2027" is not a quarter.'),
        ("", "Give the quarter as a year and quarter number, such as 2027Q1 for January to March 2027."),
        ("1066Q4", "Give a quarter of a year between 1900 and 2100."),
    ],
)
def test_words_that_are_not_a_quarter_are_refused_with_how_to_write_one(words, message):
    with pytest.raises(RuleBroken) as refused:
        parse_quarter(words)
    assert message in refused.value.message
    assert refused.value.field == "quarter"


def test_the_quarter_containing_a_day():
    assert Quarter.containing(datetime.date(2026, 11, 25)) == Quarter(2026, 4)
    assert Quarter.containing(datetime.date(2027, 3, 31)) == Quarter(2027, 1)
    assert Quarter.containing(datetime.date(2027, 4, 1)) == Quarter(2027, 2)


def test_a_quarter_still_to_come_cannot_be_reported():
    today = datetime.date(2026, 11, 25)
    check_reportable(Quarter(2026, 4), today=today)
    with pytest.raises(RuleBroken, match=r"2027Q1 \(January to March 2027\) has not started yet"):
        check_reportable(Quarter(2027, 1), today=today)


def test_quarters_on_offer_run_latest_first_across_a_year_end():
    assert [str(q) for q in quarters_from(Quarter(2025, 4), Quarter(2026, 2))] == ["2026Q2", "2026Q1", "2025Q4"]
