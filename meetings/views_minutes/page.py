"""A meeting's minutes page, and the buttons of their life (ToR 5.8): the secretariat starts
them, whoever chaired approves them, either of them returns them to draft, the secretariat
circulates them. Each button calls its service; a refusal comes back on the page (400) with
nothing saved."""

from collections.abc import Callable

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from partnership.services.common import long_date
from partnership.views.buttons import run_button

from .. import services
from ..access import get_meeting_for
from ..chairing import who_chaired
from ..minutes_document import minutes_record
from ..models import Meeting, MinuteItem, Minutes, MinutesStatus, MinutesVersion
from .fetch import get_minutes_for, minutes_of, read_minutes


def minutes_url(meeting: Meeting, name: str = "minutes", **extra) -> str:
    return reverse(f"minutes:{name}", kwargs={"slug": meeting.partnership.slug, "pk": meeting.pk, **extra})


def _draft_context(meeting: Meeting, minutes: Minutes, can_edit: bool) -> dict:
    """A draft is read from the record as it stands; the secretariat sees where to write."""
    record = minutes_record(meeting)
    context = {"record": record, "editable": can_edit}
    if can_edit:
        minuted = set(MinuteItem.objects.filter(minutes=minutes).values_list("agenda_item_id", flat=True))
        context["unminuted"] = [entry.item for entry in record.items if entry.item.pk not in minuted]
    return context


def approved_html(minutes: Minutes) -> str:
    """Approved minutes are shown as the chair approved them, not as the record stands now."""
    version = MinutesVersion.objects.filter(minutes=minutes, number=minutes.version).only("html").first()
    return version.html if version else ""


def minutes_page(
    request,
    meeting: Meeting,
    minutes: Minutes | None,
    *,
    error: str | None = None,
    sent: MinutesVersion | None = None,
):
    """The page, and the same page with a refusal at the top (status 400). `sent` is the version
    a member was sent, shown instead of the minutes while they are being corrected."""
    user = request.user
    status = minutes.status if minutes else None
    draft = status == MinutesStatus.DRAFT
    context = {
        "partnership": meeting.partnership,
        "meeting": meeting,
        "minutes": minutes,
        "chaired_by": who_chaired(meeting),
        "error": error,
        "can_start": minutes is None
        and meeting.date <= timezone.localdate()
        and user.has_perm("meetings.draft_minutes", meeting),
        "can_approve": draft and user.has_perm("meetings.approve_minutes", meeting),
        "can_return": status in (MinutesStatus.APPROVED, MinutesStatus.CIRCULATED)
        and user.has_perm("meetings.return_minutes_to_draft", meeting),
        "can_circulate": status == MinutesStatus.APPROVED and user.has_perm("meetings.circulate_minutes", meeting),
        "can_confirm": status == MinutesStatus.CIRCULATED and user.has_perm("meetings.confirm_minutes", meeting),
    }
    if sent is not None:
        context["sent"] = sent
    elif draft:
        context.update(_draft_context(meeting, minutes, user.has_perm("meetings.draft_minutes", meeting)))
    elif minutes is not None:
        context["approved_html"] = approved_html(minutes)
    return render(request, "meetings/minutes/minutes.html", context, status=400 if error else 200)


def act(request, meeting: Meeting, action: Callable, done: str | Callable):
    """Run a service for a button on the minutes page: on success back to the page with a
    message, on a RuleBroken the page again (the minutes read afresh) with the reason and
    nothing saved."""
    return run_button(
        request,
        action=action,
        done=done,
        back=minutes_url(meeting),
        page=lambda reason: minutes_page(request, meeting, minutes_of(meeting), error=reason),
    )


@login_required
@require_GET
def minutes(request, slug, pk):
    reading = read_minutes(request, slug, pk)
    return minutes_page(request, reading.meeting, reading.minutes, sent=reading.sent)


@login_required
@require_POST
def start(request, slug, pk):
    """Start the draft, or add to it the items put on the agenda since it was started."""
    meeting = get_meeting_for(request, slug, pk, "meetings.draft_minutes")
    return act(
        request,
        meeting,
        lambda: services.start_minutes(meeting=meeting),
        _("Minutes started. Write the minute of each item, then ask whoever chaired to approve them."),
    )


@login_required
@require_POST
def approve(request, slug, pk):
    meeting, found = get_minutes_for(request, slug, pk, "meetings.approve_minutes")
    return act(
        request,
        meeting,
        lambda: services.approve_minutes(minutes=found, by=request.user, now=timezone.now()),
        lambda approved: (
            _("Minutes approved (version %(version)s). The secretariat can now circulate them.")
            % {"version": approved.version}
        ),
    )


@login_required
@require_POST
def return_to_draft(request, slug, pk):
    meeting, found = get_minutes_for(request, slug, pk, "meetings.return_minutes_to_draft")
    return act(
        request,
        meeting,
        lambda: services.return_minutes_to_draft(minutes=found),
        _("The minutes are back in draft. Once corrected, whoever chaired approves them again."),
    )


def circulated_message(minutes: Minutes) -> str:
    due = {"due": long_date(minutes.meeting.minutes_due)}
    if minutes.is_late:
        return _("Minutes circulated to the members, late: they were due by %(due)s.") % due
    return _("Minutes circulated to the members, on time: they were due by %(due)s.") % due


@login_required
@require_POST
def circulate(request, slug, pk):
    meeting, found = get_minutes_for(request, slug, pk, "meetings.circulate_minutes")
    return act(
        request,
        meeting,
        lambda: services.circulate_minutes(minutes=found, by=request.user, now=timezone.now()),
        circulated_message,
    )
