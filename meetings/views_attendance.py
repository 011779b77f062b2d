"""Attendance statistics: who came to the partnership's meetings over the last 12 months, per
member and per nominating body, flagging persistent failure to attend."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from .access import get_partnership_for
from .selectors_attendance import attendance_statistics as statistics_of


@login_required
@require_GET
def attendance_statistics(request, slug):
    partnership = get_partnership_for(request, slug, "meetings.view_attendance_statistics")
    context = {
        "partnership": partnership,
        "statistics": statistics_of(partnership, timezone.localdate()),
        "can_change_threshold": request.user.has_perm("partnership.manage_register", partnership),
    }
    return render(request, "meetings/attendance/statistics.html", context)
