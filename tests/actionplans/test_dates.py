"""The due date read from a plan's words (actionplans/dates.py), with the words of seeds 002 and 004."""

import datetime

import pytest

from actionplans.dates import DueDate, find_date_in, read_due

TODAY = datetime.date(2026, 11, 25)


@pytest.mark.parametrize(
    ("words", "due"),
    [
        ("April 2007", datetime.date(2007, 4, 30)),
        ("April 2008.", datetime.date(2008, 4, 30)),
        ("April 2008", datetime.date(2008, 4, 30)),
        ("by June 2008", datetime.date(2008, 6, 30)),
        ("in June 2008", datetime.date(2008, 6, 30)),
        ("By June 2008.", datetime.date(2008, 6, 30)),
        ("end of March 2008", datetime.date(2008, 3, 31)),
        ("by the end of March 2008", datetime.date(2008, 3, 31)),
        ("Sept 2006", datetime.date(2006, 9, 30)),
        ("Sept. 2006", datetime.date(2006, 9, 30)),
        ("September 2006", datetime.date(2006, 9, 30)),
        ("September 2007", datetime.date(2007, 9, 30)),
        ("July 2007", datetime.date(2007, 7, 31)),
        ("February 2008", datetime.date(2008, 2, 29)),
        ("Feb 2007", datetime.date(2007, 2, 28)),
        ("  april   2007 ", datetime.date(2007, 4, 30)),
        ("APRIL 2007", datetime.date(2007, 4, 30)),
        ("12/01/2007", datetime.date(2007, 1, 12)),
        ("12/01/07", datetime.date(2007, 1, 12)),
        ("2007-01-12", datetime.date(2007, 1, 12)),
        ("12 January 2007", datetime.date(2007, 1, 12)),
        ("12th January 2007", datetime.date(2007, 1, 12)),
        ("1st of May 2008", datetime.date(2008, 5, 1)),
        ("by 12 Jan 2007", datetime.date(2007, 1, 12)),
    ],
)
def test_words_that_are_a_date_give_that_date(words, due):
    assert read_due(words, TODAY) == DueDate(due, False, False, " ".join(words.split()))


def test_a_month_and_year_is_the_last_day_of_that_month():
    assert read_due("April 2007", TODAY).due == datetime.date(2007, 4, 30)
    assert read_due("December 2007", TODAY).due == datetime.date(2007, 12, 31)


@pytest.mark.parametrize("words", ["Ongoing", "ongoing", "ONGOING", "Ongoing."])
def test_ongoing_is_no_date(words):
    assert read_due(words, TODAY) == DueDate(None, True, False, words)


@pytest.mark.parametrize("words", ["", "   ", None])
def test_blank_is_nothing_and_nothing_to_check(words):
    assert read_due(words, TODAY) == DueDate(None, False, False, "")


@pytest.mark.parametrize(
    "words",
    [
        "Feb/March 2008",
        "Feb/March 2008.",
        "To be developed following publication of guidance.",
        "Date to be confirmed at April 2008 meeting.",
        "Draft to be considered by Delivery group in April 2008.",
        "Membership to be confirmed in refreshed agreement in April 2008.",
        "To be confirmed in refreshed agreement in April.",
        "Tobe producedand distributedby June2008.",
        "Leaflet to be produced and distributed in June 2008.",
        "Both documents to be tied together in January 2008.",
        "To be done in March 2009.",
        "Done",
        "As above",
        "In place. Chair attending.",
        "Summer 2007",
        "2008",
        "April",
        "May",
        "31/02/2007",
        "13/13/2007",
        "2007-02-30",
        "April 1066",
        "April 9999",
        "01/01/2999",
    ],
)
def test_other_words_keep_their_words_and_are_flagged(words):
    assert read_due(words, TODAY) == DueDate(None, False, True, words)


def test_the_words_are_kept_with_their_spacing_tidied():
    assert read_due("April\n 2007", TODAY).words == "April 2007"


def test_a_two_digit_year_is_read_in_the_century_that_makes_it_nearest_to_today():
    assert read_due("01/06/95", TODAY).due == datetime.date(1995, 6, 1)
    assert read_due("01/06/30", TODAY).due == datetime.date(2030, 6, 1)


def test_today_defaults_to_the_clock():
    assert read_due("01/06/07").due == datetime.date(2007, 6, 1)


# A date inside a milestone's words (find_date_in).


@pytest.mark.parametrize(
    ("words", "day"),
    [
        ("Draft to be considered by Delivery group in April 2008.", datetime.date(2008, 4, 30)),
        ("To be produced and distributed by June 2008.", datetime.date(2008, 6, 30)),
        ("Date to be confirmed at April 2008 meeting.", datetime.date(2008, 4, 30)),
        ("April 2008.", datetime.date(2008, 4, 30)),
        ("Signed off on 3rd of June 2008 by the board", datetime.date(2008, 6, 3)),
        ("Report to the board, 12 Sept. 2008", datetime.date(2008, 9, 12)),
        ("Agreed at the meeting of 12/01/2008", datetime.date(2008, 1, 12)),
        ("Published 2008-02-29 on the web-site", datetime.date(2008, 2, 29)),
        ("In April 2008, and signed on 30 April 2008", datetime.date(2008, 4, 30)),  # the same day twice
        ("the   february\n2008 review", datetime.date(2008, 2, 29)),
    ],
)
def test_the_one_date_inside_the_words_is_found(words, day):
    assert find_date_in(words) == day


@pytest.mark.parametrize(
    "words",
    [
        "",
        "As above",
        "To be developed following publication of guidance.",
        "Scheduled to begin in Summer 2007",  # a season is not a month
        "The group may decide in due course",  # "may" without a year is a verb
        "Draft in April 2008, final in June 2008",  # two different dates: which one is the secretariat's to say
        "Agreed in April",  # no year
        "In Aprill 2008",  # not a month
        "Reviewed 31/02/2008",  # no such day
        "By April 1066",  # out of range
        "Plan 12/01/08",  # a two-digit year inside prose is too easily something else
    ],
)
def test_words_without_exactly_one_date_give_none(words):
    assert find_date_in(words) is None
