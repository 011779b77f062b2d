"""Fetching a partnership's meetings and agenda items for the user asking, as
partnership/access.py does for the register: someone outside the partnership gets 404 (they
must not learn the meeting exists), a member without the right gets 403 with the reason. The
rights are the predicates of meetings/rules.py; views never write their own test."""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy as _

from partnership.models import Partnership

from .models import AgendaItem, Decision, Declaration, Meeting, PaperSubmission

# What the meeting page and the rules read of a meeting, fetched with it in one query.
MEETING_RELATED = (
    "partnership",
    "presiding_member__person",
    "agenda_agreed_by__person",
    "agenda_circulated_by__person",
)
# Permissions asked of a partnership rather than of one meeting.
PARTNERSHIP_PERMS = {
    "meetings.manage_meetings",
    "meetings.view_decision_log",
    "meetings.view_attendance_statistics",
    "meetings.respond_in_writing",
    "meetings.decide_in_writing",
}
REFUSALS = {
    "meetings.manage_meetings": _("Only the partnership's secretariat can schedule and change its meetings."),
    "meetings.change_agenda": _("Only the partnership's secretariat can change the agenda."),
    "meetings.circulate_agenda": _("Only the partnership's secretariat can circulate the agenda."),
    "meetings.agree_agenda": _(
        "Only the chair, or whoever presides at this meeting in the chair's absence, can agree the agenda."
    ),
    "meetings.accept_late_item": _(
        "Only the chair, or whoever presides at this meeting in the chair's absence, can accept a late item."
    ),
    "meetings.record_meeting": _("Only the partnership's secretariat records the meeting."),
    "meetings.record_declarations": _("Only the secretariat or the chair records interests other members declare."),
    "meetings.declare_own_interest": _("Only the partnership's members declare interests."),
    "meetings.draft_minutes": _("Only the partnership's secretariat drafts the minutes."),
    "meetings.view_draft_minutes": _(
        "Draft minutes are read by the secretariat and whoever chaired the meeting; "
        "members read them once the chair has approved and the secretariat has circulated them."
    ),
    "meetings.return_minutes_to_draft": _(
        "Only the secretariat or whoever chaired the meeting can return its minutes to draft."
    ),
    "meetings.circulate_minutes": _("Only the partnership's secretariat circulates the minutes."),
    "meetings.confirm_minutes": _("Only the partnership's secretariat records that the minutes were confirmed."),
    "meetings.approve_minutes": _("Only the person who chaired this meeting can approve its minutes (ToR 5.8)."),
    "meetings.view_decision_log": _("Only the partnership's members and secretariat read its decision log."),
    "meetings.view_attendance_statistics": _("Only the partnership's members and secretariat read its attendance."),
    "meetings.respond_in_writing": _("Only the partnership's members respond to decisions in writing."),
    "meetings.decide_in_writing": _("Only the chair puts a decision to the members in writing, and closes it."),
}


def get_partnership_for_meetings(request, slug: str) -> Partnership:
    """A partnership whose meetings the user may read (secretariat, members, staff)."""
    partnership = get_object_or_404(Partnership, slug=slug)
    if not request.user.has_perm("meetings.view_meetings", partnership):
        raise Http404("No such partnership")
    return partnership


def get_partnership_for_scheduling(request, slug: str) -> Partnership:
    """A partnership whose meetings the user may schedule: 403 to its members, 404 to others."""
    return get_partnership_for(request, slug, "meetings.manage_meetings")


def get_meeting_for_user(request, slug: str, pk: int) -> Meeting:
    """A meeting the user may read, with everything its page and its rules need."""
    meeting = get_object_or_404(Meeting.objects.select_related(*MEETING_RELATED), pk=pk, partnership__slug=slug)
    if not request.user.has_perm("meetings.view_meeting", meeting):
        raise Http404("No such meeting")
    return meeting


def get_meeting_for(request, slug: str, pk: int, perm: str) -> Meeting:
    """A meeting on which the user holds `perm` (one of meetings/rules.py): 403 to a member
    without it, 404 to anyone outside the partnership."""
    meeting = get_meeting_for_user(request, slug, pk)
    target = meeting.partnership if perm in PARTNERSHIP_PERMS else meeting
    if not request.user.has_perm(perm, target):
        raise PermissionDenied(REFUSALS[perm])
    return meeting


def get_item_for(request, slug: str, pk: int, item_pk: int, perm: str) -> AgendaItem:
    """An item of the meeting's agenda on which the user holds `perm`; it shares the meeting."""
    meeting = get_meeting_for(request, slug, pk, perm)
    item = get_object_or_404(AgendaItem, pk=item_pk, meeting=meeting)
    item.meeting = meeting
    return item


def get_submission_for(request, slug: str, pk: int, submission_pk: int, perm: str):
    """A paper offered for the meeting, for someone holding `perm` on the meeting."""
    meeting = get_meeting_for(request, slug, pk, perm)
    submission = get_object_or_404(PaperSubmission, pk=submission_pk, meeting=meeting)
    submission.meeting = meeting
    return submission


def get_partnership_for(request, slug: str, perm: str) -> Partnership:
    """A partnership on which the user holds `perm`: 403 to its members without it, 404 to others."""
    partnership = get_partnership_for_meetings(request, slug)
    if not request.user.has_perm(perm, partnership):
        raise PermissionDenied(REFUSALS[perm])
    return partnership


def get_declaration_for(request, slug: str, pk: int, declaration_pk: int, perm: str) -> Declaration:
    """A declaration made at the meeting, for someone holding `perm` on the meeting."""
    meeting = get_meeting_for(request, slug, pk, perm)
    declaration = get_object_or_404(
        Declaration.objects.select_related("member__person", "agenda_item"), pk=declaration_pk, meeting=meeting
    )
    declaration.meeting = declaration.agenda_item.meeting = meeting
    return declaration


def get_decision_for(request, slug: str, pk: int, decision_pk: int, perm: str) -> Decision:
    """A decision taken on one of the meeting's items, for someone holding `perm` on it."""
    meeting = get_meeting_for(request, slug, pk, perm)
    decision = get_object_or_404(
        Decision.objects.select_related("agenda_item"), pk=decision_pk, agenda_item__meeting=meeting
    )
    decision.agenda_item.meeting = meeting
    return decision
