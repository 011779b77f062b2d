"""The compliance dashboard for the secretariat and the chair: each rule of the terms of
reference with its status for a year and the history of late agendas and minutes; and the
annual compliance statement for the Public Service Board, as a page that prints cleanly and as
a PDF made while the reader waits."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET

from ..access import get_partnership_for_compliance
from ..compliance.forms import YearForm
from ..compliance.history import late_history
from ..compliance.statement_pdf import render_statement_pdf, statement_pdf_response
from ..compliance.statuses import compliance_for

FORMATS = ("html", "pdf")
UNKNOWN_FORMAT = gettext_lazy("Ask for the statement as a page (format=html) or as a PDF (format=pdf).")


def _year_form(request, today, **kwargs) -> YearForm:
    """Bound only when the address names a year, so the page opens on this year unasked."""
    data = request.GET if "year" in request.GET else None
    return YearForm(data, initial={"year": today.year}, **kwargs)


@login_required
@require_GET
def dashboard(request, slug):
    partnership = get_partnership_for_compliance(request, slug)
    today = timezone.localdate()
    form = _year_form(request, today)
    page = {"partnership": partnership, "form": form, "today": today}
    if form.is_bound and not form.is_valid():
        return render(request, "governance/compliance/dashboard.html", page, status=400)
    year = form.cleaned_data["year"] if form.is_bound else today.year
    page |= {
        "year": year,
        "compliance": compliance_for(partnership, year=year, today=today),
        "history": late_history(partnership, today=today),
    }
    return render(request, "governance/compliance/dashboard.html", page)


@login_required
@require_GET
def statement(request, slug):
    partnership = get_partnership_for_compliance(request, slug)
    today = timezone.localdate()
    form = _year_form(request, today, button=_("Show the statement"))
    page = {"partnership": partnership, "form": form, "today": today}
    output = request.GET.get("format", "html")
    if output not in FORMATS:
        page["refusal"] = UNKNOWN_FORMAT
        return render(request, "governance/compliance/statement.html", page, status=400)
    if form.is_bound and not form.is_valid():
        return render(request, "governance/compliance/statement.html", page, status=400)
    year = form.cleaned_data["year"] if form.is_bound else today.year
    page |= {
        "year": year,
        "compliance": compliance_for(partnership, year=year, today=today),
        "history": late_history(partnership, today=today, year=year),
    }
    if output == "pdf":
        return statement_pdf_response(render_statement_pdf(page), partnership=partnership, year=year)
    return render(request, "governance/compliance/statement.html", page)
