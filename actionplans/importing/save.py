"""Saving what a preview showed, all of it or nothing."""

import datetime
from dataclasses import dataclass

from django.db.models import Max
from django.utils import timezone
from simple_history.utils import bulk_create_with_history

from partnership.services.common import rule_service

from ..models import Action, ActionPlan, Milestone, MilestoneStatus, Section
from .owners import match_owners
from .preview import ImportPreview


@dataclass(frozen=True)
class ImportResult:
    created: int  # actions
    flagged: int  # actions whose date the secretariat should set
    sections: int = 0
    milestones: int = 0
    linked: int = 0  # actions whose owner was linked to a member or a nominating body


@rule_service
def import_plan(
    plan: ActionPlan, preview: ImportPreview, *, by=None, today: datetime.date | None = None
) -> ImportResult:
    """Create the preview's sections, actions and their milestones under the plan, after what it
    already has, with `by` recorded in their history; an owner naming one current member or
    nominating body of the partnership is linked to it. The caller has checked that `by` may
    change the plan."""
    today = today or timezone.localdate()
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
    owners = match_owners(plan.partnership_id, preview.owners, today)
    actions = []
    for index, action in enumerate(preview.actions):
        owner = owners.get(action.values.get("owner", ""))
        actions.append(
            Action(
                plan=plan,
                section=sections[action.section] if action.section is not None else None,
                position=next_action + index,
                **action.values,
                owner_member=owner.member if owner else None,
                owner_body=owner.body if owner else None,
                due=action.due.due,
                is_ongoing=action.due.is_ongoing,
                due_needs_checking=action.due.needs_checking,
            )
        )
    actions = bulk_create_with_history(actions, Action, default_user=by)
    milestones = bulk_create_with_history(
        [
            Milestone(
                action=saved,
                title=previewed.milestone.title,
                due=previewed.milestone.due,
                status=MilestoneStatus.NOT_STARTED,
            )
            for saved, previewed in zip(actions, preview.actions, strict=True)
            if previewed.milestone is not None
        ],
        Milestone,
        default_user=by,
    )
    return ImportResult(
        created=len(preview.actions),
        flagged=len(preview.flagged),
        sections=len(sections),
        milestones=len(milestones),
        linked=sum(1 for action in actions if action.owner_member_id or action.owner_body_id),
    )
