"""Sending a stored pack: the same for the members' page, the API and the public site."""

from partnership.documents import pdf_file_response

from ..models import AgendaPack, Meeting
from .packs import request_pack


def pdf_or_progress(meeting: Meeting, agenda_pack: AgendaPack, *, cache_control: str):
    """(the PDF as a response, the pack) when it is ready; (None, the pack being made) when not.
    A ready pack whose file has gone missing is made again."""
    if agenda_pack.is_ready:
        try:
            response = pdf_file_response(
                agenda_pack.file, filename=f"agenda-pack-{meeting.date:%Y-%m-%d}.pdf", cache_control=cache_control
            )
        except FileNotFoundError:
            return None, request_pack(meeting=meeting, variant=agenda_pack.variant, rebuild=True)
        return response, agenda_pack
    return None, agenda_pack
