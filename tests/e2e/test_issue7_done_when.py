"""Issue 7, done when: a resident walks the demo's public site from its home page to a published
minute, and on to a search result, by clicking as they would, with axe-core run on every page
they pass (any WCAG 2.2 A or AA violation fails). Then a member, the chair and the secretariat
each sign in and land on their home (their own walks are in test_issue7_portal.py)."""

import re

import pytest
from playwright.sync_api import expect

from tests.e2e.axe import assert_accessible

pytestmark = pytest.mark.e2e

PASSWORD = "partnership-demo-2026"


def test_a_resident_walks_from_the_home_page_to_a_published_minute_and_a_search_result(page, live_server, demo):
    page.goto(f"{live_server.url}/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Partnerships")
    assert_accessible(page)

    page.get_by_role("link", name="Warwickshire Safer Communities Partnership").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Warwickshire Safer Communities Partnership")
    expect(page.get_by_role("heading", name="How to attend a public meeting")).to_be_visible()
    assert_accessible(page)

    partnership_pages = page.get_by_role("navigation", name=re.compile("public pages"))
    partnership_pages.get_by_role("link", name="Meetings").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("meetings", ignore_case=True)
    assert_accessible(page)

    # The earliest past meeting is the one whose minutes the board has confirmed and published.
    page.get_by_role("link", name=re.compile("Board meeting")).last.click()
    minutes = page.locator("#minutes")
    expect(minutes).to_be_visible()
    expect(page.locator("main")).to_contain_text("Burglary is down 8%")
    expect(page.locator("main")).to_contain_text("Item taken in private")
    expect(page.locator("main")).not_to_contain_text("Domestic homicide review")
    assert_accessible(page)

    page.get_by_role("navigation", name=re.compile("public pages")).get_by_role("link", name="Search").click()
    page.get_by_label("Search for").fill("treatment plan")
    page.get_by_role("button", name="Search").click()
    results = page.get_by_role("link", name=re.compile(r"^Decision \d+: The treatment plan is approved"))
    expect(results.first).to_be_visible()
    assert_accessible(page)

    results.first.click()
    expect(page).to_have_url(re.compile(r"/p/warwickshire-scp/meetings/\d+/#decision-\d+$"))
    anchor = page.url.rsplit("#", 1)[1]
    expect(page.locator(f"#{anchor}")).to_be_in_viewport()
    expect(page.locator(f"#{anchor}")).to_contain_text("treatment plan is approved")
    assert_accessible(page)


@pytest.mark.parametrize("username", ["member", "chair", "secretariat"])
def test_each_role_signs_in_and_lands_on_their_home(page, live_server, demo, username):
    page.goto(f"{live_server.url}/")
    page.get_by_role("link", name="Sign in").click()
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    if "/account/codes/" in page.url:  # the codes of conduct come first, once
        assert_accessible(page)
        for box in page.get_by_role("checkbox").all():
            box.check()
        page.get_by_role("button", name="Confirm").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Your home")
    expect(page.get_by_role("heading", name="Waiting on you")).to_be_visible()
    assert_accessible(page)
