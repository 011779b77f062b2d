"""The security audit log for staff: newest first, filtered by what happened and by username.
Each row carries the username it was written with, so a page costs the same few queries
however many rows the log holds."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.views.decorators.http import require_GET

from ..access import check_may_read_audit_log
from ..accounts.forms_security import AuditLogFilterForm
from ..models_audit import AuditEvent, AuditKind
from .pagination import paginate

PER_PAGE = 50
TEMPLATE = "accounts/audit_log.html"


@login_required
@require_GET
def audit_log(request):
    check_may_read_audit_log(request)
    form = AuditLogFilterForm(request.GET if {"kind", "username"} & request.GET.keys() else None)
    context = {"form": form}
    if form.is_bound and not form.is_valid():
        return render(request, TEMPLATE, context, status=400)
    kind = form.cleaned_data["kind"] if form.is_bound else ""
    username = form.cleaned_data["username"].strip() if form.is_bound else ""
    events = AuditEvent.objects.all()
    if kind:
        events = events.filter(kind=kind)
    if username:
        events = events.filter(username__iexact=username)
    context |= {
        "kind_label": AuditKind(kind).label if kind else "",
        "username": username,
        "filtered": bool(kind or username),
        **paginate(request, events, PER_PAGE),
    }
    return render(request, TEMPLATE, context)
