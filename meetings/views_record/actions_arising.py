"""Actions arising from a decision: the secretariat adds a new action to one of the
partnership's plans from the decision, links an action already on a plan, or unlinks one. The
pages are the decision's, whether it was taken at a meeting or in writing, so they hang from the
partnership rather than from a meeting.

Who may: the secretariat that keeps the partnership's plans (actionplans.manage_plans), asked
through actionplans/access.py: 404 outside the partnership, 403 to its members. The actions are
plan records, so this stays open after the minutes are approved (services/actions_arising.py)."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from actionplans.access import get_partnership_for
from actionplans.models import Action
from partnership.safe_redirect import next_path
from partnership.services.common import long_date
from partnership.views.buttons import run_button
from partnership.views.register_form_page import posted

from .. import services
from ..forms_actions_arising import ActionArisingForm, LinkActionForm
from ..models import Decision
from ..views.common import meeting_form_page
from ..views_decisions.log import decision_log_page_for
from .common import record_url
from .decisions import KEEP_ACTIONS, decisions_page


def _decision_for(request, slug: str, decision_pk: int) -> Decision:
    partnership = get_partnership_for(request, slug, KEEP_ACTIONS)
    decision = get_object_or_404(
        Decision.objects.select_related("agenda_item__meeting", "written_proposal"),
        pk=decision_pk,
        partnership=partnership,
    )
    decision.partnership = partnership
    if decision.agenda_item is not None:
        decision.agenda_item.meeting.partnership = partnership
    return decision


def decision_url(decision: Decision) -> str:
    """Where the decision is read: its meeting's decisions, or the log for one taken in writing."""
    if decision.agenda_item is None:
        return f"{reverse('decisions:log', kwargs={'slug': decision.partnership.slug})}#decision-{decision.number}"
    return f"{record_url(decision.agenda_item.meeting, 'decisions')}#decision-{decision.number}"


def _back(request, decision: Decision) -> str:
    """Back to the page the secretariat came from (the record or the log), or the decision's own."""
    return next_path(request) or decision_url(decision)


def _form_page(request, decision: Decision, *, form, title: str, save, done: str):
    back = _back(request, decision)
    meeting = decision.agenda_item.meeting if decision.agenda_item is not None else None
    return meeting_form_page(
        request,
        partnership=decision.partnership,
        form=form,
        title=title,
        save=lambda form: save(form) or back,
        done=done,
        back_url=back,
        context={
            "meeting": meeting,
            "back_text": _("Back to the decision"),
            "intro": _("Decision %(number)s, %(date)s: %(text)s")
            % {"number": decision.number, "date": long_date(decision.decided_on), "text": decision.text},
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def add_action_arising(request, slug, decision_pk):
    decision = _decision_for(request, slug, decision_pk)
    form = ActionArisingForm(posted(request), partnership=decision.partnership, initial={"title": decision.text})

    def save(form):
        services.add_action_arising(decision=decision, **form.cleaned_data, by=request.user, today=timezone.localdate())

    return _form_page(
        request,
        decision,
        form=form,
        title=_("Add an action arising from decision %(number)s") % {"number": decision.number},
        save=save,
        done=_("Action added to the plan, arising from decision %(number)s.") % {"number": decision.number},
    )


@login_required
@require_http_methods(["GET", "POST"])
def link_action(request, slug, decision_pk):
    decision = _decision_for(request, slug, decision_pk)

    def save(form):
        services.link_action(decision=decision, action=form.cleaned_data["action"], by=request.user)

    return _form_page(
        request,
        decision,
        form=LinkActionForm(posted(request), partnership=decision.partnership),
        title=_("Link an existing action to decision %(number)s") % {"number": decision.number},
        save=save,
        done=_("Action linked to decision %(number)s.") % {"number": decision.number},
    )


def _page_with_refusal(request, decision: Decision, error: str):
    """The decision's page again with the reason at the top, nothing changed."""
    if decision.agenda_item is None:
        return decision_log_page_for(request, decision.partnership, error=error)
    return decisions_page(request, decision.agenda_item.meeting, error=error)


@login_required
@require_POST
def unlink_action(request, slug, decision_pk, action_pk):
    decision = _decision_for(request, slug, decision_pk)
    action = get_object_or_404(Action, pk=action_pk, plan__partnership=decision.partnership)
    return run_button(
        request,
        action=lambda: services.unlink_action(decision=decision, action=action, by=request.user),
        done=_("The action is no longer listed as arising from decision %(number)s; it stays on its plan.")
        % {"number": decision.number},
        back=_back(request, decision),
        page=lambda error: _page_with_refusal(request, decision, error),
    )
