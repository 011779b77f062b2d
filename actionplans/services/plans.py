"""Plans and their sections: creating, renaming, putting the sections in order."""

import datetime

from django.utils.translation import gettext as _
from simple_history.utils import bulk_update_with_history

from partnership.errors import RuleBroken
from partnership.models import Partnership
from partnership.services.common import check_date, required_text, rule_service

from ..models import ActionPlan, Section
from .common import check_fields
from .publication import announce_plan_change_on_commit

PLAN_FIELDS = ("title", "description", "starts_on", "ends_on")
SECTION_FIELDS = ("title", "code")


def _check_plan(
    partnership: Partnership, title: str, starts_on: datetime.date | None, ends_on: datetime.date | None, *, plan=None
) -> None:
    check_date(starts_on, field="starts_on")
    check_date(ends_on, field="ends_on")
    if starts_on is not None and ends_on is not None and ends_on < starts_on:
        raise RuleBroken(_("The plan must end on or after the day it starts."), field="ends_on")
    same_title = ActionPlan.objects.filter(partnership=partnership, title__iexact=title)
    if plan is not None:
        same_title = same_title.exclude(pk=plan.pk)
    if same_title.exists():
        raise RuleBroken(
            _("The partnership already has an action plan called “%(title)s”.") % {"title": title}, field="title"
        )


@rule_service
def create_plan(
    *,
    partnership: Partnership,
    title: str,
    description: str = "",
    starts_on: datetime.date | None = None,
    ends_on: datetime.date | None = None,
) -> ActionPlan:
    """A new, empty action plan of the partnership; its title is its own within the partnership."""
    title = required_text(title, field="title", message=_("Give the plan a title."))
    _check_plan(partnership, title, starts_on, ends_on)
    return ActionPlan.objects.create(
        partnership=partnership, title=title, description=description, starts_on=starts_on, ends_on=ends_on
    )


@rule_service
def update_plan(*, plan: ActionPlan, **changes) -> ActionPlan:
    check_fields(changes, PLAN_FIELDS, "plan")
    plan = ActionPlan.objects.select_for_update().get(pk=plan.pk)
    if "title" in changes:
        changes["title"] = required_text(changes["title"], field="title", message=_("Give the plan a title."))
    for name, value in changes.items():
        setattr(plan, name, value)
    _check_plan(plan.partnership, plan.title, plan.starts_on, plan.ends_on, plan=plan)
    plan.save()
    announce_plan_change_on_commit(plan)
    return plan


def _locked_sections(plan: ActionPlan) -> list[Section]:
    """The plan's sections in order, locked so two people reordering cannot interleave. The
    plan's summary changes with them: the public hears of it once saved."""
    announce_plan_change_on_commit(ActionPlan.objects.select_for_update().get(pk=plan.pk))
    return list(Section.objects.select_for_update().filter(plan=plan).order_by("position", "pk"))


def _renumber(sections: list[Section]) -> None:
    for position, section in enumerate(sections, start=1):
        section.position = position
    bulk_update_with_history(sections, Section, ["position"])  # each section keeps its history


def _check_position(position: int | None, count: int) -> None:
    if position is not None and not 1 <= position <= count:
        raise RuleBroken(_("Give a position from 1 to %(count)s.") % {"count": count}, field="position")


@rule_service
def add_section(*, plan: ActionPlan, title: str, code: str = "", position: int | None = None) -> Section:
    """A section at the end of the plan, or at `position` (1 is first), the others moving down."""
    title = required_text(title, field="title", message=_("Give the section a title."))
    sections = _locked_sections(plan)
    _check_position(position, len(sections) + 1)
    section = Section.objects.create(plan=plan, title=title, code=code.strip(), position=len(sections) + 1)
    if position is not None:
        sections.insert(position - 1, section)
        _renumber(sections)
    return section


@rule_service
def update_section(*, section: Section, **changes) -> Section:
    check_fields(changes, SECTION_FIELDS, "section")
    section = Section.objects.select_for_update(of=("self",)).select_related("plan").get(pk=section.pk)
    if "title" in changes:
        changes["title"] = required_text(changes["title"], field="title", message=_("Give the section a title."))
    if "code" in changes:
        changes["code"] = (changes["code"] or "").strip()
    for name, value in changes.items():
        setattr(section, name, value)
    section.save()
    announce_plan_change_on_commit(section.plan)
    return section


@rule_service
def move_section(*, section: Section, position: int) -> Section:
    """Move one section to `position` (1 is first); the others close up around it."""
    sections = _locked_sections(section.plan)
    _check_position(position, len(sections))
    moving = next(s for s in sections if s.pk == section.pk)
    sections.remove(moving)
    sections.insert(position - 1, moving)
    _renumber(sections)
    return moving


@rule_service
def reorder_sections(*, plan: ActionPlan, order: list[int]) -> list[Section]:
    """Put all the plan's sections in the order of `order`, a list of their ids."""
    sections = _locked_sections(plan)
    by_id = {s.pk: s for s in sections}
    if len(order) != len(set(order)) or set(order) != set(by_id):
        raise RuleBroken(_("List each of the plan's sections exactly once."), field="order")
    ordered = [by_id[pk] for pk in order]
    _renumber(ordered)
    return ordered


@rule_service
def move_section_one_place(*, section: Section, up: bool) -> Section:
    """The plan page's "Move up" and "Move down": one place towards the start or the end."""
    sections = _locked_sections(section.plan)
    index = [s.pk for s in sections].index(section.pk)
    if up and index == 0:
        raise RuleBroken(
            _("“%(section)s” is already the first section of the plan.") % {"section": section}, field="position"
        )
    if not up and index == len(sections) - 1:
        raise RuleBroken(
            _("“%(section)s” is already the last section of the plan.") % {"section": section}, field="position"
        )
    return move_section(section=section, position=index if up else index + 2)
