"""The secretariat's forms for a plan, its sections, actions, their dates and their milestones.
Every change goes through the plan services; a refusal comes back on the form."""

from django.contrib.auth.decorators import login_required
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from partnership.views.register_form_page import posted

from .. import services
from ..access import MANAGE, get_action_for, get_milestone_for, get_plan_for, get_section_for
from ..dates import read_due
from ..forms import ActionDueForm, ActionForm, MilestoneForm, PlanForm, SectionForm
from .common import plan_form_page, plan_url


@login_required
@require_http_methods(["GET", "POST"])
def change_plan(request, slug, pk):
    plan = get_plan_for(request, slug, pk, MANAGE)
    initial = {name: getattr(plan, name) for name in PlanForm.base_fields}
    form = PlanForm(posted(request), initial=initial, submit=_("Save the plan"))

    def save(form):
        return plan_url(services.update_plan(plan=plan, **form.cleaned_data))

    return plan_form_page(request, plan=plan, form=form, title=_("Change the plan"), save=save, done=_("Plan saved."))


@login_required
@require_http_methods(["GET", "POST"])
def add_section(request, slug, pk):
    plan = get_plan_for(request, slug, pk, MANAGE)
    form = SectionForm(posted(request), submit=_("Add the section"))

    def save(form):
        services.add_section(plan=plan, **form.cleaned_data)
        return plan_url(plan)

    return plan_form_page(request, plan=plan, form=form, title=_("Add a section"), save=save, done=_("Section added."))


@login_required
@require_http_methods(["GET", "POST"])
def change_section(request, slug, pk, section_pk):
    section = get_section_for(request, slug, pk, section_pk, MANAGE)
    form = SectionForm(posted(request), initial={"code": section.code, "title": section.title}, submit=_("Save"))

    def save(form):
        services.update_section(section=section, **form.cleaned_data)
        return plan_url(section.plan)

    return plan_form_page(
        request,
        plan=section.plan,
        form=form,
        title=_("Change section %(section)s") % {"section": section},
        save=save,
        done=_("Section saved."),
    )


def _dated(fields: dict) -> dict:
    """The action's columns with the date its "by when" words give, as the importer reads them."""
    due = read_due(fields.get("due_text", ""))
    return {**fields, "due": due.due, "is_ongoing": due.is_ongoing, "due_needs_checking": due.needs_checking}


@login_required
@require_http_methods(["GET", "POST"])
def add_action(request, slug, pk):
    plan = get_plan_for(request, slug, pk, MANAGE)
    form = ActionForm(posted(request), plan=plan, submit=_("Add the action"))

    def save(form):
        services.add_action(plan=plan, **_dated(form.cleaned_data))
        return plan_url(plan)

    return plan_form_page(request, plan=plan, form=form, title=_("Add an action"), save=save, done=_("Action added."))


@login_required
@require_http_methods(["GET", "POST"])
def change_action(request, slug, pk, action_pk):
    action = get_action_for(request, slug, pk, action_pk, MANAGE)
    initial = {name: getattr(action, name) for name in ActionForm.base_fields}
    form = ActionForm(posted(request), plan=action.plan, initial=initial, submit=_("Save the action"))

    def save(form):
        changes = form.cleaned_data
        if changes["due_text"].strip() != action.due_text:
            changes = _dated(changes)  # new words, so the date they give
        services.update_action(action=action, **changes)
        return plan_url(action.plan)

    return plan_form_page(
        request,
        plan=action.plan,
        form=form,
        title=_("Change action %(action)s") % {"action": action},
        save=save,
        done=_("Action saved."),
    )


@login_required
@require_http_methods(["GET", "POST"])
def set_due(request, slug, pk, action_pk):
    action = get_action_for(request, slug, pk, action_pk, MANAGE)
    initial = {"due": action.due, "is_ongoing": action.is_ongoing, "due_text": action.due_text}
    form = ActionDueForm(posted(request), initial=initial, submit=_("Set the date"))

    def save(form):
        services.set_action_due(action=action, **form.cleaned_data)
        return plan_url(action.plan)

    return plan_form_page(
        request,
        plan=action.plan,
        form=form,
        title=_("Set the date of action %(action)s") % {"action": action},
        save=save,
        done=_("Date set."),
        context={
            "intro": _("By when, as written: %(words)s") % {"words": action.due_text} if action.due_text else None
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def add_milestone(request, slug, pk, action_pk):
    action = get_action_for(request, slug, pk, action_pk, MANAGE)
    form = MilestoneForm(posted(request), submit=_("Add the milestone"))

    def save(form):
        services.add_milestone(action=action, **form.cleaned_data)
        return plan_url(action.plan)

    return plan_form_page(
        request,
        plan=action.plan,
        form=form,
        title=_("Add a milestone to action %(action)s") % {"action": action},
        save=save,
        done=_("Milestone added."),
    )


@login_required
@require_http_methods(["GET", "POST"])
def change_milestone(request, slug, pk, milestone_pk):
    milestone = get_milestone_for(request, slug, pk, milestone_pk, MANAGE)
    initial = {name: getattr(milestone, name) for name in MilestoneForm.base_fields}
    form = MilestoneForm(posted(request), initial=initial, submit=_("Save the milestone"))

    def save(form):
        services.update_milestone(milestone=milestone, **form.cleaned_data)
        return plan_url(milestone.action.plan)

    return plan_form_page(
        request,
        plan=milestone.action.plan,
        form=form,
        title=_("Change milestone %(milestone)s") % {"milestone": milestone},
        save=save,
        done=_("Milestone saved."),
    )
