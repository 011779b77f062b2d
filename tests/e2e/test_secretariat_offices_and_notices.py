"""The secretariat officer appoints the chair and vice chair (ToR 5.2, 5.4), records a body's
notice of withdrawal (ToR 9) and a version of the terms of reference (ToR 10), then reads the
history of the register and who has acknowledged the codes."""

import datetime

import pytest
from dateutil.relativedelta import relativedelta
from django.utils import timezone
from playwright.sync_api import expect

from governance.models import Acknowledgement, ConductDocumentKind
from partnership.models import Office, OfficeRole, WithdrawalNotice
from tests.e2e.axe import assert_accessible
from tests.e2e.conftest import long_date
from tests.factories import ConductDocumentFactory, MemberFactory, PersonFactory

pytestmark = pytest.mark.e2e

REGISTER = "/partnerships/warwickshire-scp/"


@pytest.fixture
def council_members(county_council):
    """Two members from the county council, neither in office yet."""
    county_council.seats = 2
    county_council.save()
    return [
        MemberFactory(nominating_body=county_council, person=PersonFactory(name=name))
        for name in ("Carol Chair", "Colin Council")
    ]


def row_headed(page, name):
    return page.get_by_role("row").filter(has=page.get_by_role("rowheader", name=name, exact=True))


def open_register(page, live_server, log_in):
    log_in("sam.secretariat", next_path=REGISTER)
    expect(page).to_have_url(f"{live_server.url}{REGISTER}")
    expect(page.get_by_role("heading", level=1)).to_have_text("Register")
    assert_accessible(page)


def test_secretariat_appoints_a_chair_and_a_vice_chair_from_another_body(
    page, live_server, log_in, fill_date, secretariat, council_members, member
):
    today = timezone.localdate()
    term_end = today + relativedelta(years=2) - datetime.timedelta(days=1)
    open_register(page, live_server, log_in)

    page.get_by_role("link", name="Appoint a chair or vice chair").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Appoint a chair or vice chair")
    assert_accessible(page)
    page.get_by_role("radio", name="Chair", exact=True).check()
    page.get_by_label("Member").select_option(label="Carol Chair (Warwickshire County Council)")
    fill_date("Term starts on", today)
    page.get_by_role("button", name="Appoint").click()

    expect(page).to_have_url(f"{live_server.url}{REGISTER}")
    expect(page.locator(".govuk-notification-banner--success")).to_contain_text("Appointment recorded")
    expect(page.get_by_role("main")).to_contain_text(
        f"Carol Chair, Warwickshire County Council until {long_date(term_end)}", use_inner_text=True
    )
    chair_term = row_headed(page, "Chair")
    expect(chair_term).to_contain_text(long_date(today))
    expect(chair_term).to_contain_text(long_date(term_end))
    expect(chair_term).to_contain_text("In office")
    assert_accessible(page)

    # The vice chair cannot come from the chair's nominating body (ToR 5.4).
    page.get_by_role("link", name="Appoint a chair or vice chair").click()
    page.get_by_role("radio", name="Vice chair").check()
    page.get_by_label("Member").select_option(label="Colin Council (Warwickshire County Council)")
    fill_date("Term starts on", today)
    page.get_by_role("button", name="Appoint").click()

    summary = page.locator(".govuk-error-summary")
    expect(summary).to_contain_text("There is a problem")
    expect(summary).to_contain_text(
        "The chair and vice chair cannot come from the same nominating body (ToR 5.4): "
        "Carol Chair of Warwickshire County Council is chair then."
    )
    assert not Office.objects.filter(role=OfficeRole.VICE_CHAIR).exists()
    assert_accessible(page)

    # The form keeps what was typed; the officer picks a member of another body.
    expect(page.get_by_role("radio", name="Vice chair")).to_be_checked()
    page.get_by_label("Member").select_option(label="Mo Member (The Police Service)")
    page.get_by_role("button", name="Appoint").click()

    expect(page.locator(".govuk-notification-banner--success")).to_contain_text("Appointment recorded")
    expect(page.get_by_role("main")).to_contain_text(
        f"Mo Member, The Police Service until {long_date(term_end)}", use_inner_text=True
    )
    expect(row_headed(page, "Vice chair")).to_contain_text("Mo Member")
    assert_accessible(page)


