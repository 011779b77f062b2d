"""A partnership's meetings, a year at a time, against its minimums (ToR 5.1)."""

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from partnership.services.common import EARLIEST_YEAR, LATEST_YEAR

from .. import selectors
from ..access import get_partnership_for_meetings


def _year(request, today) -> int:
    asked = request.GET.get("year")
    if asked is None:
        return today.year
    if not asked.isdigit() or not EARLIEST_YEAR <= int(asked) <= LATEST_YEAR:
        raise Http404("No such year")
    return int(asked)


@login_required
@require_GET
def meetings(request, slug):
    partnership = get_partnership_for_meetings(request, slug)
    today = timezone.localdate()
    year = _year(request, today)
    listed = selectors.year_of_meetings(partnership, year)
    context = {
        "partnership": partnership,
        "today": today,
        "year": listed,
        "rows": [(meeting, selectors.circulation_overdue(meeting, today)) for meeting in listed.meetings],
        "previous_year": year - 1 if year > EARLIEST_YEAR else None,
        "next_year": year + 1 if year < LATEST_YEAR else None,
        "can_schedule": request.user.has_perm("meetings.manage_meetings", partnership),
    }
    return render(request, "meetings/meetings.html", context)
