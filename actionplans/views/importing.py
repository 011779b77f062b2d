"""Importing a plan from a CSV file or an XLSX workbook: upload, a preview of what would be
created and what is refused, then "Import these N actions", or "Discard this import".
Nothing is saved before then.

Between the preview and the confirmation the uploaded bytes wait in a kept file (see
importing/kept_files.py). A file that cannot be imported at all is refused on the upload form
and never kept; each upload clears away the previews abandoned more than a day ago."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods, require_POST

from partnership.errors import RuleBroken
from partnership.views.register_form_page import posted

from ..access import MANAGE, get_plan_for
from ..forms import ConfirmImportForm, ImportForm
from ..importing import import_plan, preview_import
from ..importing.kept_files import discard_abandoned, forget, keep, kept
from ..importing.owners import match_owners
from .common import plan_form_page, plan_url


@login_required
@require_http_methods(["GET", "POST"])
def upload(request, slug, pk):
    plan = get_plan_for(request, slug, pk, MANAGE)
    form = ImportForm(posted(request), request.FILES if request.method == "POST" else None)
    if request.method == "POST":
        discard_abandoned()

    def save(form):
        data = form.cleaned_data["file"].read()
        preview_import(data)  # a file that cannot be imported at all is refused here, and not kept
        token = keep(request, plan, data)
        return reverse("actionplans:import-preview", kwargs={"slug": slug, "pk": plan.pk, "token": token})

    return plan_form_page(
        request,
        plan=plan,
        form=form,
        title=_("Import actions into %(plan)s") % {"plan": plan},
        save=save,
        done=_("File read: check what will be imported, then confirm."),
        context={"intro": _("You will see what the file holds before anything is saved.")},
    )


def _groups(preview):
    """The actions under their sections, in the file's order; those before any section first."""
    groups = [(None, [a for a in preview.actions if a.section is None])]
    groups += [
        (section, [a for a in preview.actions if a.section == index]) for index, section in enumerate(preview.sections)
    ]
    return [(section, actions) for section, actions in groups if section is not None or actions]


def _imported(result) -> str:
    # "1 actions imported." is as the page has always said it; plural forms would change the English.
    said = [_("%(count)s actions imported.") % {"count": result.created}]
    if result.flagged:
        said.append(_("%(count)s need their date checking.") % {"count": result.flagged})
    if result.linked:
        said.append(_("%(count)s linked to their owner on the register.") % {"count": result.linked})
    if result.milestones:
        said.append(
            ngettext("%(count)s milestone created.", "%(count)s milestones created.", result.milestones)
            % {"count": result.milestones}
        )
    return " ".join(said)


@login_required
@require_http_methods(["GET", "POST"])
def preview(request, slug, pk, token):
    plan = get_plan_for(request, slug, pk, MANAGE)
    data = kept(request, plan, token)
    error = None
    try:
        shown = preview_import(data)
    except RuleBroken as broken:  # read once already; only a change of the reader could get here
        forget(request, token)
        messages.error(request, broken.message)
        return redirect("actionplans:import", slug=slug, pk=plan.pk)
    count = len(shown.actions)
    if request.method == "POST":
        if not count:
            error = _("The file has no actions to import.")
        else:
            try:
                result = import_plan(plan, shown, by=request.user)
            except RuleBroken as broken:
                error = broken.message
            else:
                forget(request, token)
                messages.success(request, _imported(result))
                return redirect(plan_url(plan))
    context = {
        "partnership": plan.partnership,
        "plan": plan,
        "preview": shown,
        "groups": _groups(shown),
        "owners": list(match_owners(plan.partnership_id, shown.owners, timezone.localdate()).values()),
        "count": count,
        "error": error,
        "form": ConfirmImportForm(submit=_("Import these %(count)s actions") % {"count": count}) if count else None,
        "again_url": reverse("actionplans:import", kwargs={"slug": slug, "pk": plan.pk}),
        "discard_url": reverse("actionplans:import-discard", kwargs={"slug": slug, "pk": plan.pk, "token": token}),
        "plan_url": plan_url(plan),
    }
    return render(request, "actionplans/import_preview.html", context, status=400 if error else 200)


@login_required
@require_POST
def discard(request, slug, pk, token):
    """ "Discard this import": the kept file goes, nothing is saved, back to the plan."""
    plan = get_plan_for(request, slug, pk, MANAGE)
    kept(request, plan, token)  # 404 unless this session uploaded it to this plan
    forget(request, token)
    messages.success(request, _("Import discarded: nothing from the file was saved."))
    return redirect(plan_url(plan))
