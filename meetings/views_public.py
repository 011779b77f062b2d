"""The public's view of a partnership's meetings, without signing in."""

from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.utils import timezone

from partnership.models import Partnership

from . import public


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


def meeting(request, slug, pk):
    partnership = get_object_or_404(Partnership, slug=slug)
    found = public.public_meeting(partnership, pk)
    if found is None:
        raise Http404("No such public meeting")
    return render(
        request,
        "meetings/public/meeting.html",
        {"partnership": partnership, "meeting": found, "agenda": public.public_agenda(found)},
    )
