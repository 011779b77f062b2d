"""The secretariat imports the ethical-framework plan (seed 004) from a workbook: the preview
shows what will be created and the row whose date could not be read, nothing is saved until
the import is confirmed, and then the secretariat sets the date of the flagged action."""

from pathlib import Path

import pytest
from playwright.sync_api import expect

from actionplans.models import Action
from tests.actionplans.factories import ActionPlanFactory
from tests.e2e.axe import assert_accessible

pytestmark = pytest.mark.e2e

WORKBOOK = Path(__file__).parents[1] / "actionplans" / "data" / "ethical_framework_plan.xlsx"


@pytest.fixture
def plan(warwickshire, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return ActionPlanFactory(partnership=warwickshire, title="Ethical framework action plan")


def test_the_secretariat_imports_the_ethical_framework_plan(page, live_server, log_in, secretariat, plan):
    log_in("sam.secretariat", next_path="/partnerships/warwickshire-scp/")
    page.get_by_role("link", name="Action plans").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Action plans")
    assert_accessible(page)
    page.get_by_role("link", name="Ethical framework action plan").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Ethical framework action plan")
    expect(page.get_by_text("The plan has no actions yet.")).to_be_visible()
    assert_accessible(page)

    # Upload, then the preview: nothing saved yet.
    page.get_by_role("button", name="Import from a spreadsheet").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Import actions into Ethical framework action plan")
    assert_accessible(page)
    page.get_by_label("Upload the plan").set_input_files(str(WORKBOOK))
    page.get_by_role("button", name="Preview the import").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Check the import")
    expect(page.get_by_role("heading", name="B. Relationships")).to_be_visible()
    expect(page.get_by_role("heading", name="C.1. Induction")).to_be_visible()
    expect(page.get_by_text("1 action has a date that could not be read")).to_be_visible()
    flagged_row = page.get_by_role("row").filter(has_text="Autumn 2006")
    expect(flagged_row).to_contain_text("Date needs checking")
    assert_accessible(page)
    assert not Action.objects.exists()

    page.get_by_role("button", name="Import these 18 actions").click()
    expect(page.locator(".govuk-notification-banner--success")).to_contain_text(
        "18 actions imported. 1 need their date checking."
    )
    expect(page.get_by_role("heading", name="B. Relationships")).to_be_visible()
    expect(page.get_by_text("1 action needs a date checking")).to_be_visible()
    assert_accessible(page)
    assert Action.objects.filter(plan=plan).count() == 18

    # The secretariat sets the date of the flagged action.
    flagged = Action.objects.get(plan=plan, due_needs_checking=True)
    page.locator(f"#action-{flagged.pk}").get_by_role("link", name="Set the date").click()
    expect(page.get_by_text("By when, as written: Autumn 2006")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("button", name="Set the date").click()  # neither date nor ongoing: refused
    expect(page.locator(".govuk-error-summary")).to_contain_text("Give the date the action is due by")
    assert_accessible(page)
    group = page.get_by_role("group", name="Due by")
    group.get_by_label("Day").fill("30")
    group.get_by_label("Month").fill("11")
    group.get_by_label("Year").fill("2006")
    page.get_by_role("button", name="Set the date").click()
    expect(page.locator(".govuk-notification-banner--success")).to_contain_text("Date set.")
    row = page.locator(f"#action-{flagged.pk}")
    expect(row).to_contain_text("30 November 2006")
    expect(row).not_to_contain_text("Date needs checking")
    expect(page.get_by_text("needs a date checking")).to_have_count(0)
    assert_accessible(page)
