"""A resident finds a partnership on the site's home, reads how to attend its public meetings,
uses the partnership's sub-navigation to reach its membership register and back, and reads the
accessibility statement; every page passes axe-core and shows no email address."""

import re

import pytest
from playwright.sync_api import expect

from tests.e2e.axe import assert_accessible

pytestmark = pytest.mark.e2e

EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+")
PARTNERSHIP = "Warwickshire Safer Communities Partnership"


def assert_no_email(page):
    assert not EMAIL.search(page.content()), f"an email address on {page.url}"


def partnership_nav(page):
    return page.get_by_role("navigation", name=f"{PARTNERSHIP}: public pages")


def test_resident_walks_the_public_pages_of_a_partnership(page, live_server, warwickshire, chair, member, outsider):
    page.goto(live_server.url)
    expect(page.get_by_role("heading", level=1)).to_have_text("Partnerships")
    expect(page.get_by_role("main")).to_contain_text("To create safer communities through the reduction of crime")
    assert_accessible(page)

    page.get_by_role("link", name=PARTNERSHIP).click()

    expect(page).to_have_url(f"{live_server.url}/p/warwickshire-scp/")
    expect(page.get_by_role("heading", level=1)).to_have_text(PARTNERSHIP)
    main = page.get_by_role("main")
    expect(page.get_by_role("heading", level=2, name="How to attend a public meeting")).to_be_visible()
    expect(main).to_contain_text("at least 5 working days before each meeting")
    expect(main).to_contain_text("Carol Chair, Warwickshire County Council")
    expect(partnership_nav(page).get_by_role("link", name="Overview")).to_have_attribute("aria-current", "page")
    expect(main.get_by_role("link", name="Follow new publications in a feed reader (Atom feed)")).to_be_visible()
    assert_no_email(page)
    assert_accessible(page)

    partnership_nav(page).get_by_role("link", name="Membership").click()

    expect(page).to_have_url(f"{live_server.url}/p/warwickshire-scp/members/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Membership register")
    expect(partnership_nav(page).get_by_role("link", name="Membership")).to_have_attribute("aria-current", "page")
    table = page.get_by_role("table", name="Nominating bodies and their representatives")
    expect(table.get_by_role("cell", name="Mo Member")).to_be_visible()
    expect(table.get_by_role("cell", name="Chief Superintendent")).to_be_visible()
    expect(table.get_by_role("rowheader", name="The Police Service")).to_be_visible()
    expect(page.get_by_role("main")).not_to_contain_text("Oscar Outsider")
    assert_no_email(page)
    assert_accessible(page)

    # On a phone 320 pixels wide the register scrolls inside its wrapper, never the whole page.
    page.set_viewport_size({"width": 320, "height": 640})
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    assert_accessible(page)
    page.set_viewport_size({"width": 1280, "height": 720})

    partnership_nav(page).get_by_role("link", name="Overview").click()
    expect(page).to_have_url(f"{live_server.url}/p/warwickshire-scp/")

    page.get_by_role("link", name="Read the accessibility statement for this website").click()

    expect(page).to_have_url(f"{live_server.url}/accessibility/")
    expect(page.get_by_role("heading", level=1)).to_have_text(re.compile(r"^Accessibility statement for "))
    main = page.get_by_role("main")
    expect(main).to_contain_text("partially compliant with the Web Content Accessibility Guidelines version 2.2")
    expect(main).to_contain_text("Equality Advisory and Support Service (EASS)")
    expect(main).to_contain_text("This statement was prepared on 25 November 2026.")
    assert_no_email(page)
    assert_accessible(page)

    page.get_by_role("link", name=f"Contact the {PARTNERSHIP}").click()

    expect(page).to_have_url(f"{live_server.url}/p/warwickshire-scp/#contact")
    expect(page.get_by_role("heading", level=2, name="Contact the partnership")).to_be_visible()
    expect(page.get_by_role("main")).to_contain_text(
        f"contact Warwickshire County Council and ask for the secretariat of the {PARTNERSHIP}"
    )
