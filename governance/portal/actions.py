"""My actions and their milestones: the open actions I own, each with its next milestone and
any overdue ones, as the "My actions" page reads them (actionplans.selectors)."""

import datetime
from dataclasses import dataclass

from actionplans.models import Action, Milestone, MilestoneStatus
from actionplans.progress import open_filter
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
        statuses = [(milestone, milestone.status_on(today)) for milestone in action.milestones.all()]
        overdue = [milestone for milestone, status in statuses if status == MilestoneStatus.OVERDUE]
        coming = [
            milestone for milestone, status in statuses if status != MilestoneStatus.DONE and milestone not in overdue
        ]
        rows.append(OwnedAction(action=action, overdue=overdue, next_milestone=coming[0] if coming else None))
    return rows
