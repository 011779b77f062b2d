"""The public visitor finds a partnership and sees who runs it, without anyone's email."""

import re

import pytest
from playwright.sync_api import expect

from tests.e2e.axe import assert_accessible

pytestmark = pytest.mark.e2e


def test_visitor_finds_the_partnership_and_its_chair(page, live_server, warwickshire, chair, member):
    page.goto(live_server.url)
    expect(page.get_by_role("heading", level=1)).to_have_text("Partnerships")
    assert_accessible(page)

    page.get_by_role("link", name="Warwickshire Safer Communities Partnership").click()

    expect(page).to_have_url(f"{live_server.url}/p/warwickshire-scp/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Warwickshire Safer Communities Partnership")
    main = page.get_by_role("main")
    expect(main).to_contain_text("To create safer communities through the reduction of crime")
    expect(main).to_contain_text("Carol Chair, Warwickshire County Council")
    assert_accessible(page)

    page.get_by_role("navigation", name="Warwickshire Safer Communities Partnership: public pages").get_by_role(
        "link", name="Membership"
    ).click()
    expect(page).to_have_url(f"{live_server.url}/p/warwickshire-scp/members/")
    expect(page.get_by_role("cell", name="Mo Member")).to_be_visible()
    expect(page.get_by_role("cell", name="Chief Superintendent")).to_be_visible()
    html = page.content()
    assert "carol.chair@warwickshire.example.org" not in html
    assert "mo.member@police.example.org" not in html
    assert not re.search(r"[\w.+-]+@[\w-]+\.[\w.-]+", html)
    assert_accessible(page)
