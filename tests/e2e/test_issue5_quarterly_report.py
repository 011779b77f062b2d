"""The secretariat opens the action plans, follows the link to the quarterly performance
report, picks the quarter and downloads the PDF. The report is made by a Celery task, run at
once here (eager), so it is ready as soon as it is asked for. axe on each page."""

import datetime
import io
import re
from zoneinfo import ZoneInfo

import pytest
import time_machine
from playwright.sync_api import expect
from pypdf import PdfReader

from tests.actionplans.report_support import PLAN_TITLE, PROGRESS_TEXT, live_through_the_quarter
from tests.e2e.axe import assert_accessible

pytestmark = pytest.mark.e2e


@pytest.fixture
def in_april_2027(warwickshire, secretariat, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.CELERY_TASK_ALWAYS_EAGER = True  # the report is made in the request
    live_through_the_quarter(warwickshire, secretariat)
    with time_machine.travel(datetime.datetime(2027, 4, 10, 10, tzinfo=ZoneInfo("Europe/London")), tick=True):
        yield


def test_the_secretariat_downloads_the_quarterly_report(page, live_server, log_in, in_april_2027):
    log_in("sam.secretariat", next_path="/partnerships/warwickshire-scp/plans/")
    assert_accessible(page)
    page.get_by_role("link", name="Quarterly performance report to the Public Service Board").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Quarterly performance report")
    assert_accessible(page)

    quarter = page.get_by_label("Quarter")
    expect(quarter).to_have_value("2027Q2")  # the current quarter is offered first
    quarter.select_option(label="2027Q1 (January to March 2027)")
    with page.expect_download() as download_info:
        page.get_by_role("button", name="Get the report").click()
    download = download_info.value
    assert download.suggested_filename == "quarterly-report-warwickshire-scp-2027Q1.pdf"
    with open(download.path(), "rb") as pdf:
        reader = PdfReader(io.BytesIO(pdf.read()))
    text = re.sub(r"\s+", " ", " ".join(page_.extract_text() for page_ in reader.pages))
    assert "Quarterly performance report to the Public Service Board" in text
    assert PLAN_TITLE in text
    assert PROGRESS_TEXT in text
    assert "16 March 2027 Amber Red" in text

    # The page stays where it was, ready to pick another quarter.
    expect(page.get_by_role("heading", level=1)).to_have_text("Quarterly performance report")
    assert_accessible(page)
