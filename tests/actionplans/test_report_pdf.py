"""The quarterly report's PDF, read back as text: its title, partnership, period, and for each
plan and section the progress, overdue milestones and changes of status."""

import datetime
import io

import pytest
from pypdf import PdfReader

from actionplans.reporting.content import build_content
from actionplans.reporting.quarters import Quarter
from actionplans.reporting.render import render_report
from tests.actionplans.report_support import EVIDENCE, PLAN_TITLE, PROGRESS_TEXT, live_through_the_quarter


@pytest.fixture
def text(warwickshire, secretariat):
    live_through_the_quarter(warwickshire, secretariat)
    content = build_content(partnership=warwickshire, quarter=Quarter(2027, 1), today=datetime.date(2027, 4, 10))
    pdf = render_report(content)
    assert pdf.startswith(b"%PDF")
    # Words wrapped in table cells come back on several lines: read them as one run of words.
    return " ".join(" ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages).split())


def test_the_report_names_itself_the_partnership_and_the_period(text):
    assert "Quarterly performance report to the Public Service Board" in text
    assert "Warwickshire Safer Communities Partnership" in text
    assert "2027Q1: 1 January 2027 to 31 March 2027" in text
    assert "Date made 10 April 2027" in text


def test_each_plan_and_section_with_its_status_at_the_quarter_end(text):
    assert PLAN_TITLE in text
    assert "B. Relationships" in text
    assert "Status on 31 March 2027: Red" in text


def test_progress_reported_in_the_quarter(text):
    assert f"20 Jan 2027 (a) Clarify roles and responsibilities of partners {PROGRESS_TEXT} {EVIDENCE}" in text
    assert "Protocol drafted: done sam.secretariat" in text


def test_overdue_and_completed_milestones(text):
    assert "Milestones overdue on 31 March 2027 Milestone Action Due Protocol agreed" in text
    assert "Milestones completed in the quarter Milestone Action Completed on Protocol drafted" in text


def test_the_changes_of_status(text):
    assert (
        "10 January 2027 Green Amber 25 January 2027 Amber Green 1 March 2027 Green Amber 16 March 2027 Amber Red"
        in text
    )


def test_the_chart_is_drawn_into_the_pdf(text):
    # The SVG's own words (axis and legend) are in the PDF: WeasyPrint drew it.
    assert "Milestones" in text
    assert "Status at the end of each week" in text
    assert "At risk" in text


def test_a_partnership_with_no_plans_says_so(other_partnership):
    pdf = render_report(build_content(partnership=other_partnership, quarter=Quarter(2026, 4)))
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    assert "The partnership had no action plans in this period." in text
    assert "Reported to 25 November 2026, as the quarter has not yet ended" in " ".join(text.split())
