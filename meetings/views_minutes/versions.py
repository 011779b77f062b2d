"""Each approval of the minutes is kept whole as a version (ToR 5.8: approved minutes change
only by going back to draft and being approved again). Readers of the minutes see each version
and compare any two, or a version with the current draft, line by line. Members, who do not
read drafts, see and compare only the versions circulated to them."""

from django.contrib.auth.decorators import login_required
from django.db.models import QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from ..forms_minutes import CURRENT_DRAFT, CompareVersionsForm
from ..minutes_document import render_minutes_html
from ..models import Meeting, MinutesVersion
from ..sanitise import plain_text
from .comparing import compare, counts
from .fetch import MinutesReading, check_version_readable, read_minutes


def _started_minutes_for_reader(request, slug, pk) -> MinutesReading:
    reading = read_minutes(request, slug, pk)
    if reading.minutes is None:
        raise Http404(_("The minutes of this meeting have not been started"))
    return reading


def _texts(meeting: Meeting, readable: QuerySet, wanted: tuple[str, str]) -> dict[str, str]:
    """The plain text of each chosen version, of those the reader may read; the current draft
    as the record now renders it."""
    numbers = [int(choice) for choice in wanted if choice != CURRENT_DRAFT]
    approved = readable.filter(number__in=numbers).values_list("number", "text")
    texts = {str(number): text for number, text in approved}
    if CURRENT_DRAFT in wanted:
        texts[CURRENT_DRAFT] = plain_text(render_minutes_html(meeting))
    return texts


@login_required
@require_GET
def versions(request, slug, pk):
    reading = _started_minutes_for_reader(request, slug, pk)
    meeting, minutes = reading.meeting, reading.minutes
    readable = MinutesVersion.objects.filter(minutes=minutes)
    if not reading.reads_drafts:
        readable = readable.filter(circulated_at__isnull=False)  # members: only what was sent to them
    approved = list(readable.select_related("approved_by__person").defer("html", "text").order_by("number"))
    form = CompareVersionsForm(
        request.GET if "earlier" in request.GET or "later" in request.GET else None,
        numbers=[version.number for version in approved],
        with_draft=minutes.is_draft and reading.reads_drafts,
    )
    wanted = None
    if form.is_bound:
        if form.is_valid():
            wanted = (form.cleaned_data["earlier"], form.cleaned_data["later"])
    else:
        wanted = form.default()
        if wanted:
            form.initial = {"earlier": wanted[0], "later": wanted[1]}
    diff = None
    if wanted:
        texts = _texts(meeting, readable, wanted)
        diff = compare(texts[wanted[0]], texts[wanted[1]])
    labels = dict(form.choices)
    context = {
        "partnership": meeting.partnership,
        "meeting": meeting,
        "minutes": minutes,
        "versions": approved,
        "circulated_only": not reading.reads_drafts,
        "form": form,
        "diff": diff,
        "counts": counts(diff) if diff is not None else None,
        "earlier_label": labels.get(wanted[0]) if wanted else None,
        "later_label": labels.get(wanted[1]) if wanted else None,
    }
    return render(request, "meetings/minutes/versions.html", context, status=400 if form.errors else 200)


@login_required
@require_GET
def version(request, slug, pk, number):
    reading = _started_minutes_for_reader(request, slug, pk)
    meeting, minutes = reading.meeting, reading.minutes
    found = get_object_or_404(
        MinutesVersion.objects.select_related("approved_by__person"), minutes=minutes, number=number
    )
    check_version_readable(reading, found)
    context = {"partnership": meeting.partnership, "meeting": meeting, "minutes": minutes, "version": found}
    return render(request, "meetings/minutes/version.html", context)
