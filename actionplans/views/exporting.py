"""Downloading a plan as CSV or XLSX, for anyone who may read it."""

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.utils.text import slugify
from django.views.decorators.http import require_GET

from .. import exporting
from ..access import get_plan_for_user

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _download(content, content_type: str, plan, extension: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{slugify(plan.title) or "action-plan"}.{extension}"'
    return response


@login_required
@require_GET
def plan_csv(request, slug, pk):
    plan = get_plan_for_user(request, slug, pk)
    return _download(exporting.as_csv(plan), "text/csv; charset=utf-8", plan, "csv")


@login_required
@require_GET
def plan_xlsx(request, slug, pk):
    plan = get_plan_for_user(request, slug, pk)
    return _download(exporting.as_xlsx(plan), XLSX, plan, "xlsx")
