"""The quarterly performance report to the Public Service Board (ToR 6.1): anyone who may read
the plans picks a quarter and gets the PDF, or a page saying it is being made with a button to
check again. It does not refresh itself: a timed refresh is an axe failure (WCAG 2.2.1)."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET

from partnership.documents import retry_later
from partnership.errors import RuleBroken

from ..access import get_partnership_for_plans
from ..forms_reports import QuarterForm, quarters_on_offer
from ..reporting.serving import pdf_or_progress


@login_required
@require_GET
def report(request, slug):
    partnership = get_partnership_for_plans(request, slug)
    form = QuarterForm(request.GET or None, quarters=quarters_on_offer(partnership, timezone.localdate()))
    page = {
        "partnership": partnership,
        "form": form,
        "list_url": reverse("actionplans:list", kwargs={"slug": partnership.slug}),
    }
    if not form.is_bound:
        return render(request, "actionplans/report.html", page)
    if form.is_valid():
        quarter = form.cleaned_data["quarter"]
        try:
            pdf, made = pdf_or_progress(partnership, quarter, as_attachment=True)
        except RuleBroken as broken:
            form.add_error("quarter", broken.message)
        else:
            if pdf is not None:
                return pdf
            context = {**page, "quarter": quarter, "report": made}
            return retry_later(render(request, "actionplans/report_being_made.html", context, status=202))
    return render(request, "actionplans/report.html", page, status=400)
