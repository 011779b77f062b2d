"""The published summary of a partnership's plans, for anyone, without signing in. What may be
read is decided in actionplans/public.py; a plan not published, or not this partnership's, is 404."""

from django.http import Http404
from django.shortcuts import render
from django.views.decorators.http import require_safe

from partnership.access import public_partnership_or_404

from . import public


@require_safe
def plans(request, slug):
    partnership = public_partnership_or_404(slug)
    context = {"partnership": partnership, "rows": public.published_plan_rows(partnership)}
    return render(request, "actionplans/public/plans.html", context)


@require_safe
def plan(request, slug, pk):
    partnership = public_partnership_or_404(slug)
    summary = public.published_plan_summary(partnership, pk)
    if summary is None:
        raise Http404("No such published plan")
    return render(request, "actionplans/public/plan.html", {"partnership": partnership, "summary": summary})
