"""Rows the portal tests share: a Warwickshire with coming meetings (one with its agenda out and
papers to read), a held meeting whose draft minutes await the chair, decisions in writing, an
action the member owns, interests declared and notifications; `volume` repeats the rows that a
real partnership has many of. The clock stands at Wednesday 25 November 2026."""

import datetime

from django.utils import timezone

from actionplans.models import Action, ActionPlan, Milestone
from meetings.models import (
    Declaration,
    InterestKind,
    Minutes,
    Paper,
    ProposalStatus,
    WrittenProposal,
)
from partnership.models import Member, Notification, NotificationStatus
from tests.factories import AgendaItemFactory, MeetingFactory
from tests.governance.compliance_support import at

TODAY = datetime.date(2026, 11, 25)
# Its agenda is due today (5 working days before): the secretariat's reminder is out.
AGENDA_DUE_TODAY = datetime.date(2026, 12, 2)
# Held on Thursday 12 November: minutes due Thursday 26 November, reminder out since Monday.
HELD = datetime.date(2026, 11, 12)


def seat_of(user) -> Member:
    return Member.objects.get(person__user=user)


def circulated_meeting(partnership, day, *, papers: int = 1, title="Board meeting"):
    meeting = MeetingFactory(
        partnership=partnership,
        date=day,
        title=title,
        status="agenda_circulated",
        agenda_circulated_at=at(TODAY - datetime.timedelta(days=1)),
    )
    for number in range(papers):
        item = AgendaItemFactory(meeting=meeting, position=number + 1, title=f"Item {number + 1}")
        Paper.objects.create(agenda_item=item, title=f"Paper {number + 1} for {title}")
    return meeting


def proposal(partnership, *, title, respond_by, by=None):
    return WrittenProposal.objects.create(
        partnership=partnership,
        title=title,
        proposal="Agree it.",
        why_now="It cannot wait.",
        respond_by=respond_by,
        status=ProposalStatus.OPEN,
        opened_at=timezone.now() - datetime.timedelta(days=10),
        opened_by=by,
    )


def owned_action(member_seat, *, title, plan_title="Community safety plan"):
    plan, _ = ActionPlan.objects.get_or_create(partnership=member_seat.partnership, title=plan_title)
    action = Action.objects.create(plan=plan, position=plan.actions.count() + 1, title=title, owner_member=member_seat)
    Milestone.objects.create(action=action, title=f"{title}: first step", due=TODAY - datetime.timedelta(days=3))
    Milestone.objects.create(action=action, title=f"{title}: second step", due=TODAY + datetime.timedelta(days=30))
    return action


def notification(partnership, *, user=None, status=NotificationStatus.SENT, subject="A reminder", n=0):
    return Notification.objects.create(
        partnership=partnership,
        kind="test",
        about=f"test:{n}",
        occasion=f"{subject}-{n}-{status}",
        recipient_email=f"someone{n}@example.org",
        user=user,
        subject=subject,
        body_text="Text",
        body_html="<p>Text</p>",
        link="https://example.org/",
        status=status,
        created_at=timezone.now() - datetime.timedelta(hours=n),
    )


def scene(partnership, *, secretariat, chair, member, volume: int = 1):
    """Everything waiting on each of the cast, `volume` times over where a board has many."""
    member_seat = seat_of(member)
    for number in range(volume):
        coming = circulated_meeting(
            partnership, TODAY + datetime.timedelta(days=14 + number), papers=3, title=f"Board meeting {number}"
        )
        item = coming.agenda_items.first()
        Declaration.objects.create(
            meeting=coming, agenda_item=item, member=member_seat, kind=InterestKind.PERSONAL, nature="A governor."
        )
        owned_action(member_seat, title=f"Reduce reoffending {number}")
        proposal(partnership, title=f"Adopt the strategy {number}", respond_by=TODAY + datetime.timedelta(days=5))
        proposal(partnership, title=f"Fund the project {number}", respond_by=TODAY - datetime.timedelta(days=1))
        notification(partnership, user=member, subject=f"Agenda out {number}", n=number)
        notification(partnership, status=NotificationStatus.FAILED, n=number)
        late = MeetingFactory(
            partnership=partnership, date=AGENDA_DUE_TODAY + datetime.timedelta(days=number), title=f"Extra {number}"
        )
        AgendaItemFactory(meeting=late, position=1, title=f"Late item {number}", is_late=True, late_reason="Urgent.")
        held = MeetingFactory(partnership=partnership, date=HELD - datetime.timedelta(days=number), status="held")
        Minutes.objects.create(meeting=held)
    return member_seat
