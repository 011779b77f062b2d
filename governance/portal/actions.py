"""My actions and their milestones: the open actions I own, each with its next milestone and
any overdue ones, as the "My actions" page reads them (actionplans.selectors and
actionplans.progress.milestone_outlook)."""

import datetime
from dataclasses import dataclass

from actionplans.models import Action, Milestone
from actionplans.progress import milestone_outlook, open_filter
from actionplans.selectors import actions_owned_by


@dataclass(frozen=True)
class OwnedAction:
    action: Action
    overdue: list[Milestone]
    next_milestone: Milestone | None


def open_actions_of(user, today: datetime.date) -> list[OwnedAction]:
    """Two queries: the open actions the user owns, and their milestones."""
    rows = []
    for action in actions_owned_by(user).filter(open_filter()):
        outlook = milestone_outlook(action, today)
        rows.append(OwnedAction(action=action, overdue=outlook.overdue, next_milestone=outlook.next_milestone))
    return rows
