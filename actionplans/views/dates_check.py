"""The secretariat's "Check the dates" page: every action of a plan whose "by when" the importer
could not read as a date, each with the date its words suggest, settled in one go. Bad input
comes back on its row with status 400 and nothing saved, not even the good rows."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import F
from django.shortcuts import redirect, render
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods

from partnership.errors import RuleBroken
from partnership.views.register_form_page import posted

from .. import services
from ..access import MANAGE, get_plan_for
from ..forms_dates import ActionDatesFormSet
from ..models import Action, ActionPlan
from ..services.dates_check import due_field
from .common import plan_url


def flagged_actions(plan: ActionPlan) -> list[Action]:
    """In the order the plan page shows them: by section, then those in none. One query."""
    return list(
        Action.objects.filter(plan=plan, due_needs_checking=True).order_by(
            F("section__position").asc(nulls_last=True), "section_id", "position", "pk"
        )
    )


def said(settled: int, remaining: int) -> str:
    done = ngettext("%(count)s date set.", "%(count)s dates set.", settled) % {"count": settled}
    if not remaining:
        return done
    still = ngettext("%(count)s still needs checking.", "%(count)s still need checking.", remaining) % {
        "count": remaining
    }
    return f"{done} {still}"


def _show_refusal(formset, broken: RuleBroken) -> str | None:
    """A refusal about one action goes onto its row's date; any other answers for the page."""
    row = next((form for form in formset if due_field(form.action.pk) == broken.field), None)
    if row is None:
        return broken.message
    row.add_error("due", broken.message.removeprefix(f"{row.action}: "))  # its fieldset names the action
    return None


@login_required
@require_http_methods(["GET", "POST"])
def check_dates(request, slug, pk):
    plan = get_plan_for(request, slug, pk, MANAGE)
    formset = ActionDatesFormSet(posted(request), actions=flagged_actions(plan))
    error = None
    if formset.is_bound and formset.is_valid():
        try:
            settled = services.set_action_dues(plan=plan, dues=formset.dues(), by=request.user)
        except RuleBroken as broken:
            error = _show_refusal(formset, broken)
        else:
            remaining = Action.objects.filter(plan=plan, due_needs_checking=True).count()
            messages.success(request, said(settled, remaining))
            return redirect(plan_url(plan))
    context = {
        "partnership": plan.partnership,
        "plan": plan,
        "formset": formset,
        "error": error,
        "plan_url": plan_url(plan),
    }
    return render(request, "actionplans/dates_check.html", context, status=400 if formset.is_bound else 200)