def test_secretariat_records_a_notice_of_withdrawal(
    page, live_server, log_in, fill_date, secretariat, police, cdrp_chairs
):
    today = timezone.localdate()
    open_register(page, live_server, log_in)

    cdrps = row_headed(page, "The Chair of each CDRP strategy group")
    cdrps.get_by_role("link", name="Record notice of withdrawal of The Chair of each CDRP strategy group").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Record The Chair of each CDRP strategy group's notice of withdrawal"
    )
    assert_accessible(page)
    fill_date("Notice given on", today)
    page.get_by_role("button", name="Record the notice").click()

    expect(page.locator(".govuk-notification-banner--success")).to_contain_text("Withdrawal notice recorded")
    expect(cdrps).to_contain_text(
        f"Notice given {long_date(today)}; takes effect {long_date(today + relativedelta(months=12))}"
    )
    assert_accessible(page)

    # Less than 12 months' notice is refused (ToR 9).
    police_row = row_headed(page, "The Police Service")
    police_row.get_by_role("link", name="Record notice of withdrawal of The Police Service").click()
    fill_date("Notice given on", today)
    fill_date("Takes effect on", today + relativedelta(months=6))
    page.get_by_role("button", name="Record the notice").click()

    expect(page.locator(".govuk-error-summary")).to_contain_text(
        f"A nominating body gives at least 12 months' notice (ToR 9): notice given on {long_date(today)} "
        f"takes effect on {long_date(today + relativedelta(months=12))} at the earliest."
    )
    assert not WithdrawalNotice.objects.filter(nominating_body=police).exists()
    assert_accessible(page)

    page.get_by_role("link", name="Back to the register").click()

    expect(police_row.get_by_role("cell").nth(3)).to_have_text("None")
    assert_accessible(page)


def test_secretariat_adds_terms_of_reference_and_reads_the_history(page, live_server, log_in, fill_date, secretariat):
    today = timezone.localdate()
    open_register(page, live_server, log_in)

    page.get_by_role("link", name="Add a version of the terms of reference").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Add a version of the terms of reference")
    assert_accessible(page)
    page.get_by_label("Version").fill("2026")
    fill_date("Adopted on", today)
    page.get_by_role("button", name="Save the terms of reference").click()

    expect(page.locator(".govuk-notification-banner--success")).to_contain_text("Terms of reference added")
    version = row_headed(page, "2026")
    expect(version.get_by_role("cell").nth(0)).to_have_text(long_date(today))
    expect(version.get_by_role("cell").nth(1)).to_have_text(long_date(today + relativedelta(years=1)))
    assert_accessible(page)

    page.get_by_role("link", name="History of changes to the register").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("History of changes to the register")
    change = row_headed(page, "Terms of reference, version 2026")
    expect(change.get_by_role("cell").nth(1)).to_have_text("sam.secretariat")
    expect(change.get_by_role("cell").nth(2)).to_have_text("Created")
    assert_accessible(page)


def test_secretariat_sees_who_has_acknowledged_the_codes(
    page, live_server, log_in, warwickshire, secretariat, chair, member
):
    code = ConductDocumentFactory(partnership=warwickshire)
    protocol = ConductDocumentFactory(
        partnership=warwickshire, kind=ConductDocumentKind.BEHAVIOUR_PROTOCOL, title="Partnership Behaviour Protocol"
    )
    acknowledged_at = datetime.datetime(2026, 4, 1, 10, 0, tzinfo=datetime.UTC)
    for document in (code, protocol):
        Acknowledgement.objects.create(document=document, person=member.person, acknowledged_at=acknowledged_at)
    log_in("sam.secretariat", next_path="/codes/register/warwickshire-scp/")

    expect(page.get_by_role("heading", level=1)).to_have_text("Who has acknowledged the codes")
    table = page.get_by_role("table", name="Acknowledgements of the codes in force, by member")
    expect(table.get_by_role("columnheader", name="Code of Conduct for Partnership Working")).to_be_visible()
    expect(table.get_by_role("columnheader", name="Partnership Behaviour Protocol")).to_be_visible()
    expect(row_headed(page, "Mo Member").get_by_role("cell")).to_have_text(
        ["The Police Service", "1 April 2026", "1 April 2026"]
    )
    expect(row_headed(page, "Carol Chair").get_by_role("cell")).to_have_text(
        ["Warwickshire County Council", "Not yet", "Not yet"]
    )
    assert_accessible(page)
