"""Issue 7: the public finds what was published. With the demo loaded (load_demo indexes what
it published), an anonymous visitor opens the site-wide search, looks for a word said in the
published minutes of the first board meeting, sees the result with the word marked, and follows
it to the minutes on the public meeting page; then searches within the partnership, filtered to
decisions. Confidential minutes never turn up. axe-core runs on every page."""

import re

import pytest
from playwright.sync_api import expect

from tests.e2e.axe import assert_accessible

pytestmark = pytest.mark.e2e

WORD = "burglary"  # "Burglary is down 8% on the year", in the first meeting's published minutes
CONFIDENTIAL_MINUTE = "names of those involved"


def test_the_public_searches_the_minutes_and_reaches_the_place(page, live_server, demo):
    page.goto(f"{live_server.url}/search/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Search what partnerships have published")
    assert_accessible(page)

    page.get_by_label("Search for").fill(WORD)
    page.get_by_role("button", name="Search").click()

    expect(page.get_by_role("heading", level=2, name=re.compile(r"results? for “burglary”"))).to_be_visible()
    result = page.get_by_role("link", name=re.compile(r"^Minutes: Board meeting"))
    expect(result).to_have_count(1)
    expect(page.locator("mark").first).to_have_text(re.compile("burglary", re.IGNORECASE))
    assert_accessible(page)

    result.click()

    expect(page).to_have_url(re.compile(r"/p/warwickshire-scp/meetings/\d+/#minutes$"))
    expect(page.locator("#minutes")).to_be_visible()
    expect(page.locator("main")).to_contain_text("Burglary is down 8%")
    expect(page.locator("main")).not_to_contain_text(CONFIDENTIAL_MINUTE)
    assert_accessible(page)


def test_the_public_searches_one_partnership_for_decisions(page, live_server, demo):
    page.goto(f"{live_server.url}/p/warwickshire-scp/search/")
    assert_accessible(page)

    page.get_by_label("Search for").fill("performance report")
    page.get_by_label("Show").select_option(label="Decision")
    page.get_by_role("button", name="Search").click()

    expect(page.get_by_role("link", name=re.compile(r"^Decision \d+: The quarterly performance report"))).to_have_count(
        1
    )
    expect(page.get_by_role("link", name=re.compile(r"^Minutes:"))).to_have_count(0)
    assert_accessible(page)

    page.get_by_label("Search for").fill("x" * 201)
    page.get_by_role("button", name="Search").click()
    expect(page.get_by_role("alert")).to_contain_text("Search for 200 characters or fewer (you entered 201).")
    assert_accessible(page)

    response = page.request.get(f"{live_server.url}/p/warwickshire-scp/feed.atom")
    assert response.ok
    assert "<entry>" in response.text()
    assert "Decision" in response.text()
    assert CONFIDENTIAL_MINUTE not in response.text()
