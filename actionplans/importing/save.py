"""Saving what a preview showed, all of it or nothing."""

from dataclasses import dataclass

from django.db.models import Max
from simple_history.utils import bulk_create_with_history

from partnership.services.common import rule_service

from ..models import Action, ActionPlan, Section
from .preview import ImportPreview


@dataclass(frozen=True)
class ImportResult:
    created: int  # actions
    flagged: int  # actions whose date the secretariat should set
    sections: int = 0


@rule_service
def import_plan(plan: ActionPlan, preview: ImportPreview, *, by=None) -> ImportResult:
    """Create the preview's sections and actions under the plan, after what it already has,
    with `by` recorded in their history. The caller has checked that `by` may change the plan."""
    plan = ActionPlan.objects.select_for_update().get(pk=plan.pk)  # two imports at once keep their order
    next_section = (plan.sections.aggregate(last=Max("position"))["last"] or 0) + 1
    next_action = (plan.actions.aggregate(last=Max("position"))["last"] or 0) + 1
    sections = bulk_create_with_history(
        [
            Section(plan=plan, position=next_section + index, code=section.code, title=section.title)
            for index, section in enumerate(preview.sections)
        ],
        Section,
        default_user=by,
    )
    actions = [
        Action(
            plan=plan,
            section=sections[action.section] if action.section is not None else None,
            position=next_action + index,
            **action.values,
            due=action.due.due,
            is_ongoing=action.due.is_ongoing,
            due_needs_checking=action.due.needs_checking,
        )
        for index, action in enumerate(preview.actions)
    ]
    bulk_create_with_history(actions, Action, default_user=by)
    return ImportResult(created=len(preview.actions), flagged=len(preview.flagged), sections=len(sections))
