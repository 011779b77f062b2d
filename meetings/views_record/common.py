"""What the record pages share: their addresses, the rows they fetch under a meeting, the
record's lock, and running a service for a button with the refusal shown on the page."""

from django.shortcuts import get_object_or_404, render
from django.urls import reverse

from partnership.errors import RuleBroken

from ..access import get_meeting_for
from ..models import Decision, Declaration, Meeting
from ..services.record import check_record_open


def record_url(meeting: Meeting, name: str, **kwargs) -> str:
    return reverse(f"record:{name}", kwargs={"slug": meeting.partnership.slug, "pk": meeting.pk, **kwargs})


def record_lock(meeting: Meeting) -> str | None:
    """Why the record can no longer change (the chair approved the minutes), if it cannot:
    asked of the service's own check, so the page says what the service would."""
    try:
        check_record_open(meeting)
    except RuleBroken as locked:
        return locked.message
    return None


def render_record_page(request, template: str, meeting: Meeting, context: dict, *, error: str | None = None):
    """A record page, or the same page with a refusal at the top (status 400)."""
    page = {"partnership": meeting.partnership, "meeting": meeting, "error": error, **context}
    return render(request, f"meetings/record/{template}", page, status=400 if error else 200)


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
