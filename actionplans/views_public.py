"""The published summary of a partnership's plans, for anyone, without signing in. What may be
read is decided in actionplans/public.py; a plan not published, or not this partnership's, is 404."""

from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET

from partnership.models import Partnership

from . import public


@require_GET
def plans(request, slug):
    partnership = get_object_or_404(Partnership, slug=slug)
    context = {"partnership": partnership, "rows": public.published_plan_rows(partnership)}
    return render(request, "actionplans/public/plans.html", context)


@require_GET
def plan(request, slug, pk):
    partnership = get_object_or_404(Partnership, slug=slug)
    summary = public.published_plan_summary(partnership, pk)
    if summary is None:
        raise Http404("No such published plan")
    return render(request, "actionplans/public/plan.html", {"partnership": partnership, "summary": summary})
