"""The partnership's decision log: numbered, newest first, searched and filtered, paginated.
Members and the secretariat read it; nobody outside the partnership, and never the public."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from meetings.models import Decision, DecisionMethod, Outcome, WrittenProposal
from tests.factories import AgendaItemFactory, MeetingFactory
from tests.helpers import signed_in

D = datetime.date


def url(partnership, name="log"):
    return reverse(f"decisions:{name}", kwargs={"slug": partnership.slug})


def decide(item, number, text, *, method=DecisionMethod.CONSENSUS, votes=(0, 0, 0), outcome=Outcome.AGREED):
    votes_for, votes_against, abstentions = votes
    return Decision(
        partnership=item.meeting.partnership,
        agenda_item=item,
        number=number,
        decided_on=item.meeting.date,
        text=text,
        method=method,
        votes_for=votes_for,
        votes_against=votes_against,
        abstentions=abstentions,
        outcome=outcome,
    )


def decide_in_writing(partnership, number, title, decided_on, outcome=Outcome.CARRIED):
    proposal = WrittenProposal.objects.create(
        partnership=partnership,
        title=title,
        proposal=f"The partnership agrees: {title}.",
        why_now="It cannot wait.",
        respond_by=decided_on,
        status="closed",
        opened_at=timezone.now(),
        closed_at=timezone.now(),
    )
    return Decision.objects.create(
        partnership=partnership,
        written_proposal=proposal,
        number=number,
        decided_on=decided_on,
        text=proposal.proposal,
        method=DecisionMethod.VOTE,
        votes_for=5,
        votes_against=1,
        outcome=outcome,
    )


def log_of(partnership, count: int) -> None:
    """`count` decisions over ten meetings of 2025 and 2026, three items each."""
    items = []
    for n in range(10):
        meeting = MeetingFactory(partnership=partnership, date=D(2025, 2, 4) + datetime.timedelta(weeks=8 * n))
        items += [AgendaItemFactory(meeting=meeting, position=5 + i) for i in range(3)]
    Decision.objects.bulk_create(decide(items[n % 30], n + 1, f"Decision text {n + 1}") for n in range(count))


@pytest.fixture
def log(warwickshire):
    """A log of four: three at meetings (one on a confidential item, one a lost vote) and one in writing."""
    january = MeetingFactory(partnership=warwickshire, title="Board meeting", date=D(2026, 1, 13))
    june = MeetingFactory(partnership=warwickshire, title="Board meeting", date=D(2026, 6, 16))
    strategy = AgendaItemFactory(meeting=january, position=5, title="Community safety strategy")
    review = AgendaItemFactory(
        meeting=june, position=6, title="Domestic homicide review", is_confidential=True, confidential_reason="personal"
    )
    cctv = AgendaItemFactory(meeting=june, position=7, title="Town centre CCTV")
    Decision.objects.bulk_create(
        [
            decide(strategy, 1, "The strategy for 2026 to 2029 is adopted."),
            decide(review, 2, "The review's action plan on domestic abuse is agreed."),
            decide(cctv, 3, "Fund two more cameras.", method="vote", votes=(3, 4, 1), outcome=Outcome.LOST),
        ]
    )
    decide_in_writing(warwickshire, 4, "Bid for the Safer Streets fund", D(2026, 9, 1))


def rows(page: str) -> list[str]:
    """The decision numbers in the table, in order."""
    body = page[page.index('<tbody class="govuk-table__body">') : page.index("</tbody>")]
    return [cell.split("</th>")[0] for cell in body.split('<th scope="row" class="govuk-table__header">')[1:]]


def test_anonymous_visitor_is_sent_to_sign_in(client, warwickshire, log):
    for address in (url(warwickshire), url(warwickshire, "csv")):
        response = client.get(address)
        assert response.status_code == 302
        assert response.url.startswith(reverse("login"))


@pytest.mark.parametrize(
    ("who", "status"), [("outsider", 404), ("member", 200), ("secretariat", 200), ("chair", 200), ("staff", 200)]
)
def test_who_reads_the_log(client, request, warwickshire, log, who, status):
    signed_in(client, request.getfixturevalue(who))
    assert client.get(url(warwickshire)).status_code == status
    assert client.get(url(warwickshire, "csv")).status_code == status


def test_the_log_is_numbered_newest_first_with_where_how_and_outcome(client, member, warwickshire, log):
    signed_in(client, member)
    page = client.get(url(warwickshire)).text
    assert rows(page) == ["4", "3", "2", "1"]
    assert "4 decisions" in page
    assert "Taken in writing: " in page
    assert "Bid for the Safer Streets fund" in page
    assert "item 6: Domestic homicide review" in page  # members see the confidential item's decision
    assert "Confidential</strong>" in page
    assert "Vote: 3 for, 4 against, 1 abstaining" in page
    assert "Lost</strong>" in page
    assert "By consensus" in page


@pytest.mark.parametrize(
    ("query", "numbers"),
    [
        ("q=domestic+abuse", ["2"]),
        ("q=DOMESTIC+cameras", []),
        ("q=safer+streets", ["4"]),  # the proposal's title
        ("q=cctv", ["3"]),  # the item's title
        ("year=2026&method=vote", ["4", "3"]),
        ("outcome=agreed", ["2", "1"]),
        ("method=consensus&outcome=lost", []),
    ],
)
def test_searching_and_filtering(client, member, warwickshire, log, query, numbers):
    signed_in(client, member)
    page = client.get(f"{url(warwickshire)}?{query}").text
    assert (rows(page) if numbers else []) == numbers
    if not numbers:
        assert "No decision matches the search." in page


def test_filtering_by_year(client, member, warwickshire, log):
    decide_in_writing(warwickshire, 5, "Adopt the hate crime protocol", D(2027, 1, 4))
    signed_in(client, member)
    page = client.get(f"{url(warwickshire)}?year=2027").text
    assert rows(page) == ["5"]
    assert '<option value="2027" selected>2027</option>' in page


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("year=1999", "Choose one of the years in the log"),
        ("year=next", "Choose one of the years in the log"),
        ("method=show+of+hands", "Choose by consensus or by a vote"),
        ("outcome=deferred", "Choose agreed, carried or lost"),
    ],
)
def test_a_filter_the_log_does_not_know_is_explained(client, member, warwickshire, log, query, message):
    signed_in(client, member)
    response = client.get(f"{url(warwickshire)}?{query}&q=strategy")
    assert response.status_code == 400
    assert "<title>Error: Decision log" in response.text
    assert message in response.text
    assert rows(response.text) == ["1"]  # the filters that were right still apply


def test_the_log_is_paginated_keeping_the_search(client, member, warwickshire):
    log_of(warwickshire, 60)
    signed_in(client, member)
    first = client.get(f"{url(warwickshire)}?q=decision+text").text
    assert rows(first) == [str(n) for n in range(60, 35, -1)]
    assert 'href="?q=decision+text&amp;page=2"' in first
    assert 'aria-current="page">1</a>' in first
    second = client.get(f"{url(warwickshire)}?q=decision+text&page=2").text
    assert rows(second) == [str(n) for n in range(35, 10, -1)]
    last = client.get(f"{url(warwickshire)}?page=99").text
    assert rows(last) == [str(n) for n in range(10, 0, -1)]


def test_the_download_link_carries_the_search(client, member, warwickshire, log):
    signed_in(client, member)
    page = client.get(f"{url(warwickshire)}?q=cctv&page=1&filter=Search").text
    assert f'href="{url(warwickshire, "csv")}?q=cctv"' in page


def test_an_empty_log_says_so(client, member, warwickshire):
    signed_in(client, member)
    assert "The partnership has not recorded a decision yet." in client.get(url(warwickshire)).text


def test_another_partnerships_decisions_are_not_in_the_log(client, member, warwickshire, other_partnership, log):
    decide_in_writing(other_partnership, 1, "Rugby town centre CCTV", D(2026, 9, 2))
    signed_in(client, member)
    assert "Rugby town centre CCTV" not in client.get(url(warwickshire)).text


def test_the_page_costs_a_fixed_number_of_queries(client, member, warwickshire, django_assert_max_num_queries):
    log_of(warwickshire, 300)
    for n in range(5):
        decide_in_writing(warwickshire, 301 + n, f"Proposal {n}", D(2026, 10, 1))
    signed_in(client, member)
    # 9: with the rows' actions arising (none here, so their milestones are not read).
    with django_assert_max_num_queries(9):
        assert client.get(f"{url(warwickshire)}?page=3").status_code == 200
    with django_assert_max_num_queries(9):
        assert client.get(f"{url(warwickshire)}?q=text&method=consensus").status_code == 200
