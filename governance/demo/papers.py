"""The demo's board papers: each held meeting's performance report carries the cover sheet of
seed 002 and a PDF, and the confidential item a restricted paper, so the public site shows an
open paper to read and download while the restricted one stays with the members."""

import functools

from django.core.files.uploadedfile import SimpleUploadedFile
from weasyprint import HTML

from meetings import services
from meetings.models import AgendaItem

PERFORMANCE = {
    "title": "Quarterly performance report, quarter 2 2026-27",
    "prepared_by": "Performance Manager, Warwickshire County Council",
    "presenting": "Performance Manager",
    "leading_partners": "Warwickshire Police; Warwickshire County Council",
    "summary": "Recorded burglary is down 8% on the year and violent crime is level. Reoffending by young "
    "people in Nuneaton and Bedworth remains above the county rate.",
    "recommendations": "The board agrees the report for submission to the Public Service Board and asks for "
    "district figures in the next report.",
    "purpose": "decision",
}
RESTRICTED = {
    "title": "Domestic homicide review: restricted action plan",
    "prepared_by": "Domestic Abuse Partnership Manager",
    "summary": "The review panel's restricted findings and the agencies' actions, with the names of those involved.",
    "recommendations": "The board notes the restricted action plan.",
    "purpose": "information",
}


@functools.cache
def _pdf(heading: str, text: str) -> bytes:
    page = f"<html lang='en'><head><title>{heading}</title></head><body><h1>{heading}</h1><p>{text}</p></body></html>"
    return HTML(string=page).write_pdf()


def _attach(paper, *, name: str, heading: str, text: str, by) -> None:
    upload = SimpleUploadedFile(name, _pdf(heading, text), content_type="application/pdf")
    services.attach_file(paper=paper, upload=upload, by=by)


def add_papers(items: list[AgendaItem], *, report_title: str, by) -> None:
    """Papers for the performance report (the item titled `report_title`) and the confidential
    item, before the agenda goes out."""
    performance = next(item for item in items if item.title == report_title)
    paper = services.add_paper(agenda_item=performance, **PERFORMANCE)
    _attach(
        paper,
        name="performance-report-q2.pdf",
        heading=PERFORMANCE["title"],
        text="Burglary in dwellings fell in all five districts; the Rugby town-centre night-time economy "
        "accounts for a third of violent crime.",
        by=by,
    )
    confidential = next(item for item in items if item.is_confidential)
    paper = services.add_paper(agenda_item=confidential, **RESTRICTED)
    _attach(
        paper,
        name="dhr-restricted-action-plan.pdf",
        heading=RESTRICTED["title"],
        text="Restricted: the review's findings about named individuals.",
        by=by,
    )
