"""The chart of a plan's milestones over the quarter: SVG made on the server, readable without
colour (title, description, legend, patterns and counts), one bar per sample day."""

import datetime
import xml.etree.ElementTree as ET  # noqa: S405 - parses only the chart this app made

import pytest

from actionplans.reporting.chart import status_chart
from actionplans.reporting.content import build_content
from actionplans.reporting.quarters import Quarter
from tests.actionplans.report_support import PLAN_TITLE, live_through_the_quarter

SVG = "{http://www.w3.org/2000/svg}"
Q1 = Quarter(2027, 1)


@pytest.fixture
def chart(warwickshire, secretariat):
    live_through_the_quarter(warwickshire, secretariat)
    [plan] = build_content(partnership=warwickshire, quarter=Q1, today=datetime.date(2027, 4, 10)).plans
    return plan, ET.fromstring(status_chart(plan, Q1))  # noqa: S314


def test_the_chart_is_svg_with_a_title_and_description(chart):
    plan, svg = chart
    assert svg.tag == f"{SVG}svg"
    assert svg.get("role") == "img"
    title, desc = svg.find(f"{SVG}title"), svg.find(f"{SVG}desc")
    assert title.text == f"{PLAN_TITLE}: milestones by status, January to March 2027"
    assert svg.get("aria-labelledby") == f"{title.get('id')} {desc.get('id')}"
    assert "On 31 March 2027: 1 done, 1 on track, 0 not started, 0 at risk, 1 overdue." in desc.text


def test_one_bar_per_sample_day_each_saying_its_counts(chart):
    plan, svg = chart
    bars = [g for g in svg.iter(f"{SVG}g") if g.get("class") == "bar"]
    assert len(bars) == len(plan.samples) == 14
    assert bars[2].find(f"{SVG}title").text == (
        "15 January 2027: 0 done, 1 on track, 1 not started, 1 at risk, 0 overdue"
    )
    # A bar has a segment for each status it counts: three milestones, three segments.
    assert len([r for r in bars[2].iter(f"{SVG}rect") if r.get("fill", "").startswith("url(")]) == 3


def test_the_legend_names_every_status_beside_its_pattern(chart):
    _plan, svg = chart
    texts = [t.text for t in svg.iter(f"{SVG}text")]
    for label in ("Overdue", "At risk", "Not started", "On track", "Done", "Milestones"):
        assert label in texts
    patterns = {p.get("id") for p in svg.iter(f"{SVG}pattern")}
    assert len(patterns) == 5
    # Each status but "not started" carries marks of its own, so colour is not the only clue.
    assert sum(1 for p in svg.iter(f"{SVG}pattern") if len(list(p)) > 1) == 4


def test_axis_labels_run_from_nought_to_the_most_milestones(chart):
    _plan, svg = chart
    texts = [t.text for t in svg.iter(f"{SVG}text")]
    assert {"0", "1", "2", "3"} <= set(texts)
    assert "1 Jan" in texts
    assert "31 Mar" in texts


def test_words_in_a_plan_title_are_escaped(warwickshire, secretariat):
    from actionplans import services

    plan = services.create_plan(partnership=warwickshire, title='Safer <streets> & "homes"')
    [report] = build_content(partnership=warwickshire, quarter=Quarter(2026, 4)).plans
    assert report.plan == plan
    svg = ET.fromstring(status_chart(report, Quarter(2026, 4)))  # noqa: S314
    assert svg.find(f"{SVG}title").text.startswith('Safer <streets> & "homes"')
