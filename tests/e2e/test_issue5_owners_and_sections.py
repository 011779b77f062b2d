"""The secretariat previews an import of seed 002's table (milestones and owners shown) and
discards it, links the plan's owners to the register, moves a section and changes the plan's
title; axe on each page."""

import pytest
from playwright.sync_api import expect

from actionplans.models import Action, Section
from tests.actionplans.factories import ActionFactory, ActionPlanFactory, SectionFactory
from tests.e2e.axe import assert_accessible

pytestmark = pytest.mark.e2e

ROWS = (
    "Issue,Action,Who,When,Milestone\n"
    "Lead and Guide\n"
    "Strategy group prepares the assessment,Produce Strategic Assessment,Mo Member,April 2008,"
    "Draft to be considered by Delivery group in April 2008.\n"
)


@pytest.fixture
def plan(warwickshire, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    plan = ActionPlanFactory(partnership=warwickshire, title="Test Valley action plan")
    lead = SectionFactory(plan=plan, position=1, code="", title="Lead and Guide")
    processes = SectionFactory(plan=plan, position=2, code="", title="Governing Partnership Processes")
    ActionFactory(plan=plan, section=lead, title="Identify strategic group", owner="Mo Member")
    ActionFactory(plan=plan, section=lead, title="Ensure representation", owner="Mo Member")
    ActionFactory(plan=plan, section=processes, title="Develop the protocol", owner="Community Safety Manager")
    return plan


def test_the_secretariat_links_owners_moves_a_section_and_changes_the_plan(
    page, live_server, log_in, secretariat, member, police, plan, tmp_path
):
    log_in("sam.secretariat", next_path=f"/partnerships/warwickshire-scp/plans/{plan.pk}/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Test Valley action plan")
    assert_accessible(page)

    # An import previewed, then discarded: nothing saved.
    csv = tmp_path / "test-valley.csv"
    csv.write_text(ROWS)
    page.get_by_role("button", name="Import from a spreadsheet").click()
    page.get_by_label("Upload the plan").set_input_files(str(csv))
    page.get_by_role("button", name="Preview the import").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Check the import")
    expect(page.get_by_text("Will be linked to the member Mo Member, The Police Service")).to_be_visible()
    expect(page.get_by_role("row").filter(has_text="Strategy group prepares the assessment")).to_contain_text(
        "Due 30 April 2008"
    )
    assert_accessible(page)
    page.get_by_role("button", name="Discard this import").click()
    expect(page.locator(".govuk-notification-banner--success")).to_contain_text("Import discarded")
    assert Action.objects.filter(plan=plan).count() == 3

    # Moving "Governing Partnership Processes" above "Lead and Guide".
    expect(page.get_by_role("button", name="Move up section Lead and Guide")).to_have_count(0)
    page.get_by_role("button", name="Move up section Governing Partnership Processes").click()
    expect(page.locator(".govuk-notification-banner--success")).to_contain_text(
        "Section Governing Partnership Processes moved up."
    )
    expect(page.locator("#sections h2").first).to_have_text("Governing Partnership Processes")
    assert_accessible(page)
    assert list(Section.objects.filter(plan=plan).order_by("position").values_list("title", flat=True)) == [
        "Governing Partnership Processes",
        "Lead and Guide",
    ]

    # Linking the owners: Mo Member's name is suggested; the manager is linked to a body.
    page.get_by_role("button", name="Link owners").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Link owners")
    assert_accessible(page)
    mo = page.get_by_role("group", name="Mo Member (2 actions)")
    expect(mo.get_by_label("Member")).to_have_value(str(member.person.seats.get().pk))
    page.get_by_role("button", name="Save who is responsible for the actions of Mo Member").click()
    expect(page.locator(".govuk-notification-banner--success")).to_contain_text(
        "2 actions owned by “Mo Member” linked to Mo Member."
    )
    assert_accessible(page)
    manager = page.get_by_role("group", name="Community Safety Manager (1 action)")
    manager.get_by_label("Nominating body").select_option(label="The Police Service")
    page.get_by_role("button", name="Save who is responsible for the actions of Community Safety Manager").click()
    expect(page.get_by_text("Linked to The Police Service.", exact=True)).to_be_visible()
    assert Action.objects.filter(plan=plan, owner_member__person__user=member).count() == 2
    assert Action.objects.get(plan=plan, owner="Community Safety Manager").owner_body == police

    # Changing the plan's title.
    page.get_by_role("link", name="Back to the plan").click()
    page.get_by_role("link", name="Change the plan").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Change the plan")
    assert_accessible(page)
    page.get_by_label("Title").fill("")
    page.get_by_role("button", name="Save the plan").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Enter the title of the plan")
    assert_accessible(page)
    page.get_by_label("Title").fill("Test Valley action plan 2008")
    page.get_by_role("button", name="Save the plan").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Test Valley action plan 2008")
    expect(page.locator(".govuk-notification-banner--success")).to_contain_text("Plan saved.")
    assert_accessible(page)
