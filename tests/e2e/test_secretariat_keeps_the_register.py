"""The secretariat officer adds a nominating body and its members; a body's seats limit its
members, and the officer gives the body another seat to seat one more."""

import re

import pytest
from playwright.sync_api import expect

from partnership.models import Member, NominatingBody
from tests.e2e.axe import assert_accessible

pytestmark = pytest.mark.e2e


def body_row(page, name):
    return page.get_by_role("row").filter(has=page.get_by_role("rowheader", name=name, exact=True))


def add_member_to_probation(page, *, name, email, role):
    body_row(page, "Probation").get_by_role("link", name="Add a member for Probation").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Add a member")
    expect(page.get_by_label("Nominating body", exact=True)).to_have_value(
        str(NominatingBody.objects.get(name="Probation").pk)
    )
    assert_accessible(page)
    page.get_by_label("Full name").fill(name)
    page.get_by_label("Email address").fill(email)
    page.get_by_label("Role in the nominating body").fill(role)
    page.get_by_role("button", name="Add the member").click()


def test_secretariat_adds_a_body_and_fills_its_seats(page, live_server, log_in, secretariat, warwickshire):
    log_in("sam.secretariat")

    expect(page).to_have_url(f"{live_server.url}/partnerships/")
    expect(page.get_by_role("heading", level=1)).to_have_text("My partnerships")
    expect(page.get_by_role("row", name="Warwickshire Safer Communities Partnership")).to_contain_text("Secretariat")
    assert_accessible(page)

    # The visually hidden ": register" is a separate box, so Chromium puts a space before it.
    page.get_by_role("link", name=re.compile(r"^Warwickshire Safer Communities Partnership ?: register$")).click()

    expect(page).to_have_url(f"{live_server.url}/partnerships/warwickshire-scp/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Register")
    assert_accessible(page)

    # A new nominating body with one seat.
    page.get_by_role("link", name="Add a nominating body").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Add a nominating body")
    assert_accessible(page)
    page.get_by_label("Name").fill("Probation")
    page.get_by_label("Seats").fill("1")
    page.get_by_label("Responsible authority").check()
    page.get_by_role("button", name="Save the nominating body").click()

    expect(page).to_have_url(f"{live_server.url}/partnerships/warwickshire-scp/")
    expect(page.locator(".govuk-notification-banner--success")).to_contain_text("Nominating body added")
    probation = body_row(page, "Probation")
    expect(probation.get_by_role("cell").nth(0)).to_have_text("Yes")
    expect(probation.get_by_role("cell").nth(1)).to_have_text("0 of 1")
    expect(probation).to_contain_text("No members")
    assert_accessible(page)

    # Its member.
    add_member_to_probation(
        page, name="Pat Probation", email="pat.probation@probation.example.org", role="Head of Service"
    )

    expect(page).to_have_url(f"{live_server.url}/partnerships/warwickshire-scp/")
    expect(page.locator(".govuk-notification-banner--success")).to_contain_text("Member added")
    expect(probation.get_by_role("cell").nth(1)).to_have_text("1 of 1")
    expect(probation).to_contain_text("Pat Probation, Head of Service")
    expect(probation.get_by_role("link", name="pat.probation@probation.example.org")).to_be_visible()
    assert_accessible(page)

    # No second member while its only seat is taken.
    add_member_to_probation(page, name="Quinn Second", email="quinn.second@probation.example.org", role="Deputy")

    expect(page.get_by_role("heading", level=1)).to_have_text("Add a member")
    expect(page).to_have_title(re.compile(r"^Error: Add a member"))
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_contain_text("There is a problem")
    expect(summary).to_contain_text(
        "Probation has 1 seat and all are taken. Make a member inactive or give the body another seat first."
    )
    assert list(Member.objects.filter(nominating_body__name="Probation").values_list("person__name", flat=True)) == [
        "Pat Probation"
    ]
    assert_accessible(page)

    page.get_by_role("link", name="Back to the register").click()

    expect(probation.get_by_role("cell").nth(1)).to_have_text("1 of 1")
    expect(probation).not_to_contain_text("Quinn Second")
    assert_accessible(page)

    # A second seat, then the second member.
    probation.get_by_role("link", name="Change Probation").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Change Probation")
    expect(page.get_by_label("Name")).to_have_value("Probation")
    expect(page.get_by_label("Responsible authority")).to_be_checked()
    assert_accessible(page)
    page.get_by_label("Seats").fill("2")
    page.get_by_role("button", name="Save the nominating body").click()

    expect(page.locator(".govuk-notification-banner--success")).to_contain_text("Nominating body saved")
    expect(probation.get_by_role("cell").nth(1)).to_have_text("1 of 2")
    assert_accessible(page)

    add_member_to_probation(page, name="Quinn Second", email="quinn.second@probation.example.org", role="Deputy")

    expect(page.locator(".govuk-notification-banner--success")).to_contain_text("Member added")
    expect(probation.get_by_role("cell").nth(1)).to_have_text("2 of 2")
    expect(probation).to_contain_text("Pat Probation, Head of Service")
    expect(probation).to_contain_text("Quinn Second, Deputy")
    assert_accessible(page)
