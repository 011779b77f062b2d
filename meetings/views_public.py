"""The public's view of a partnership's meetings, without signing in."""

from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_safe

from partnership.access import public_partnership_or_404
from partnership.documents import retry_later
from partnership.views.pagination import paginate

from . import public, public_cache
from .minutes_pdf import MinutesPdf, pdf_response, render_minutes_pdf
from .pack.packs import public_pack
from .pack.serving import pdf_or_progress
from .paper_downloads import paper_file_response
from .public_cache import cached_public_meeting_page
from .public_papers import public_paper_file

PAST_MEETINGS_PER_PAGE = 20
DECISIONS_PER_PAGE = 25


@require_safe
def meetings(request, slug):
    """Coming public meetings, soonest first, then past ones, newest first, a page at a time."""
    partnership = public_partnership_or_404(slug)
    today = timezone.localdate()
    listed = public.listed_meetings(partnership)
    pages = paginate(request, listed.filter(date__lt=today).reverse(), PAST_MEETINGS_PER_PAGE)
    return render(
        request,
        "meetings/public/meetings.html",
        {
            "partnership": partnership,
            "upcoming": list(listed.filter(date__gte=today)),
            "past": pages["page"],
            **pages,
        },
    )


def _public_meeting_or_404(slug, pk):
    partnership = public_partnership_or_404(slug)
    found = public.public_meeting(partnership, pk)
    if found is None:
        raise Http404("No such public meeting")
    return partnership, found


@require_safe
@cached_public_meeting_page
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


@require_safe
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
    context = {
        "partnership": partnership,
        "meeting": found,
        "agenda": public.public_agenda(found),
        "published": public.published_minutes(found),
        "pack": agenda_pack,
    }
    return retry_later(render(request, "meetings/public/meeting.html", context, status=202))


@require_safe
def minutes_pdf(request, slug, pk):
    """The public summary of the minutes as a PDF, once published: the copy made when they were
    confirmed, without any confidential item, nor its minute, declarations or decisions."""
    _partnership, found = _public_meeting_or_404(slug, pk)
    body_html = public.published_minutes_html(found)
    if body_html is None:
        raise Http404("This meeting's minutes are not published yet")
    pdf = MinutesPdf(meeting=found, body_html=body_html, kind="public")
    content = public_cache.remembered(found.pk, "minutes-pdf", lambda: render_minutes_pdf(pdf))
    return pdf_response(content, meeting=found, public=True)


@require_safe
def paper_file(request, slug, pk, file_pk):
    """An open paper's uploaded file, once its public meeting is published; 404 for anything else."""
    _partnership, found = _public_meeting_or_404(slug, pk)
    stored = public_paper_file(found, file_pk)
    if stored is None:
        raise Http404("No such public paper")
    return paper_file_response(stored, cache_control="no-cache")


@require_safe
def calendar(request, slug):
    """The partnership's public meetings as iCalendar, for a calendar to subscribe to."""
    partnership = public_partnership_or_404(slug)
    response = HttpResponse(public.public_calendar(partnership), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{partnership.slug}-meetings.ics"'
    response["X-Content-Type-Options"] = "nosniff"
    return response


@require_safe
def decisions(request, slug):
    """The decisions in the partnership's published minutes, newest meeting first."""
    partnership = public_partnership_or_404(slug)
    pages = paginate(request, public.published_decisions(partnership), DECISIONS_PER_PAGE)
    return render(request, "meetings/public/decisions.html", {"partnership": partnership, **pages})
