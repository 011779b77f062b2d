"""Issue 5, "Done when", tried as a new user would: the secretariat imports the Test Valley
action plan (seed 002, typed up as CSV) and the ethical-framework plan (seed 004, as XLSX),
checks the dates the importer flagged, gives an action to a member; the member reports a
milestone done; and the quarterly report's PDF, read back as text, shows it. axe on each page."""

import datetime
import io
import re
from pathlib import Path

import pytest
from playwright.sync_api import expect
from pypdf import PdfReader

from actionplans.models import Action, ActionPlan, Milestone
from tests.e2e.axe import assert_accessible

pytestmark = pytest.mark.e2e

DATA = Path(__file__).parents[1] / "actionplans" / "data"
TEST_VALLEY = "Test Valley partnership standards plan"
ETHICAL = "Ethical framework improvement plan"
ISSUE = "Strategy group is responsible for the preparation and implementation"
MILESTONE = "Draft to be considered by Delivery group in April 2008."
PROGRESS = "Delivery group considered the draft strategic assessment and partnership plan."


@pytest.fixture
def journey(warwickshire, secretariat, member, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.CELERY_TASK_ALWAYS_EAGER = True  # the report is made in the request


def create_plan(page, title):
    page.get_by_role("button", name="Create a plan").click()
    page.get_by_label("Title").fill(title)
    page.get_by_role("button", name="Create the plan").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(title)


def upload(page, path: Path):
    page.get_by_role("button", name="Import from a spreadsheet").click()
    page.get_by_label("Upload the plan").set_input_files(str(path))
    page.get_by_role("button", name="Preview the import").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Check the import")
    assert_accessible(page)


def pdf_text(path) -> str:
    with open(path, "rb") as pdf:
        reader = PdfReader(io.BytesIO(pdf.read()))
    return re.sub(r"\s+", " ", " ".join(page.extract_text() for page in reader.pages))


def test_import_both_plans_check_dates_member_reports_and_the_report_shows_it(
    page, live_server, log_in, fill_date, journey
):
    log_in("sam.secretariat", next_path="/partnerships/warwickshire-scp/plans/")

    # The Test Valley plan: every "When" is free text, so every action is flagged; the
    # Milestone column becomes milestones, dated where the words name a month.
    create_plan(page, TEST_VALLEY)
    upload(page, DATA / "test_valley_plan.csv")
    expect(page.get_by_text("20 actions have a date that could not be read")).to_be_visible()
    expect(page.get_by_role("row").filter(has_text=ISSUE)).to_contain_text(MILESTONE)
    assert not Action.objects.exists()
    page.get_by_role("button", name="Import these 20 actions").click()
    expect(page.locator(".govuk-notification-banner--success")).to_contain_text("20 actions imported.")
    expect(page.get_by_text("20 actions need a date checking")).to_be_visible()
    assert_accessible(page)
    plan = ActionPlan.objects.get(title=TEST_VALLEY)
    milestone = Milestone.objects.get(action__plan=plan, title=MILESTONE)
    assert milestone.due == datetime.date(2008, 4, 30)

    # Checking the dates: one page for all of them, suggestions read from the words.
    page.get_by_role("link", name="Check the dates").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Check the dates")
    assert_accessible(page)
    strategy = Action.objects.get(plan=plan, title__startswith=ISSUE)
    block = page.locator(f"#action-{strategy.pk}")
    expect(block.get_by_label("Year")).to_have_value("2008")  # "...by April 2008."
    block.get_by_label("Day").fill("31")
    block.get_by_label("Month").fill("2")
    page.get_by_role("button", name="Save the dates").click()
    expect(page.locator(".govuk-error-summary")).to_be_visible()
    assert_accessible(page)
    assert Action.objects.filter(plan=plan, due_needs_checking=True).count() == 20

    block = page.locator(f"#action-{strategy.pk}")
    block.get_by_label("Day").fill("30")
    block.get_by_label("Month").fill("4")
    block.get_by_label("Year").fill("2008")
    for action in Action.objects.filter(plan=plan).exclude(pk=strategy.pk):
        row = page.locator(f"#action-{action.pk}")
        if not row.get_by_label("Year").input_value():
            row.get_by_label("Ongoing (no date)").check()
    page.get_by_role("button", name="Save the dates").click()
    expect(page.locator(".govuk-notification-banner--success")).to_contain_text("20 dates set.")
    expect(page.get_by_text("need a date checking")).to_have_count(0)
    expect(page.locator(f"#action-{strategy.pk}")).to_contain_text("30 April 2008")
    assert_accessible(page)
    assert not Action.objects.filter(plan=plan, due_needs_checking=True).exists()

    # The secretariat gives the strategy action to Mo Member, who reports on it.
    page.locator(f"#action-{strategy.pk}").get_by_role("link", name="Change action").click()
    page.get_by_label("Owner on the register (optional)").select_option(label="Mo Member, The Police Service")
    page.get_by_role("button", name="Save the action").click()
    expect(page.locator(".govuk-notification-banner--success")).to_be_visible()

    # The ethical-framework plan, from the workbook, into a plan of its own.
    page.get_by_role("link", name="Back to the action plans").click()
    create_plan(page, ETHICAL)
    upload(page, DATA / "ethical_framework_plan.xlsx")
    page.get_by_role("button", name="Import these 18 actions").click()
    expect(page.locator(".govuk-notification-banner--success")).to_contain_text("18 actions imported.")
    expect(page.get_by_role("heading", name="C.1. Induction")).to_be_visible()
    assert_accessible(page)

    # The member reports the milestone done.
    page.context.clear_cookies()
    log_in("mo.member", next_path="/actions/")
    row = page.get_by_role("row").filter(has_text=ISSUE)
    expect(row).to_contain_text(TEST_VALLEY)
    expect(row).to_contain_text("Overdue")
    assert_accessible(page)
    row.get_by_role("link").first.click()
    assert_accessible(page)
    page.get_by_label("What progress was made").fill(PROGRESS)
    fill_date("Date of the progress", datetime.date(2026, 11, 24))
    page.get_by_label("Evidence (optional)").fill("Delivery group notes, 24 November 2026")
    page.get_by_label("Milestone (optional)").select_option(label=f"{MILESTONE}, due 30 April 2008")
    page.get_by_role("group", name="The milestone's status now").get_by_label("Done").check()
    page.get_by_role("button", name="Post progress").click()
    expect(page.get_by_text("Your progress has been posted.")).to_be_visible()
    assert_accessible(page)
    milestone.refresh_from_db()
    assert (milestone.status, milestone.completed_on) == ("done", datetime.date(2026, 11, 24))

    # The quarterly report shows the member's progress and the milestone completed.
    page.goto(f"{live_server.url}/partnerships/warwickshire-scp/plans/")
    page.get_by_role("link", name="Quarterly performance report to the Public Service Board").click()
    expect(page.get_by_label("Quarter")).to_have_value("2026Q4")
    assert_accessible(page)
    with page.expect_download() as download_info:
        page.get_by_role("button", name="Get the report").click()
    text = pdf_text(download_info.value.path())
    assert "Quarterly performance report to the Public Service Board" in text
    assert TEST_VALLEY in text
    assert ETHICAL in text
    assert PROGRESS in text
    assert "Mo Member" in text
    assert "Lead and Guide" in text
