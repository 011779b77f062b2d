"""What users do to an action plan, one function each (CONVENTIONS.md). Pages, the API and the
importer all call these; none repeats a rule."""

from .actions import add_action, remove_action, set_action_due, update_action
from .dates_check import set_action_dues
from .milestones import add_milestone, record_progress, update_milestone
from .owners import link_owner
from .plans import (
    add_section,
    create_plan,
    move_section,
    move_section_one_place,
    reorder_sections,
    update_plan,
    update_section,
)
from .publication import publish_plan, withdraw_plan

__all__ = [
    "add_action",
    "add_milestone",
    "add_section",
    "create_plan",
    "link_owner",
    "move_section",
    "move_section_one_place",
    "publish_plan",
    "record_progress",
    "remove_action",
    "reorder_sections",
    "set_action_due",
    "set_action_dues",
    "update_action",
    "update_milestone",
    "update_plan",
    "update_section",
    "withdraw_plan",
]
