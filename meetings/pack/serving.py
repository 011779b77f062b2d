"""Sending a stored pack: the same for the members' page, the API and the public site."""

from django.http import FileResponse

from ..models import AgendaPack, Meeting
from .packs import request_pack

RETRY_AFTER_SECONDS = 5


def pdf_or_progress(meeting: Meeting, agenda_pack: AgendaPack, *, cache_control: str):
    """(the PDF as a response, the pack) when it is ready; (None, the pack being made) when not.
    A ready pack whose file has gone missing is made again."""
    if agenda_pack.is_ready:
        try:
            handle = agenda_pack.file.open("rb")
        except FileNotFoundError:
            return None, request_pack(meeting=meeting, variant=agenda_pack.variant, rebuild=True)
        response = FileResponse(
            handle, content_type="application/pdf", filename=f"agenda-pack-{meeting.date:%Y-%m-%d}.pdf"
        )
        response["X-Content-Type-Options"] = "nosniff"
        response["Cache-Control"] = cache_control
        return response, agenda_pack
    return None, agenda_pack


def retry_later(response):
    """Mark a 'being made' answer: ask again shortly, and do not keep this answer."""
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response
