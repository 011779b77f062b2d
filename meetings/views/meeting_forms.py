"""Scheduling a meeting and changing its details, with the planner's deadlines checked first."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from partnership import calendar
from partnership.views.register_form_page import posted

from .. import services
from ..access import get_meeting_for, get_partnership_for_scheduling
from ..forms import MeetingForm
from .common import FORM_TEMPLATE, meeting_form_page


def _dates(partnership, day) -> dict:
    return {
        "day": day,
        "agenda_due": calendar.agenda_due(partnership, day),
        "minutes_due": calendar.minutes_due(partnership, day),
        "warnings": calendar.deadline_warnings(partnership, day),
    }


def _meeting_form_page(request, *, partnership, form, title, save, done, back_url, shown_date=None):
    """'Check the dates' shows the deadlines and warnings for the date typed, saving nothing;
    the primary button saves through the service."""
    if request.method == "POST" and "check" in request.POST and form.is_valid():
        page = {
            "partnership": partnership,
            "form": form,
            "title": title,
            "back_url": back_url,
            "dates": _dates(partnership, form.cleaned_data["date"]),
        }
        return render(request, FORM_TEMPLATE, page)
    context = {"dates": _dates(partnership, shown_date)} if shown_date else {}
    return meeting_form_page(
        request,
        partnership=partnership,
        form=form,
        title=title,
        save=save,
        done=done,
        back_url=back_url,
        context=context,
    )


@login_required
@require_http_methods(["GET", "POST"])
def schedule(request, slug):
    partnership = get_partnership_for_scheduling(request, slug)
    return _meeting_form_page(
        request,
        partnership=partnership,
        form=MeetingForm(posted(request), submit=_("Schedule the meeting"), partnership=partnership),
        title=_("Schedule a meeting"),
        save=lambda form: services.schedule_meeting(partnership=partnership, **form.cleaned_data),
        done=_("Meeting scheduled"),
        back_url=reverse("meetings:list", kwargs={"slug": partnership.slug}),
    )


@login_required
@require_http_methods(["GET", "POST"])
def change(request, slug, pk):
    meeting = get_meeting_for(request, slug, pk, "meetings.manage_meetings")
    initial = MeetingForm.initial_for(meeting)
    return _meeting_form_page(
        request,
        partnership=meeting.partnership,
        form=MeetingForm(
            posted(request), initial=initial, submit=_("Save the meeting"), partnership=meeting.partnership
        ),
        title=_("Change %(meeting)s") % {"meeting": meeting},
        save=lambda form: services.reschedule_meeting(meeting=meeting, **form.cleaned_data),
        done=_("Meeting saved"),
        back_url=meeting.get_absolute_url(),
        shown_date=None if request.method == "POST" else meeting.date,
    )
