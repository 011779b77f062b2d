"""A site administrator adds a partnership with the rule numbers of its terms of reference."""

import re

import pytest
from playwright.sync_api import expect

from partnership.models import Partnership
from tests.e2e.axe import assert_accessible

pytestmark = pytest.mark.e2e

RULES = {
    "Agenda notice, in working days": "7",
    "Minutes circulated within, in working days": "15",
    "Chair and vice chair term, in years": "3",
    "Meetings a year, at least": "4",
    "Public meetings a year, at least": "2",
    "Notice of withdrawal, in months": "6",
}


def test_staff_adds_a_partnership_and_lands_on_its_register(page, live_server, log_in, staff):
    log_in("stella.staff")

    expect(page.get_by_role("heading", level=1)).to_have_text("My partnerships")
    assert_accessible(page)

    page.get_by_role("button", name="Add a partnership").click()

    expect(page).to_have_url(f"{live_server.url}/partnerships/new/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Add a partnership")
    assert_accessible(page)
    page.get_by_label("Name").fill("Nuneaton and Bedworth Community Safety Partnership")
    page.get_by_label("Web address").fill("new")  # taken by this very page
    page.get_by_label("Secretariat email").fill("secretariat@nbcsp.example.org")
    page.get_by_role("radio", name="Scotland").check()
    page.get_by_label("Aim").fill("To make Nuneaton and Bedworth safer.")
    page.get_by_label("Objectives").fill("To reduce reoffending\nTo tackle anti-social behaviour")
    for label, number in RULES.items():
        page.get_by_label(label, exact=True).fill(number)
    page.get_by_role("button", name="Add the partnership").click()

    expect(page).to_have_title(re.compile(r"^Error: Add a partnership"))
    expect(page.locator(".govuk-error-summary")).to_contain_text(
        "This web address is taken by the site. Choose another."
    )
    assert not Partnership.objects.exists()
    assert_accessible(page)

    expect(page.get_by_label("Notice of withdrawal, in months")).to_have_value("6")
    page.get_by_label("Web address").fill("nuneaton-bedworth-csp")
    page.get_by_role("button", name="Add the partnership").click()

    expect(page).to_have_url(f"{live_server.url}/partnerships/nuneaton-bedworth-csp/")
    expect(page.locator(".govuk-notification-banner--success")).to_contain_text("Partnership added")
    expect(page.get_by_role("heading", level=1)).to_have_text("Register")
    main = page.get_by_role("main")
    expect(main).to_contain_text("Nuneaton and Bedworth Community Safety Partnership")
    expect(main).to_contain_text("To make Nuneaton and Bedworth safer.")
    expect(main.get_by_role("listitem").filter(has_text="To tackle anti-social behaviour")).to_be_visible()
    expect(main).to_contain_text("secretariat@nbcsp.example.org")
    expect(main).to_contain_text("Scotland")
    expect(main).to_contain_text("Sent to members at least 7 working days before each meeting")
    expect(main).to_contain_text("circulated within 15 working days of the meeting")
    expect(main).to_contain_text("Terms of 3 years, re-electable")
    expect(main).to_contain_text("At least 4 a year")
    expect(main).to_contain_text("At least 2 a year")
    expect(main).to_contain_text("At least 6 months, given by the nominating body")
    expect(main).to_contain_text("No nominating bodies are recorded yet.")
    assert_accessible(page)
