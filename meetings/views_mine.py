"""A member's coming meetings across every partnership they sit on or serve, and the decisions
put to them in writing that await their response."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.utils import timezone

from partnership.models import Partnership
from partnership.roles import member_partnership_ids, visible_partnership_filter

from .models import Meeting
from .views_writing.selectors import open_proposals_for


@login_required
def my_meetings(request):
    today = timezone.localdate()
    partnerships = Partnership.objects.filter(visible_partnership_filter(request.user))
    coming = list(
        Meeting.objects.filter(partnership__in=partnerships, date__gte=today)
        .select_related("partnership")
        .prefetch_related("partnership__closure_days")
        .order_by("date", "start_time")[:50]
    )
    proposals = open_proposals_for(request.user, member_partnership_ids(request.user), today)
    return render(request, "meetings/mine.html", {"meetings": coming, "proposals": proposals, "today": today})
