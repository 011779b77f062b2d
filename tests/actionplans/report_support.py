"""A plan whose quarter 2027Q1 is lived through day by day, its milestones changed through the
services on the days they changed, so their history rows carry those days."""

import datetime
from zoneinfo import ZoneInfo

import time_machine

from actionplans import services
from actionplans.models import MilestoneStatus

LONDON = ZoneInfo("Europe/London")
PLAN_TITLE = "Community safety action plan 2026 to 2029"
PROGRESS_TEXT = "Protocol drafted and shared with every partner agency."
EVIDENCE = "Draft protocol, version 1, circulated 20 January"


def on(day: datetime.date):
    """Travel to 10:00 on `day`, London time (the clock stands still there)."""
    return time_machine.travel(datetime.datetime.combine(day, datetime.time(10), tzinfo=LONDON), tick=False)


def live_through_the_quarter(partnership, secretariat):
    """Set up on 1 December 2026; in 2027Q1 the plan goes amber on 10 January (a milestone at
    risk), green on 25 January, amber on 1 March (the action's date passes with a milestone not
    done) and red on 16 March (that milestone is overdue)."""
    with on(datetime.date(2026, 12, 1)):
        plan = services.create_plan(partnership=partnership, title=PLAN_TITLE)
        section = services.add_section(plan=plan, code="B", title="Relationships")
        action = services.add_action(
            plan=plan,
            section=section,
            reference="(a)",
            title="Clarify roles and responsibilities of partners",
            due=datetime.date(2027, 2, 28),
        )
        drafted = services.add_milestone(
            action=action, title="Protocol drafted", due=datetime.date(2027, 1, 31), status=MilestoneStatus.ON_TRACK
        )
        agreed = services.add_milestone(action=action, title="Protocol agreed", due=datetime.date(2027, 3, 15))
        training = services.add_milestone(
            action=action, title="Training delivered", due=datetime.date(2027, 6, 30), status=MilestoneStatus.ON_TRACK
        )
    with on(datetime.date(2027, 1, 10)):
        services.update_milestone(milestone=training, status=MilestoneStatus.AT_RISK)
    with on(datetime.date(2027, 1, 20)):
        services.record_progress(
            action=action,
            milestone=drafted,
            status=MilestoneStatus.DONE,
            text=PROGRESS_TEXT,
            evidence=EVIDENCE,
            reported_on=datetime.date(2027, 1, 20),
            by=secretariat,
        )
    with on(datetime.date(2027, 1, 25)):
        services.update_milestone(milestone=training, status=MilestoneStatus.ON_TRACK)
    return plan, section, action, {"drafted": drafted, "agreed": agreed, "training": training}
