"""Decisions on the meeting's items (ToR 5.6): by consensus, or by a vote decided by a simple
majority of the votes cast, a tie not carried. The secretariat records and corrects them; the
partnership's members read them, numbered as in the decision log."""

from django.contrib.auth.decorators import login_required
from django.db.models import prefetch_related_objects
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_http_methods

from partnership.views.register_form_page import posted

from .. import selectors_record, services
from ..access import get_decision_for, get_item_for, get_meeting_for_user
from ..forms_record import DecisionForm
from ..models import AgendaItem, Decision
from ..selectors_actions_arising import with_actions_arising
from ..views.common import meeting_form_page
from .common import record_url, render_record_page

PERM = "meetings.record_meeting"
KEEP_ACTIONS = "actionplans.manage_plans"  # actions arising are plan records (views_record/actions_arising.py)


def decisions_page(request, meeting, *, error: str | None = None):
    """The page, and the same page with a refusal at the top (status 400) when a button on it
    broke a rule."""
    meeting = selectors_record.with_attendance(meeting)
    items = selectors_record.recorded_items(meeting)
    with_actions_arising(decision for recorded in items for decision in recorded.decisions)
    context = {
        "title": _("Decisions"),
        "items": items,
        "quorum": services.meeting_quorum(meeting),
        "can_record": request.user.has_perm(PERM, meeting),
        "can_keep_actions": request.user.has_perm(KEEP_ACTIONS, meeting.partnership),
    }
    return render_record_page(request, "decisions.html", meeting, context, error=error)


@login_required
@require_GET
def decisions(request, slug, pk):
    return decisions_page(request, get_meeting_for_user(request, slug, pk))


def _with_record(item: AgendaItem) -> AgendaItem:
    """The item with who attended and who declared an interest in it loaded once, for the
    form's choices and for the service's checks alike."""
    selectors_record.with_attendance(item.meeting)
    prefetch_related_objects([item], "declarations")
    return item


def _quorum_note(item: AgendaItem) -> str:
    quorum = services.item_quorum(item)
    if quorum.present == 0:
        return _("Nobody is recorded as present yet: record the attendance first.")
    numbers = {"present": quorum.present, "withdrawn": quorum.withdrawn, "required": quorum.required}
    if quorum.withdrawn:
        return (
            ngettext(
                "%(present)s member present or represented, of whom %(withdrawn)s withdrew with a prejudicial "
                "interest in this item; the quorum is %(required)s.",
                "%(present)s members present or represented, of whom %(withdrawn)s withdrew with a prejudicial "
                "interest in this item; the quorum is %(required)s.",
                quorum.present,
            )
            % numbers
        )
    return (
        ngettext(
            "%(present)s member present or represented; the quorum is %(required)s.",
            "%(present)s members present or represented; the quorum is %(required)s.",
            quorum.present,
        )
        % numbers
    )


def _decision_page(request, item: AgendaItem, *, form_initial, title, save, done):
    meeting = item.meeting
    withdrawn = {declaration.member_id for declaration in item.declarations.all() if declaration.withdraws}
    form = DecisionForm(
        posted(request),
        initial=form_initial,
        present=selectors_record.present(meeting),
        withdrawn_ids=withdrawn,
        submit=_("Save the decision"),
    )
    back = record_url(meeting, "decisions")
    return meeting_form_page(
        request,
        partnership=meeting.partnership,
        form=form,
        title=title,
        save=lambda form: f"{back}#decision-{save(form.decision()).number}",
        done=done,
        back_url=back,
        context={"meeting": meeting, "back_text": _("Back to the decisions"), "intro": _quorum_note(item)},
    )


@login_required
@require_http_methods(["GET", "POST"])
def add_decision(request, slug, pk, item_pk):
    item = _with_record(get_item_for(request, slug, pk, item_pk, PERM))
    return _decision_page(
        request,
        item,
        form_initial={},
        title=_("Record a decision on item %(position)s: %(title)s") % {"position": item.position, "title": item.title},
        save=lambda decision: services.record_decision(agenda_item=item, **decision),
        done=_("Decision recorded."),
    )


def _as_it_stands(decision: Decision) -> dict:
    return {
        "text": decision.text,
        "method": decision.method,
        "votes_for": decision.votes_for,
        "votes_against": decision.votes_against,
        "abstentions": decision.abstentions,
        "voters": [voter.pk for voter in decision.voters.all()],
    }


@login_required
@require_http_methods(["GET", "POST"])
def correct_decision(request, slug, pk, decision_pk):
    decision = get_decision_for(request, slug, pk, decision_pk, PERM)
    item = _with_record(decision.agenda_item)
    return _decision_page(
        request,
        item,
        form_initial=_as_it_stands(decision),
        title=_("Correct decision %(number)s on item %(position)s: %(title)s")
        % {"number": decision.number, "position": item.position, "title": item.title},
        save=lambda corrected: services.correct_decision(decision=decision, **corrected),
        done=_("Decision %(number)s corrected.") % {"number": decision.number},
    )
