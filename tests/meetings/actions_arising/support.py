"""What the actions-arising tests share (no tests of its own): a held board meeting with a
decision on it, the partnership's action plan, the next meeting whose agenda carries matters
arising, and the pages' addresses."""

import datetime

from django.urls import reverse

from meetings import services
from tests.actionplans.factories import ActionFactory, ActionPlanFactory, MilestoneFactory
from tests.meetings.test_views_record_support import all_present, seat_board

NEXT_MEETING_DAY = datetime.date(2027, 7, 20)
PROTOCOL = "Agree an information-sharing protocol between the partners."


ITEM = "Information sharing"


def held_with_board(meeting, partnership, count: int = 6) -> list:
    """The meeting, with an item for decision put on its agenda beforehand, held with `count`
    members present (the quorum is 5)."""
    services.add_agenda_item(meeting=meeting, title=ITEM, purpose="decision")
    board = seat_board(partnership, count)
    all_present(meeting, board)
    return board


def decide(meeting, text: str = PROTOCOL, **vote):
    """A decision on the meeting's item for decision (held_with_board put it there)."""
    item = meeting.agenda_items.get(title=ITEM)
    return services.record_decision(agenda_item=item, text=text, **vote)


def plan_of(partnership, title: str = "Partnership action plan 2027"):
    return ActionPlanFactory(partnership=partnership, title=title)


def action_on(plan, *, milestones: tuple[str, ...] = (), **fields):
    """An action with milestones at the given statuses."""
    action = ActionFactory(plan=plan, **fields)
    for status in milestones:
        MilestoneFactory(action=action, status=status, completed_on=None)
    return action


def next_meeting(partnership):
    return services.schedule_meeting(
        partnership=partnership, title="Board meeting", date=NEXT_MEETING_DAY, start_time=datetime.time(14)
    )


def arising_url(name: str, decision, **kwargs) -> str:
    return reverse(
        f"actions_arising:{name}", kwargs={"slug": decision.partnership.slug, "decision_pk": decision.pk, **kwargs}
    )
