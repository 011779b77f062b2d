"""A member reads their partnership's register but cannot change it (403); someone of another
partnership is not told the register exists (404)."""

import re

import pytest
from playwright.sync_api import expect

from tests.e2e.axe import assert_accessible

pytestmark = pytest.mark.e2e

REGISTER = "/partnerships/warwickshire-scp/"


def test_member_reads_the_register_without_links_to_change_it(page, live_server, log_in, member, chair, cdrp_chairs):
    # The partnership has no conduct documents, so nothing waits to be acknowledged.
    log_in("mo.member")

    expect(page.get_by_role("heading", level=1)).to_have_text("My partnerships")
    expect(page.get_by_role("row", name="Warwickshire Safer Communities Partnership")).to_contain_text("Member")
    expect(page.get_by_role("button", name="Add a partnership")).to_have_count(0)
    assert_accessible(page)

    page.get_by_role("link", name=re.compile(r"^Warwickshire Safer Communities Partnership ?: register$")).click()

    expect(page).to_have_url(f"{live_server.url}{REGISTER}")
    expect(page.get_by_role("heading", level=1)).to_have_text("Register")
    main = page.get_by_role("main")
    expect(main).to_contain_text("The register is kept by the partnership's secretariat.")
    for body, seats, seat_holder in [
        ("Warwickshire County Council", "1 of 1", "Carol Chair, Portfolio holder"),
        ("The Police Service", "1 of 1", "Mo Member, Chief Superintendent"),
        ("The Chair of each CDRP strategy group", "0 of 5", "No members"),
    ]:
        row = page.get_by_role("row").filter(has=page.get_by_role("rowheader", name=body, exact=True))
        expect(row.get_by_role("cell").nth(1)).to_have_text(seats)
        expect(row.get_by_role("cell").nth(2)).to_contain_text(seat_holder)
    expect(main.get_by_role("link", name=re.compile(r"^(Change|Add|Appoint|Record|History)"))).to_have_count(0)
    expect(main.get_by_role("columnheader", name="Actions")).to_have_count(0)
    assert_accessible(page)


def test_member_is_refused_a_change_page(page, live_server, log_in, member, police):
    log_in("mo.member")
    expect(page.get_by_role("heading", level=1)).to_have_text("My partnerships")
    assert_accessible(page)

    response = page.goto(f"{live_server.url}{REGISTER}bodies/{police.pk}/")

    assert response.status == 403
    expect(page).to_have_title(re.compile(r"^You cannot do this"))
    expect(page.get_by_role("heading", level=1)).to_have_text("You cannot do this")
    expect(page.get_by_role("main")).to_contain_text("Only the partnership's secretariat can change its register.")
    expect(page.get_by_role("main")).not_to_contain_text("Save the nominating body")
    assert_accessible(page)

    page.get_by_role("link", name="Go to my partnerships").click()

    expect(page).to_have_url(f"{live_server.url}/partnerships/")


def test_someone_of_another_partnership_does_not_find_the_register(
    page, live_server, log_in, outsider, warwickshire, member
):
    log_in("oscar.outsider")

    expect(page.get_by_role("heading", level=1)).to_have_text("My partnerships")
    expect(page.get_by_role("row", name="Rugby Community Safety Partnership")).to_be_visible()
    expect(page.get_by_role("row", name="Warwickshire Safer Communities Partnership")).to_have_count(0)
    assert_accessible(page)

    response = page.goto(f"{live_server.url}{REGISTER}")

    assert response.status == 404
    expect(page.get_by_role("heading", level=1)).to_have_text("Page not found")
    expect(page.locator("body")).not_to_contain_text("Warwickshire")
    expect(page.locator("body")).not_to_contain_text("Mo Member")
    assert_accessible(page)
