"""The members' agenda pack of a meeting: the PDF when the stored one is current; otherwise its
making is queued and the answer says how far it has got (202, with Retry-After)."""

from django.contrib.auth.decorators import login_required
from django.http import JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from partnership.documents import retry_later

from ..access import get_meeting_for_user
from .packs import members_pack
from .serving import pdf_or_progress


def _wants_pdf(request) -> bool:
    """A program asking for the PDF itself (API.md's pack), rather than a person's browser."""
    return request.GET.get("format") == "pdf" or "application/pdf" in request.headers.get("Accept", "")


@login_required
@require_GET
def pack(request, slug, pk):
    meeting = get_meeting_for_user(request, slug, pk)
    pdf, agenda_pack = pdf_or_progress(meeting, members_pack(meeting), cache_control="private, no-cache")
    if pdf is not None:
        return pdf
    if _wants_pdf(request):
        response = JsonResponse(
            {"status": agenda_pack.status, "progress": agenda_pack.progress, "detail": _("The pack is being made.")},
            status=202,
        )
    else:
        context = {"meeting": meeting, "partnership": meeting.partnership, "pack": agenda_pack}
        response = render(request, "meetings/pack/being_made.html", context, status=202)
    return retry_later(response)
