"""The public's view of a partnership's meetings, without signing in."""

from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.views.decorators.http import require_GET

from partnership.documents import retry_later
from partnership.models import Partnership

from . import public
from .minutes_pdf import MinutesPdf, pdf_response, render_minutes_pdf
from .pack.packs import public_pack
from .pack.serving import pdf_or_progress


def meetings(request, slug):
    partnership = get_object_or_404(Partnership, slug=slug)
    today = timezone.localdate()
    listed = list(public.public_meetings(partnership))
    return render(
        request,
        "meetings/public/meetings.html",
        {
            "partnership": partnership,
            "upcoming": [meeting for meeting in listed if meeting.date >= today],
            "past": [meeting for meeting in reversed(listed) if meeting.date < today],
        },
    )


def _public_meeting_or_404(slug, pk):
    partnership = get_object_or_404(Partnership, slug=slug)
    found = public.public_meeting(partnership, pk)
    if found is None:
        raise Http404("No such public meeting")
    return partnership, found


def meeting(request, slug, pk):
    partnership, found = _public_meeting_or_404(slug, pk)
    return render(
        request,
        "meetings/public/meeting.html",
        {
            "partnership": partnership,
            "meeting": found,
            "agenda": public.public_agenda(found),
            "published": public.published_minutes(found),
        },
    )


@require_GET
def pack(request, slug, pk):
    """The public agenda pack: without confidential items or their papers, and only once the
    meeting is published. While it is being made, the meeting's page says so (202)."""
    partnership, found = _public_meeting_or_404(slug, pk)
    agenda_pack = public_pack(found)
    if agenda_pack is None:
        raise Http404("This meeting's agenda is not published yet")
    pdf, agenda_pack = pdf_or_progress(found, agenda_pack, cache_control="no-cache")
    if pdf is not None:
        return pdf
    context = {"partnership": partnership, "meeting": found, "agenda": public.public_agenda(found), "pack": agenda_pack}
    return retry_later(render(request, "meetings/public/meeting.html", context, status=202))


@require_GET
def minutes_pdf(request, slug, pk):
    """The public summary of the minutes as a PDF, once published: the copy made when they were
    confirmed, without any confidential item, nor its minute, declarations or decisions."""
    _partnership, found = _public_meeting_or_404(slug, pk)
    body_html = public.published_minutes_html(found)
    if body_html is None:
        raise Http404("This meeting's minutes are not published yet")
    pdf = MinutesPdf(meeting=found, body_html=body_html, kind="public")
    return pdf_response(render_minutes_pdf(pdf), meeting=found, public=True)


def _not_yet(*args, **kwargs):  # Placeholder: being built (issue 7).
    raise Http404("Not built yet")


decisions = paper_file = calendar = _not_yet
