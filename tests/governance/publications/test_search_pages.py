"""The public search (/search/ and /p/<slug>/search/): on SQLite every word must appear, in any
case, in the title or the text (tests/governance/publications/test_search_postgres.py covers
PostgreSQL's full-text search). Results say what each is, whose, from which meeting, show the
match marked and everything else escaped, and link to its place; an empty query shows the form
only; a query over 200 characters is refused with a clear message."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from governance.models_publications import Publication
from governance.publications.search import uses_full_text_search
from tests.factories import PartnershipFactory
from tests.governance.publications.conftest import schedule

pytestmark = pytest.mark.django_db

SEARCH_ALL = reverse("publications:search-all")


def search_url(partnership) -> str:
    return reverse("publications:search", kwargs={"slug": partnership.slug})


def publish(partnership, key, title, text="", *, kind="minutes", meeting=None, days_ago=0, summary="") -> Publication:
    when = timezone.now() - datetime.timedelta(days=days_ago)
    return Publication.objects.create(
        partnership=partnership,
        kind=kind,
        key=key,
        meeting=meeting,
        title=title,
        summary=summary,
        text=text,
        path=f"/p/{partnership.slug}/meetings/1/#{key.replace(':', '-')}",
        published_at=when,
        updated_at=when,
    )


@pytest.fixture
def rugby(db):
    return PartnershipFactory(name="Rugby Community Safety Partnership", slug="rugby-csp")


@pytest.fixture
def index(warwickshire, rugby):
    meeting = schedule(warwickshire)
    publish(
        warwickshire,
        "minutes:1",
        "Minutes: Board meeting, 19 January 2027",
        "The board heard that anti-social behaviour in Nuneaton town centre fell after the new patrols.",
        meeting=meeting,
        days_ago=2,
    )
    publish(warwickshire, "decision:1:4", "Decision 4: Fund knife arches", "Knife arches for Nuneaton", kind="decision")
    publish(rugby, "minutes:9", "Minutes: Rugby board", "Patrols in Rugby town centre.", days_ago=1)
    return meeting


@pytest.fixture(autouse=True)
def only_on_sqlite():
    if uses_full_text_search():
        pytest.skip("the fallback search is SQLite's")


def test_an_empty_query_shows_the_form_only(client, index):
    response = client.get(SEARCH_ALL)

    assert response.status_code == 200
    page = response.content.decode()
    assert 'name="q"' in page
    assert "result" not in page.lower().replace("search results", "")
    assert "Minutes: Board meeting" not in page


def test_every_word_must_appear_in_any_case_across_partnerships(client, index):
    response = client.get(SEARCH_ALL, {"q": "TOWN centre"})

    page = response.content.decode()
    assert "2 results for “TOWN centre”" in page
    assert "Minutes: Board meeting, 19 January 2027" in page
    assert "Minutes: Rugby board" in page
    assert "Rugby Community Safety Partnership" in page

    page = client.get(SEARCH_ALL, {"q": "town nuneaton patrols"}).content.decode()
    assert "1 result for" in page
    assert "Minutes: Rugby board" not in page


def test_a_result_says_what_it_is_whose_and_when_and_links_to_its_place(client, index, warwickshire):
    page = client.get(search_url(warwickshire), {"q": "Nuneaton patrols"}).content.decode()

    assert "Minutes: Board meeting, 19 January 2027" in page
    assert f'href="/p/{warwickshire.slug}/meetings/1/#minutes-1"' in page
    assert "meeting of 19 January 2027" in page
    assert ">Minutes</strong>" in page
    assert "<mark>Nuneaton</mark>" in page
    assert "<mark>patrols</mark>" in page


def test_a_title_match_is_found_too(client, index, warwickshire):
    page = client.get(search_url(warwickshire), {"q": "arches"}).content.decode()

    assert "Decision 4: Fund knife arches" in page


def test_the_search_of_one_partnership_finds_only_its_own(client, index, warwickshire, rugby):
    page = client.get(search_url(warwickshire), {"q": "town centre"}).content.decode()

    assert "1 result for" in page
    assert "Minutes: Rugby board" not in page
    assert f'href="{reverse("publications:feed", kwargs={"slug": warwickshire.slug})}"' in page
    head = page.split("</head>")[0]
    assert 'rel="alternate" type="application/atom+xml"' in head, "browsers and readers find a feed in the head"


def test_the_kind_filter_keeps_one_kind(client, index, warwickshire):
    page = client.get(search_url(warwickshire), {"q": "Nuneaton", "kind": "decision"}).content.decode()

    assert "1 result for" in page
    assert "Decision 4: Fund knife arches" in page
    assert "Minutes: Board meeting" not in page


def test_a_query_over_200_characters_is_refused_with_a_clear_message(client, index):
    response = client.get(SEARCH_ALL, {"q": "n" * 201})

    page = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" in page
    assert "Search for 200 characters or fewer (you entered 201)." in page
    assert "results for" not in page


def test_nothing_is_found_says_so(client, index):
    page = client.get(SEARCH_ALL, {"q": "zebra"}).content.decode()

    assert "0 results for “zebra”" in page
    assert "Try other words" in page


def test_script_in_a_title_or_text_is_escaped(client, warwickshire):
    publish(warwickshire, "paper:1", "<script>alert('title')</script> knife", "A <script>alert('text')</script> knife")

    page = client.get(SEARCH_ALL, {"q": "knife"}).content.decode()

    assert "<script>alert(" not in page
    assert "&lt;script&gt;alert(" in page
    assert "<mark>knife</mark>" in page


def test_an_unknown_partnership_is_not_found(client, db):
    assert client.get(reverse("publications:search", kwargs={"slug": "nowhere"})).status_code == 404


def test_results_come_a_page_at_a_time(client, warwickshire):
    for n in range(25):
        publish(warwickshire, f"decision:1:{n}", f"Decision {n}: patrols", "patrols", kind="decision", days_ago=n)

    first = client.get(search_url(warwickshire), {"q": "patrols"}).content.decode()
    second = client.get(search_url(warwickshire), {"q": "patrols", "page": 2}).content.decode()

    assert "25 results for" in first
    assert "Decision 0: patrols" in first
    assert "Decision 24: patrols" not in first
    assert "Decision 24: patrols" in second
    assert 'aria-label="Pages of the search results"' in first


def _volume(partnership, count):
    meeting = schedule(partnership, title=f"Meeting {count}")
    for n in range(count):
        publish(
            partnership,
            f"decision:{partnership.slug}:{count}:{n}",
            f"Decision {n}: patrols",
            "patrols",
            kind="decision",
            meeting=meeting,
        )


@pytest.mark.parametrize("count", [5, 60])
def test_a_fixed_number_of_queries_whatever_the_volume(
    client, warwickshire, rugby, count, django_assert_max_num_queries
):
    _volume(warwickshire, count)
    _volume(rugby, count)

    with django_assert_max_num_queries(3):
        assert client.get(search_url(warwickshire), {"q": "patrols"}).status_code == 200
    with django_assert_max_num_queries(2):
        assert client.get(SEARCH_ALL, {"q": "patrols"}).status_code == 200
