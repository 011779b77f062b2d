"""The annual compliance statement as a PDF, made with WeasyPrint from an HTML template with
print CSS the way the minutes are (meetings/minutes_pdf.py): tagged PDF/UA-1, the system's
Liberation Sans, nothing fetched from outside. It is a few pages, so it is made while the
reader waits rather than queued."""

from django.core.files.base import ContentFile
from django.template.loader import render_to_string
from weasyprint import HTML
from weasyprint.urls import URLFetcher

from partnership.documents import pdf_file_response

PDF_VARIANT = "pdf/ua-1"
TEMPLATE = "governance/compliance/statement_pdf.html"


def render_statement_pdf(context: dict) -> bytes:
    html = render_to_string(TEMPLATE, context)
    return HTML(string=html, url_fetcher=URLFetcher(allowed_protocols=())).write_pdf(pdf_variant=PDF_VARIANT)


def statement_pdf_response(content: bytes, *, partnership, year: int):
    """The PDF to open in the browser; private to the partnership's officers, so not kept by caches."""
    return pdf_file_response(
        ContentFile(content),
        filename=f"compliance-statement-{partnership.slug}-{year}.pdf",
        cache_control="private, no-cache",
    )
