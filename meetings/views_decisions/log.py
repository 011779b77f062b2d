"""The decision log page (searched, filtered, paginated) and its CSV download of the same rows.
Members and the secretariat read it; it is never public (meetings/rules.py)."""

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET

from actionplans.models import Action
from partnership.safe_csv import SafeWriter
from partnership.services.common import long_date
from partnership.views.pagination import paginate

from ..access import get_partnership_for
from ..models import Decision
from ..selectors_actions_arising import with_actions_arising, with_actions_listed
from ..selectors_decisions import decision_log, years_with_decisions
from .filters import DecisionLogFilterForm

PER_PAGE = 25
CSV_HEADER = [
    gettext_lazy("Number"),
    gettext_lazy("Date"),
    gettext_lazy("Decided"),
    gettext_lazy("Meeting"),
    gettext_lazy("Item or proposal"),
    gettext_lazy("Confidential item"),
    gettext_lazy("Method"),
    gettext_lazy("For"),
    gettext_lazy("Against"),
    gettext_lazy("Abstentions"),
    gettext_lazy("Outcome"),
    gettext_lazy("Decision"),
    gettext_lazy("Actions arising"),
]
ACTIONS_JOINED_BY = "; "


def _filtered(request, slug):
    """The partnership (404 outside it, 403 without the right), the search form, and its rows:
    the page and the CSV read the same."""
    partnership = get_partnership_for(request, slug, "meetings.view_decision_log")
    return (partnership, *_search(request, partnership))


def _search(request, partnership):
    form = DecisionLogFilterForm(request.GET, years=years_with_decisions(partnership))
    return form, decision_log(partnership, form.wanted())


def decision_log_page_for(request, partnership, *, error: str | None = None):
    """The page, and the same page with a refusal at the top (status 400) when a button on it
    (unlinking an action arising) broke a rule."""
    form, decisions = _search(request, partnership)
    pages = paginate(request, decisions, PER_PAGE)
    pages["page"].object_list = with_actions_arising(pages["page"].object_list)
    context = {
        "partnership": partnership,
        "form": form,
        **pages,
        "searched": any(form.cleaned_data.get(name) for name in form.fields),
        "can_keep_actions": request.user.has_perm("actionplans.manage_plans", partnership),
        "error": error,
    }
    return render(request, "meetings/decisions/log.html", context, status=400 if form.errors or error else 200)


@login_required
@require_GET
def decision_log_page(request, slug):
    return decision_log_page_for(request, get_partnership_for(request, slug, "meetings.view_decision_log"))


def _where(decision: Decision) -> list[str]:
    """Decided how and where: at a meeting (which, which item, confidential or not) or in writing."""
    item = decision.agenda_item
    if item is None:
        return [_("In writing"), "", decision.written_proposal.title, ""]
    meeting = item.meeting
    return [
        _("At a meeting"),
        f"{meeting.title}, {long_date(meeting.date)}",
        f"{item.position}. {item.title}",
        _("Yes") if item.is_confidential else _("No"),
    ]


def _named(action: Action) -> str:
    """Its reference and its whole title (the model's str cuts a long title short)."""
    return f"{action.reference} {action.title}".strip()


def csv_row(decision: Decision) -> list:
    """Expects the decision's actions loaded (selectors_actions_arising.with_actions_listed)."""
    return [
        decision.number,
        decision.decided_on.isoformat(),
        *_where(decision),
        decision.get_method_display(),
        decision.votes_for,
        decision.votes_against,
        decision.abstentions,
        decision.get_outcome_display(),
        decision.text,
        ACTIONS_JOINED_BY.join(_named(action) for action in decision.actions.all()),
    ]


@login_required
@require_GET
def decision_log_csv(request, slug):
    partnership, _form, decisions = _filtered(request, slug)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="decision-log-{partnership.slug}.csv"'
    response["Cache-Control"] = "private, no-cache"
    response.write("\ufeff")  # the byte-order mark tells Excel the file is UTF-8
    writer = SafeWriter(response)
    writer.writerow(CSV_HEADER)
    for decision in with_actions_listed(decisions):
        writer.writerow(csv_row(decision))
    return response
