"""Sending a partnership's stored quarterly report: the same for the report page and the API."""

from partnership.documents import pdf_file_response
from partnership.models import Partnership

from ..models_reports import QuarterlyReport
from .quarters import Quarter
from .reports import request_report

CACHE_CONTROL = "private, no-cache"


def report_filename(partnership: Partnership, quarter: Quarter) -> str:
    return f"quarterly-report-{partnership.slug}-{quarter}.pdf"


def pdf_or_progress(partnership: Partnership, quarter: Quarter, *, as_attachment: bool = False):
    """(the PDF as a response, the report) when it is ready; (None, the report being made) when
    not, its making queued. A ready report whose file has gone missing is made again. Raises
    RuleBroken for a quarter still to come."""
    report: QuarterlyReport = request_report(partnership=partnership, quarter=quarter)
    if not report.is_ready:
        return None, report
    try:
        response = pdf_file_response(
            report.file,
            filename=report_filename(partnership, quarter),
            cache_control=CACHE_CONTROL,
            as_attachment=as_attachment,
        )
    except FileNotFoundError:
        return None, request_report(partnership=partnership, quarter=quarter, rebuild=True)
    return response, report
