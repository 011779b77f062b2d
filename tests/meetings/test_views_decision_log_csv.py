"""The decision log as CSV: the same filtered rows as the page, every one, and safe to open in a
spreadsheet (a cell that would start a formula is written with an apostrophe first)."""

import csv
import datetime
import io

import pytest
from django.urls import reverse

from partnership.safe_csv import safe_cell
from tests.factories import AgendaItemFactory, MeetingFactory
from tests.helpers import signed_in
from tests.meetings.test_views_decision_log import decide, decide_in_writing, log_of

D = datetime.date
HEADER = [
    "Number",
    "Date",
    "Decided",
    "Meeting",
    "Item or proposal",
    "Confidential item",
    "Method",
    "For",
    "Against",
    "Abstentions",
    "Outcome",
    "Decision",
]


def url(partnership, query=""):
    return reverse("decisions:csv", kwargs={"slug": partnership.slug}) + (f"?{query}" if query else "")


def read(response) -> list[list[str]]:
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))


@pytest.fixture
def june(warwickshire):
    return MeetingFactory(partnership=warwickshire, title="Board meeting", date=D(2026, 6, 16))


def test_the_csv_has_a_header_and_a_row_per_decision_newest_first(client, member, warwickshire, june):
    review = AgendaItemFactory(
        meeting=june, position=6, title="Domestic homicide review", is_confidential=True, confidential_reason="personal"
    )
    decide(review, 1, "The review's action plan is agreed.").save()
    decide(review, 2, "Fund two more cameras.", method="vote", votes=(3, 4, 1), outcome="lost").save()
    decide_in_writing(warwickshire, 3, "Bid for the Safer Streets fund", D(2026, 9, 1))
    signed_in(client, member)
    response = client.get(url(warwickshire))
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="decision-log-warwickshire-scp.csv"'
    assert read(response) == [
        HEADER,
        [
            "3",
            "2026-09-01",
            "In writing",
            "",
            "Bid for the Safer Streets fund",
            "",
            "By a vote",
            "5",
            "1",
            "0",
            "Carried",
            "The partnership agrees: Bid for the Safer Streets fund.",
        ],
        [
            "2",
            "2026-06-16",
            "At a meeting",
            "Board meeting, 16 June 2026",
            "6. Domestic homicide review",
            "Yes",
            "By a vote",
            "3",
            "4",
            "1",
            "Lost",
            "Fund two more cameras.",
        ],
        [
            "1",
            "2026-06-16",
            "At a meeting",
            "Board meeting, 16 June 2026",
            "6. Domestic homicide review",
            "Yes",
            "By consensus",
            "0",
            "0",
            "0",
            "Agreed",
            "The review's action plan is agreed.",
        ],
    ]


def test_the_csv_holds_the_same_filtered_rows_as_the_page_and_all_of_them(client, member, warwickshire):
    log_of(warwickshire, 60)
    decide_in_writing(warwickshire, 61, "Bid for the Safer Streets fund", D(2026, 9, 1))
    signed_in(client, member)
    numbers = [row[0] for row in read(client.get(url(warwickshire, "q=decision+text&page=2")))[1:]]
    assert numbers == [str(n) for n in range(60, 0, -1)]  # the page's search, not its page
    assert [row[0] for row in read(client.get(url(warwickshire, "method=vote")))[1:]] == ["61"]


@pytest.mark.parametrize(
    ("text", "written"),
    [
        ('=HYPERLINK("http://evil.example","Click")', '\'=HYPERLINK("http://evil.example","Click")'),
        ("+44 1926 410410 to be called", "'+44 1926 410410 to be called"),
        ("-2+3 cameras", "'-2+3 cameras"),
        ("@SUM(A1:A9)", "'@SUM(A1:A9)"),
        ("\t=1+1", "'\t=1+1"),
        ("The plan = agreed", "The plan = agreed"),
    ],
)
def test_cells_that_would_start_a_formula_are_escaped(client, member, warwickshire, june, text, written):
    item = AgendaItemFactory(meeting=june, position=5, title=text)
    decide(item, 1, text).save()
    signed_in(client, member)
    row = read(client.get(url(warwickshire)))[1]
    assert (row[4], row[11]) == (f"5. {text}", written)


def test_a_proposal_title_that_would_start_a_formula_is_escaped(client, member, warwickshire):
    decide_in_writing(warwickshire, 1, "=cmd|' /C calc'!A0", D(2026, 9, 1))
    signed_in(client, member)
    assert read(client.get(url(warwickshire)))[1][4] == "'=cmd|' /C calc'!A0"


@pytest.mark.parametrize(
    ("value", "safe"), [(None, ""), (12, "12"), ("-1", "'-1"), ("", ""), ("\rX", "'\rX"), ("Plain", "Plain")]
)
def test_safe_cell(value, safe):
    assert safe_cell(value) == safe


def test_the_csv_costs_a_fixed_number_of_queries(client, member, warwickshire, django_assert_max_num_queries):
    log_of(warwickshire, 300)
    for n in range(5):
        decide_in_writing(warwickshire, 301 + n, f"Proposal {n}", D(2026, 10, 1))
    signed_in(client, member)
    with django_assert_max_num_queries(7):
        response = client.get(url(warwickshire))
    assert len(read(response)) == 306
