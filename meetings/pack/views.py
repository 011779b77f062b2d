"""The members' agenda pack of a meeting: the PDF when the stored one is current; otherwise its
making is queued and the answer says how far it has got (202, with Retry-After)."""

from django.contrib.auth.decorators import login_required
from django.http import FileResponse, JsonResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from ..access_papers import get_meeting_for_user
from .packs import members_pack

RETRY_AFTER_SECONDS = 5


def _wants_pdf(request) -> bool:
    """A program asking for the PDF itself (API.md's pack), rather than a person's browser."""
    return request.GET.get("format") == "pdf" or "application/pdf" in request.headers.get("Accept", "")


@login_required
@require_GET
def pack(request, slug, pk):
    meeting = get_meeting_for_user(request, slug, pk)
    agenda_pack = members_pack(meeting)
    if agenda_pack.is_ready:
        try:
            handle = agenda_pack.file.open("rb")
        except FileNotFoundError:
            agenda_pack = members_pack(meeting, rebuild=True)
        else:
            response = FileResponse(
                handle, content_type="application/pdf", filename=f"agenda-pack-{meeting.date:%Y-%m-%d}.pdf"
            )
            response["X-Content-Type-Options"] = "nosniff"
            response["Cache-Control"] = "private, no-cache"
            return response
    if _wants_pdf(request):
        response = JsonResponse(
            {"status": agenda_pack.status, "progress": agenda_pack.progress, "detail": "The pack is being made."},
            status=202,
        )
    else:
        context = {"meeting": meeting, "partnership": meeting.partnership, "pack": agenda_pack}
        response = render(request, "meetings/pack/being_made.html", context, status=202)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response
