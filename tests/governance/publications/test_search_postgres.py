"""The public search on PostgreSQL (CI runs the suite on it; skipped on SQLite): full-text
search over the title (weighted first) and the text, websearch syntax, stemming, the best
match first, the matching passage marked and the rest escaped; the GIN index exists."""

import pytest
from django.db import connection
from django.urls import reverse

from governance.publications.search import search_publications, uses_full_text_search
from tests.governance.publications.test_search_pages import SEARCH_ALL, publish, search_url

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's full-text search"),
]


def test_postgres_uses_full_text_search(db):
    assert uses_full_text_search()


def test_the_search_index_exists(db):
    with connection.cursor() as cursor:
        cursor.execute("SELECT indexdef FROM pg_indexes WHERE indexname = 'publication_search'")
        (definition,) = cursor.fetchone()
    assert "gin" in definition.lower()
    assert "to_tsvector" in definition


def test_words_are_stemmed_and_the_title_ranks_first(client, warwickshire):
    publish(warwickshire, "minutes:1", "Minutes of the board", "The board discussed the patrols in Nuneaton.")
    publish(warwickshire, "decision:1:1", "Decision 1: more patrolling in Nuneaton", "Agreed.", kind="decision")

    page = client.get(search_url(warwickshire), {"q": "patrol Nuneaton"}).content.decode()

    assert "2 results for" in page
    assert page.index("Decision 1: more patrolling") < page.index("Minutes of the board")
    assert "<mark>patrols</mark>" in page


def test_websearch_syntax_excludes_and_quotes(client, warwickshire):
    publish(warwickshire, "minutes:1", "Minutes one", "Knife crime fell in Rugby.")
    publish(warwickshire, "minutes:2", "Minutes two", "Knife arches were bought for Nuneaton.")

    page = client.get(SEARCH_ALL, {"q": "knife -rugby"}).content.decode()
    assert "1 result for" in page
    assert "Minutes two" in page

    page = client.get(SEARCH_ALL, {"q": '"knife crime"'}).content.decode()
    assert "1 result for" in page
    assert "Minutes one" in page


def test_the_snippet_is_escaped_but_the_match_marked(client, warwickshire):
    publish(warwickshire, "paper:1", "<script>alert('title')</script> knife", "A <script>alert('x')</script> knife")

    page = client.get(SEARCH_ALL, {"q": "knife"}).content.decode()

    assert "<script>alert(" not in page
    assert "&lt;script&gt;" in page
    assert "<mark>knife</mark>" in page


def test_the_kind_filter_and_partnership_apply(client, warwickshire):
    publish(warwickshire, "minutes:1", "Minutes one", "patrols")
    publish(warwickshire, "decision:1:1", "Decision 1", "patrols", kind="decision")

    page = client.get(search_url(warwickshire), {"q": "patrols", "kind": "decision"}).content.decode()

    assert "1 result for" in page
    assert "Decision 1" in page


@pytest.mark.parametrize("count", [5, 60])
def test_a_fixed_number_of_queries(client, warwickshire, count, django_assert_max_num_queries):
    for n in range(count):
        publish(warwickshire, f"decision:1:{n}", f"Decision {n}", "patrols", kind="decision")

    with django_assert_max_num_queries(3):
        assert client.get(search_url(warwickshire), {"q": "patrols"}).status_code == 200


def test_an_unknown_partnership_is_not_found(client, db):
    assert client.get(reverse("publications:search", kwargs={"slug": "nowhere"})).status_code == 404


def test_the_search_uses_the_index(warwickshire):
    publish(warwickshire, "minutes:1", "Minutes one", "patrols")
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")  # a tiny table: make the planner show it can
    plan = search_publications("patrols").explain()

    assert "publication_search" in plan
