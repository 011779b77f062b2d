"""Issue 6 in Chromium: Mo Member keeps their register of interests, confirms it is up to date
and records a gift of hospitality; Carol Chair records a suspected breach of the Code by Mo and
requires Mo to withdraw from partnership business; Mo's meeting page then says so and Mo's
declaration of interest is refused; the chair resolves the breach and Mo takes part again."""

import datetime
import re

import pytest
from playwright.sync_api import expect

from governance.models import ConductBreach, GiftOrHospitality, InterestRegisterConfirmation, RegisteredInterest
from meetings import services
from meetings.models import Declaration
from partnership.models import Member
from tests.e2e.axe import assert_accessible

pytestmark = pytest.mark.e2e

ITEM = "Drug and Alcohol Action Team: treatment plan"
WITHDRAWN = "You are withdrawn from partnership business since 25 November 2026."


@pytest.fixture
def january_meeting(warwickshire, secretariat, chair, member):
    meeting = services.schedule_meeting(
        partnership=warwickshire, title="Board meeting", date=datetime.date(2027, 1, 19), start_time=datetime.time(14)
    )
    services.add_agenda_item(meeting=meeting, title=ITEM, purpose="decision")
    return meeting


def sign_out(page):
    page.get_by_role("button", name="Sign out").click()


def test_registers_and_a_breach_of_the_code(page, live_server, log_in, fill_date, january_meeting):
    # Mo keeps their register of interests.
    log_in("mo.member", next_path="/account/interests/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Your register of interests")
    expect(page.get_by_role("main")).to_contain_text("You have not yet confirmed your register")
    assert_accessible(page)

    page.get_by_role("button", name="Add an interest").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Add an interest to your register")
    page.get_by_label("Their well-being or financial position, or that of a friend or relative").check()
    page.get_by_label("What the interest is").fill("My spouse works for Compass Recovery, a treatment provider.")
    page.get_by_label("Organisation or person it is in (optional)").fill("Compass Recovery")
    fill_date("Since", datetime.date(2027, 2, 1))
    page.get_by_role("button", name="Add to my register").click()
    expect(page).to_have_title(re.compile(r"^Error: Add an interest"))
    expect(page.locator(".govuk-error-summary")).to_contain_text(
        "Register an interest once it has begun: the date cannot be in the future."
    )
    assert not RegisteredInterest.objects.exists()
    assert_accessible(page)

    fill_date("Since", datetime.date(2024, 9, 1))
    page.get_by_role("button", name="Add to my register").click()
    expect(page.locator(".govuk-notification-banner--success")).to_contain_text("The interest is on your register.")
    expect(page.get_by_role("row", name=re.compile("^My spouse works for Compass Recovery"))).to_contain_text(
        "1 September 2024"
    )
    assert_accessible(page)

    page.get_by_role("button", name="Confirm my register is complete and up to date").click()
    expect(page.locator(".govuk-notification-banner--success")).to_contain_text(
        "You have confirmed your register of interests is complete and up to date."
    )
    expect(page.get_by_role("main")).to_contain_text(
        "You last confirmed your register is complete and up to date on 25 November 2026."
    )
    assert InterestRegisterConfirmation.objects.count() == 1
    assert_accessible(page)

    # ... and records the hospitality offered.
    page.get_by_role("link", name="Your gifts and hospitality").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Your gifts and hospitality")
    assert_accessible(page)
    page.get_by_role("button", name="Record an offer").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Record an offer of a gift or hospitality")
    page.get_by_label("Hospitality").check()
    page.get_by_label("Offered by").fill("Compass Recovery")
    page.get_by_label("What was offered").fill("Dinner at the launch of the county treatment plan")
    page.get_by_label("Estimated value, in pounds").fill("45")
    fill_date("Offered on", datetime.date(2026, 11, 5))
    page.get_by_role("group", name="Did you accept it?").get_by_label("Yes").check()
    page.get_by_role("group", name="Have you declared and registered it with your nominating body?").get_by_label(
        "Yes"
    ).check()
    page.get_by_role("button", name="Record the offer").click()
    expect(page.locator(".govuk-notification-banner--success")).to_contain_text(
        "The offer is on the gifts and hospitality register."
    )
    expect(page.get_by_role("main")).to_contain_text("£45.00")
    assert GiftOrHospitality.objects.get().accepted
    assert_accessible(page)
    sign_out(page)

    # The chair reads the registers, records a suspected breach and requires Mo to withdraw.
    log_in("carol.chair", next_path="/partnerships/warwickshire-scp/registers/interests/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Register of interests")
    expect(page.get_by_role("main")).to_contain_text("My spouse works for Compass Recovery")
    assert_accessible(page)
    page.get_by_role("link", name="Gifts and hospitality register").click()
    expect(page.get_by_role("main")).to_contain_text("Dinner at the launch of the county treatment plan")
    assert_accessible(page)

    page.goto(f"{live_server.url}/partnerships/warwickshire-scp/breaches/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Breaches of the Code of Conduct")
    assert_accessible(page)
    page.get_by_role("button", name="Record a suspected breach").click()
    page.get_by_label("Member").select_option(label="Mo Member, The Police Service")
    page.get_by_label("What the suspected breach is").fill("Shared a confidential paper with the press.")
    fill_date("Reported on", datetime.date(2026, 11, 24))
    assert_accessible(page)
    page.get_by_role("button", name="Record the suspected breach").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Suspected breach of the Code by Mo Member")
    assert_accessible(page)

    page.get_by_role("button", name="Require withdrawal").click()
    expect(page.locator(".govuk-notification-banner--success")).to_contain_text(
        "Mo Member is withdrawn from partnership business until the breach is resolved."
    )
    expect(page.get_by_role("main")).to_contain_text("Withdrawn from partnership business since 25 November 2026")
    assert Member.objects.get(person__name="Mo Member").is_withdrawn_from_business
    assert_accessible(page)
    sign_out(page)

    # Mo's meeting page says so, and Mo's declaration is refused.
    log_in("mo.member", next_path=january_meeting.get_absolute_url())
    expect(page.get_by_role("heading", level=1)).to_have_text("Board meeting")
    expect(page.get_by_role("region", name="Important")).to_contain_text(WITHDRAWN)
    assert_accessible(page)

    page.get_by_role("link", name="Declare an interest in an item").click()
    expect(page.get_by_role("region", name="Important")).to_contain_text(WITHDRAWN)
    page.get_by_label("Agenda item").select_option(label=f"5. {ITEM}")
    page.get_by_label("Personal").check()
    page.get_by_label("What the interest is").fill("My spouse works for a treatment provider.")
    page.get_by_role("button", name="Record the interest").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text(
        "Mo Member has been withdrawn from partnership business since 25 November 2026"
    )
    assert not Declaration.objects.exists()
    assert_accessible(page)
    sign_out(page)

    # The chair resolves the breach; Mo takes part again.
    breach = ConductBreach.objects.get()
    log_in("carol.chair", next_path=breach.get_absolute_url())
    page.get_by_role("button", name="Resolve").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Resolve the suspected breach by Mo Member")
    assert_accessible(page)
    page.get_by_label("The way forward the partners agreed").fill("A written apology, agreed by the partners.")
    page.get_by_role("button", name="Resolve the breach").click()
    expect(page.locator(".govuk-notification-banner--success")).to_contain_text("The breach is resolved.")
    expect(page.get_by_role("main")).to_contain_text("Taking part in partnership business")
    assert not Member.objects.get(person__name="Mo Member").is_withdrawn_from_business
    assert_accessible(page)
