"""Fetching a meeting's minutes for the user asking, on top of meetings/access.py: someone
outside the partnership gets 404, a member without the right 403 with the reason. Draft and
approved minutes are read by the secretariat and whoever chaired; once circulated, by every
member of the partnership."""

from django.core.exceptions import PermissionDenied
from django.http import Http404

from ..access import REFUSALS, get_meeting_for, get_meeting_for_user
from ..models import Meeting, Minutes, MinutesStatus

MINUTES_RELATED = (
    "approved_by__person",
    "approved_as__person",
    "circulated_by__person",
    "confirmed_by__person",
    "confirmed_at_meeting",
)
READ_BY_MEMBERS = (MinutesStatus.CIRCULATED, MinutesStatus.CONFIRMED)


def minutes_of(meeting: Meeting) -> Minutes | None:
    """The meeting's minutes with who approved, circulated and confirmed them, in one query."""
    minutes = Minutes.objects.select_related(*MINUTES_RELATED).filter(meeting=meeting).first()
    if minutes is not None:
        minutes.meeting = meeting
    return minutes


def can_read(user, meeting: Meeting, minutes: Minutes | None) -> bool:
    if minutes is not None and minutes.status in READ_BY_MEMBERS:
        return True  # the meeting itself was fetched for a reader of the partnership
    return user.has_perm("meetings.view_draft_minutes", meeting)


def get_minutes_for_reader(request, slug: str, pk: int) -> tuple[Meeting, Minutes | None]:
    """The meeting and its minutes (None before they are started) for someone who may read them."""
    meeting = get_meeting_for_user(request, slug, pk)
    minutes = minutes_of(meeting)
    if not can_read(request.user, meeting, minutes):
        raise PermissionDenied(REFUSALS["meetings.view_draft_minutes"])
    return meeting, minutes


def get_minutes_for(request, slug: str, pk: int, perm: str) -> tuple[Meeting, Minutes]:
    """The meeting and its started minutes, for someone holding `perm` (meetings/rules.py)."""
    meeting = get_meeting_for(request, slug, pk, perm)
    minutes = minutes_of(meeting)
    if minutes is None:
        raise Http404("The minutes of this meeting have not been started")
    return meeting, minutes
