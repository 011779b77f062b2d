"""Fetching a meeting's minutes for the user asking, on top of meetings/access.py: someone
outside the partnership gets 404, a member without the right 403 with the reason. Draft and
approved minutes are read by the secretariat and whoever chaired; once circulated, by every
member of the partnership, who read only the versions circulated to them. While circulated
minutes are being corrected (back to draft, or approved again but not yet circulated), members
keep the version they were sent."""

from dataclasses import dataclass, field
from functools import cached_property

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.utils.translation import gettext as _

from ..access import REFUSALS, get_meeting_for, get_meeting_for_user
from ..models import Meeting, Minutes, MinutesStatus, MinutesVersion

MINUTES_RELATED = (
    "approved_by__person",
    "approved_as__person",
    "circulated_by__person",
    "confirmed_by__person",
    "confirmed_at_meeting",
)
READ_BY_MEMBERS = (MinutesStatus.CIRCULATED, MinutesStatus.CONFIRMED)
VIEW_DRAFTS = "meetings.view_draft_minutes"


def minutes_of(meeting: Meeting) -> Minutes | None:
    """The meeting's minutes with who approved, circulated and confirmed them, in one query."""
    minutes = Minutes.objects.select_related(*MINUTES_RELATED).filter(meeting=meeting).first()
    if minutes is not None:
        minutes.meeting = meeting
    return minutes


def last_circulated_version(minutes: Minutes) -> MinutesVersion | None:
    """The latest version that went to the members, if any did."""
    return (
        MinutesVersion.objects.filter(minutes=minutes, circulated_at__isnull=False)
        .select_related("approved_by__person")
        .order_by("-number")
        .first()
    )


@dataclass
class MinutesReading:
    """A meeting's minutes as this reader may read them. `sent` is set for a reader who cannot
    read drafts while circulated minutes are being corrected: the version they were sent."""

    meeting: Meeting
    minutes: Minutes | None
    user: object = field(repr=False)
    sent: MinutesVersion | None = None

    @cached_property
    def reads_drafts(self) -> bool:
        """The secretariat and whoever chaired (meetings.view_draft_minutes): every version, and the draft."""
        return self.user.has_perm(VIEW_DRAFTS, self.meeting)

    @property
    def being_corrected(self) -> bool:
        return self.sent is not None


def read_minutes(request, slug: str, pk: int) -> MinutesReading:
    """The meeting and its minutes (None before they are started) for someone who may read them:
    circulated or confirmed minutes for every member; the draft and approved minutes for those
    who read drafts, and for everyone else the version last circulated, if there was one."""
    meeting = get_meeting_for_user(request, slug, pk)
    reading = MinutesReading(meeting=meeting, minutes=minutes_of(meeting), user=request.user)
    minutes = reading.minutes
    if (minutes is not None and minutes.status in READ_BY_MEMBERS) or reading.reads_drafts:
        return reading
    reading.sent = last_circulated_version(minutes) if minutes is not None else None
    if reading.sent is None:
        raise PermissionDenied(REFUSALS[VIEW_DRAFTS])
    return reading


def get_minutes_for_reader(request, slug: str, pk: int) -> tuple[Meeting, Minutes | None]:
    """The meeting and its minutes (None before they are started) for someone who may read them."""
    reading = read_minutes(request, slug, pk)
    return reading.meeting, reading.minutes


def check_version_readable(reading: MinutesReading, version: MinutesVersion) -> None:
    """A version never circulated is read only by those who read drafts: 403 with the reason."""
    if version.circulated_at is None and not reading.reads_drafts:
        raise PermissionDenied(
            _(
                "Members read the versions of the minutes that were circulated to them; "
                "version %(number)s was not circulated."
            )
            % {"number": version.number}
        )


def get_minutes_for(request, slug: str, pk: int, perm: str) -> tuple[Meeting, Minutes]:
    """The meeting and its started minutes, for someone holding `perm` (meetings/rules.py)."""
    meeting = get_meeting_for(request, slug, pk, perm)
    minutes = minutes_of(meeting)
    if minutes is None:
        raise Http404(_("The minutes of this meeting have not been started"))
    return meeting, minutes
