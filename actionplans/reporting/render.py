"""The quarterly report as a PDF: WeasyPrint makes it from an HTML template with print CSS, the
way the agenda pack and the minutes are made (tagged PDF/UA-1, bookmarks from its headings,
nothing fetched from outside), with each plan's chart drawn inline as SVG."""

from collections.abc import Callable

from django.template.loader import render_to_string
from django.utils.safestring import mark_safe
from weasyprint import HTML
from weasyprint.urls import URLFetcher

from .chart import status_chart
from .content import QuarterlyContent

PDF_VARIANT = "pdf/ua-1"
TEMPLATE = "actionplans/quarterly_report.html"


def render_html(content: QuarterlyContent) -> str:
    # The chart is markup this app writes, every word in it escaped (chart.py): safe to put in as it is.
    plans = [(plan, mark_safe(status_chart(plan, content.quarter))) for plan in content.plans]  # noqa: S308  # nosec B308, B703 # escaped in chart.py
    return render_to_string(TEMPLATE, {"report": content, "plans": plans})


def render_report(content: QuarterlyContent, *, progress: Callable[[int], None] = lambda percent: None) -> bytes:
    """The report as PDF bytes; `progress(percent)` hears how far it has got."""
    html = render_html(content)
    progress(40)
    # The report needs nothing from outside it: no link written in a progress update is ever fetched.
    document = HTML(string=html, url_fetcher=URLFetcher(allowed_protocols=())).render(pdf_variant=PDF_VARIANT)
    progress(80)
    return document.write_pdf(pdf_variant=PDF_VARIANT)
