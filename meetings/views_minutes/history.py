"""The history of the minutes, from the records django-simple-history keeps: each step of their
life (started, approved, circulated, returned, confirmed) and each edit of an item's minute,
with who made it and when."""

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from ..models import MinuteItem, Minutes
from .fetch import get_minutes_for_reader

MOST_EDITS_SHOWN = 500


@login_required
@require_GET
def history(request, slug, pk):
    meeting, minutes = get_minutes_for_reader(request, slug, pk)
    if minutes is None:
        raise Http404(_("The minutes of this meeting have not been started"))
    steps = list(Minutes.history.filter(id=minutes.pk).select_related("history_user__person").order_by("history_date"))
    edits = list(
        MinuteItem.history.filter(minutes_id=minutes.pk)
        .select_related("history_user__person", "agenda_item")
        .order_by("-history_date")[:MOST_EDITS_SHOWN]
    )
    context = {
        "partnership": meeting.partnership,
        "meeting": meeting,
        "minutes": minutes,
        "steps": steps,
        "edits": edits,
    }
    return render(request, "meetings/minutes/history.html", context)
