"""What the record pages share: their addresses, the record's lock, and the page frame."""

from django.shortcuts import render
from django.urls import reverse

from partnership.errors import RuleBroken

from ..models import Meeting
from ..services.record import check_record_open


def record_url(meeting: Meeting, name: str, **kwargs) -> str:
    return reverse(f"record:{name}", kwargs={"slug": meeting.partnership.slug, "pk": meeting.pk, **kwargs})


def record_lock(meeting: Meeting) -> str | None:
    """Why the record can no longer change (the chair approved the minutes), if it cannot:
    asked of the service's own check, so the page says what the service would."""
    try:
        check_record_open(meeting)
    except RuleBroken as locked:
        return locked.message
    return None


def render_record_page(request, template: str, meeting: Meeting, context: dict, *, error: str | None = None):
    """A record page, or the same page with a refusal at the top (status 400)."""
    page = {"partnership": meeting.partnership, "meeting": meeting, "error": error, **context}
    return render(request, f"meetings/record/{template}", page, status=400 if error else 200)
