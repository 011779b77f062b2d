"""The minutes as a PDF, made with WeasyPrint from an HTML template with print CSS, the way the
agenda pack is (meetings/pack/render.py): tagged PDF/UA-1 with bookmarks from its headings, the
system's Liberation Sans, and nothing fetched from outside. Minutes are a few pages, so the
PDF is made while the reader waits rather than queued."""

import datetime
from dataclasses import dataclass

from django.http import HttpResponse
from django.template.loader import render_to_string
from weasyprint import HTML
from weasyprint.urls import URLFetcher

from .models import Meeting

PDF_VARIANT = "pdf/ua-1"
TEMPLATE = "meetings/minutes/pdf.html"


@dataclass(frozen=True)
class MinutesPdf:
    """What the PDF shows: the minutes' body (from _document.html, an approved version or the
    published copy) and what it is, so its header and footer say draft, approved version,
    circulated version being corrected, or public summary."""

    meeting: Meeting
    body_html: str
    kind: str  # "draft", "approved", "being_corrected" (the version members were sent) or "public"
    version: int | None = None
    circulated_at: datetime.datetime | None = None


def render_minutes_pdf(pdf: MinutesPdf) -> bytes:
    html = render_to_string(TEMPLATE, {"pdf": pdf, "meeting": pdf.meeting})
    # Minutes need nothing from outside them: no link written in a minute is ever fetched.
    return HTML(string=html, url_fetcher=URLFetcher(allowed_protocols=())).write_pdf(pdf_variant=PDF_VARIANT)


def pdf_response(content: bytes, *, meeting: Meeting, public: bool) -> HttpResponse:
    """The PDF to open in the browser, named after the meeting; a member's copy is not cached."""
    name = f"{'public-' if public else ''}minutes-{meeting.date:%Y-%m-%d}.pdf"
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{name}"'
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "no-cache" if public else "private, no-cache"
    return response
