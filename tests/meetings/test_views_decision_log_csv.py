"""The decision log as CSV: the same filtered rows as the page, every one, and safe to open in a
spreadsheet (a cell that would start a formula is written with an apostrophe first), with the
actions each decision gave rise to."""

import csv
import datetime
import io

import pytest
from django.urls import reverse

from meetings.models import Decision
from partnership.safe_csv import safe_cell
from tests.actionplans.factories import ActionFactory, ActionPlanFactory
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
    "Actions arising",
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
            "",
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
            "",
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
            "",
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


def test_each_decisions_actions_arising_are_listed_by_reference_and_whole_title(client, member, warwickshire, june):
    item = AgendaItemFactory(meeting=june, position=5, title="Information sharing")
    decide(item, 1, "Agree a protocol.").save()
    decide(item, 2, "Note the report.").save()
    decision = Decision.objects.get(number=1)
    plan = ActionPlanFactory(partnership=warwickshire, title="Partnership action plan 2026")
    long_title = "Draft the information-sharing protocol " + "and consult every partner on it " * 4
    decision.actions.add(
        ActionFactory(plan=plan, position=1, reference="(a)", title=long_title.strip()),
        ActionFactory(plan=plan, position=2, reference="", title="Train the officers"),
    )
    signed_in(client, member)
    newest, oldest = read(client.get(url(warwickshire)))[1:]
    assert newest[0] == "2"
    assert newest[12] == ""
    assert oldest[0] == "1"
    assert oldest[12] == f"(a) {long_title.strip()}; Train the officers"


def test_an_action_title_that_would_start_a_formula_is_escaped(client, member, warwickshire, june):
    item = AgendaItemFactory(meeting=june, position=5, title="Information sharing")
    decide(item, 1, "Agree a protocol.").save()
    plan = ActionPlanFactory(partnership=warwickshire)
    Decision.objects.get(number=1).actions.add(ActionFactory(plan=plan, reference="", title="=1+1"))
    signed_in(client, member)
    assert read(client.get(url(warwickshire)))[1][12] == "'=1+1"


def test_the_csv_costs_a_fixed_number_of_queries(client, member, warwickshire, django_assert_max_num_queries):
    log_of(warwickshire, 300)
    for n in range(5):
        decide_in_writing(warwickshire, 301 + n, f"Proposal {n}", D(2026, 10, 1))
    plans = [ActionPlanFactory(partnership=warwickshire, title=f"Plan {n}") for n in range(2)]
    for decision in Decision.objects.filter(partnership=warwickshire, number__lte=100):
        decision.actions.add(
            *(ActionFactory(plan=plan, reference="", title=f"Action of {decision.number}") for plan in plans)
        )
    signed_in(client, member)
    # 8: the 7 the download cost before it listed actions arising, and one for every row's actions.
    with django_assert_max_num_queries(8):
        response = client.get(url(warwickshire))
    rows = read(response)
    assert len(rows) == 306
    assert sum(row[12] == f"Action of {row[0]}; Action of {row[0]}" for row in rows[1:]) == 100
