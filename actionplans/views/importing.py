"""Importing a plan from a CSV file or an XLSX workbook: upload, a preview of what would be
created and what is refused, then "Import these N actions". Nothing is saved before then.

Between the preview and the confirmation the uploaded bytes wait in a file under
MEDIA_ROOT/imports/ named by a random token. The token is only honoured for the session that
uploaded it and the plan it was uploaded to, and the file goes once the plan is imported. A
file that cannot be imported at all is refused on the upload form and never kept."""

import re
import secrets
from pathlib import Path

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from partnership.errors import RuleBroken
from partnership.views.register_form_page import posted

from ..access import MANAGE, get_plan_for
from ..forms import ConfirmImportForm, ImportForm
from ..importing import import_plan, preview_import
from .common import plan_form_page, plan_url

SESSION_KEY = "actionplans_imports"  # token -> the plan's pk, for this session only
TOKEN = re.compile(r"^[A-Za-z0-9_-]{32}$")


def _folder() -> Path:
    return Path(settings.MEDIA_ROOT) / "imports"


def _keep(request, plan, data: bytes) -> str:
    token = secrets.token_urlsafe(24)  # 32 characters
    folder = _folder()
    folder.mkdir(parents=True, exist_ok=True)
    (folder / token).write_bytes(data)
    request.session[SESSION_KEY] = {**request.session.get(SESSION_KEY, {}), token: plan.pk}
    return token


def _kept(request, plan, token: str) -> bytes:
    """The bytes this session uploaded to this plan under `token`; 404 for any other."""
    if not TOKEN.match(token) or request.session.get(SESSION_KEY, {}).get(token) != plan.pk:
        raise Http404("No such import")
    try:
        return (_folder() / token).read_bytes()
    except FileNotFoundError as missing:
        raise Http404("No such import") from missing


def _forget(request, token: str) -> None:
    (_folder() / token).unlink(missing_ok=True)
    kept = dict(request.session.get(SESSION_KEY, {}))
    kept.pop(token, None)
    request.session[SESSION_KEY] = kept


@login_required
@require_http_methods(["GET", "POST"])
def upload(request, slug, pk):
    plan = get_plan_for(request, slug, pk, MANAGE)
    form = ImportForm(posted(request), request.FILES if request.method == "POST" else None)

    def save(form):
        data = form.cleaned_data["file"].read()
        preview_import(data)  # a file that cannot be imported at all is refused here, and not kept
        token = _keep(request, plan, data)
        return reverse("actionplans:import-preview", kwargs={"slug": slug, "pk": plan.pk, "token": token})

    return plan_form_page(
        request,
        plan=plan,
        form=form,
        title=f"Import actions into {plan}",
        save=save,
        done="File read: check what will be imported, then confirm.",
        context={"intro": "You will see what the file holds before anything is saved."},
    )


def _groups(preview):
    """The actions under their sections, in the file's order; those before any section first."""
    groups = [(None, [a for a in preview.actions if a.section is None])]
    groups += [
        (section, [a for a in preview.actions if a.section == index]) for index, section in enumerate(preview.sections)
    ]
    return [(section, actions) for section, actions in groups if section is not None or actions]


@login_required
@require_http_methods(["GET", "POST"])
def preview(request, slug, pk, token):
    plan = get_plan_for(request, slug, pk, MANAGE)
    data = _kept(request, plan, token)
    error = None
    try:
        shown = preview_import(data)
    except RuleBroken as broken:  # read once already; only a change of the reader could get here
        _forget(request, token)
        messages.error(request, broken.message)
        return redirect("actionplans:import", slug=slug, pk=plan.pk)
    count = len(shown.actions)
    if request.method == "POST":
        if not count:
            error = "The file has no actions to import."
        else:
            try:
                result = import_plan(plan, shown, by=request.user)
            except RuleBroken as broken:
                error = broken.message
            else:
                _forget(request, token)
                flagged = f" {result.flagged} need their date checking." if result.flagged else ""
                messages.success(request, f"{result.created} actions imported.{flagged}")
                return redirect(plan_url(plan))
    context = {
        "partnership": plan.partnership,
        "plan": plan,
        "preview": shown,
        "groups": _groups(shown),
        "count": count,
        "error": error,
        "form": ConfirmImportForm(submit=f"Import these {count} actions") if count else None,
        "again_url": reverse("actionplans:import", kwargs={"slug": slug, "pk": plan.pk}),
        "plan_url": plan_url(plan),
    }
    return render(request, "actionplans/import_preview.html", context, status=400 if error else 200)
