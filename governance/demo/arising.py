"""Actions arising from the demo's decisions: the first meeting asked for district figures in
the next performance report, so an action on the partnership plan arises from its decision and
waits, open, under Matters arising at the meetings since."""

import datetime

from actionplans import services as plan_services
from actionplans.models import ActionPlan
from meetings import services
from meetings.models import Decision

from .plans import dated

DISTRICT_FIGURES = "Add district crime figures to the quarterly performance report, as Rugby asked."


def load(partnership, today: datetime.date, *, members: dict, secretariat) -> None:
    decision = Decision.objects.filter(partnership=partnership, agenda_item__isnull=False).order_by("number").first()
    plan = ActionPlan.objects.get(partnership=partnership, title__startswith="Partnership plan")
    with dated(decision.decided_on + datetime.timedelta(days=3)):
        action = services.add_action_arising(
            decision=decision,
            plan=plan,
            title=DISTRICT_FIGURES,
            owner_member=members["Ch Supt Mark Dunn"],
            due=today + datetime.timedelta(days=35),
            by=secretariat,
            today=decision.decided_on,
        )
        plan_services.add_milestone(
            action=action, title="District figures agreed with the district partnerships", due=action.due
        )
