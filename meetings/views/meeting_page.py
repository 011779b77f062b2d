"""A meeting's page: its dates, deadlines and agenda; and what the chair and the secretariat do
to the agenda as a whole: the chair agrees it, the secretariat circulates it (ToR 5.7)."""

from collections.abc import Callable

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from partnership import calendar
from partnership.page_cache import kept_for_the_session
from partnership.services.common import long_date
from partnership.views.buttons import run_button

from .. import selectors, services
from ..access import get_meeting_for, get_meeting_for_user
from ..models import OPEN_STATUSES, Meeting, MeetingStatus, StandingItem, SubmissionStatus
from ..selectors_actions_arising import matters_arising


def meeting_page(request, meeting: Meeting, *, error: str | None = None):
    """The page, and the same page with a refusal at the top (status 400) when an action on it
    broke a rule."""
    user = request.user
    is_open = meeting.is_open
    agreed = meeting.agenda_agreed_at is not None
    agenda = selectors.agenda_of(meeting)
    context = {
        "partnership": meeting.partnership,
        "meeting": meeting,
        "agenda": agenda,
        "matters_arising": matters_arising_on(meeting, agenda),
        "warnings": calendar.deadline_warnings(meeting.partnership, meeting.date),
        "error": error,
        "can_change_meeting": user.has_perm("meetings.manage_meetings", meeting.partnership),
        "can_change_agenda": is_open and user.has_perm("meetings.change_agenda", meeting),
        "can_agree": is_open
        and not agreed
        and not meeting.is_circulated
        and user.has_perm("meetings.agree_agenda", meeting),
        "can_circulate": is_open
        and agreed
        and not meeting.is_circulated
        and user.has_perm("meetings.circulate_agenda", meeting),
        "can_accept": user.has_perm("meetings.accept_late_item", meeting),
        "can_submit": is_open,
        "my_submissions": list(meeting.submissions.filter(submitted_by=user)),
        "quorum": None if meeting.status in OPEN_STATUSES else services.meeting_quorum(meeting),
    }
    if context["can_change_agenda"]:
        context["submissions"] = list(
            meeting.submissions.filter(status=SubmissionStatus.SUBMITTED).select_related("submitted_by__person")
        )
        context["offered"] = list(services.offered_for(meeting)) if meeting.status == MeetingStatus.PLANNED else []
    return render(request, "meetings/meeting.html", context, status=400 if error else 200)


def matters_arising_on(meeting: Meeting, agenda) -> dict | None:
    """The matters arising item, if the agenda has one, with the actions still open from
    earlier decisions it takes."""
    item = next((item for item in agenda if item.standing == StandingItem.MATTERS_ARISING), None)
    return None if item is None else {"item": item, "open": matters_arising(meeting)}


def act(request, meeting: Meeting, action: Callable, done: str | Callable):
    """Run a service for a button on the meeting page: back to the page with a message, or the
    page again with the reason and nothing saved."""
    return run_button(
        request,
        action=action,
        done=done,
        back=meeting,
        page=lambda reason: meeting_page(request, meeting, error=reason),
    )


@login_required
@require_GET
@kept_for_the_session  # the page members read most, again and again before a meeting
def meeting(request, slug, pk):
    return meeting_page(request, get_meeting_for_user(request, slug, pk))


@login_required
@require_POST
def agree(request, slug, pk):
    meeting = get_meeting_for(request, slug, pk, "meetings.agree_agenda")
    return act(
        request,
        meeting,
        lambda: services.agree_agenda(meeting=meeting, by=request.user, now=timezone.now()),
        _("Agenda agreed. The secretariat can now circulate it."),
    )


def _circulated(meeting: Meeting) -> str:
    if meeting.agenda_circulated_late:
        return _("Agenda circulated to the members, late: it was due by %(due)s.") % {
            "due": long_date(meeting.agenda_due)
        }
    return _("Agenda circulated to the members, on time.")


@login_required
@require_POST
def circulate(request, slug, pk):
    meeting = get_meeting_for(request, slug, pk, "meetings.circulate_agenda")
    return act(
        request,
        meeting,
        lambda: services.circulate_agenda(meeting=meeting, by=request.user, now=timezone.now()),
        _circulated,
    )
