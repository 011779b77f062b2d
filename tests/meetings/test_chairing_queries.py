"""The chairing rules asked of many meetings at once ("waiting on me") give the same answers as
the rules asked of one meeting (the permissions): whoever chairs a coming meeting agrees its
agenda and accepts its late items; only whoever chaired a held meeting approves its minutes."""

import datetime

import pytest
from django.contrib.auth.models import AnonymousUser
from django.utils import timezone

from meetings.chairing import (
    agendas_awaiting_chair,
    chaired_by_user,
    late_items_awaiting_chair,
    minutes_awaiting_approval_by,
)
from meetings.models import Meeting, Minutes, MinutesStatus
from meetings.rules import chairs_the_meeting
from partnership.models import Member, Office, OfficeRole
from tests.factories import AgendaItemFactory, MeetingFactory, OfficeFactory

pytestmark = pytest.mark.django_db
TODAY = datetime.date(2026, 11, 25)


def seat(user) -> Member:
    return Member.objects.get(person__user=user)


@pytest.fixture
def meetings(warwickshire, chair, member, other_partnership):
    """Coming and held meetings, chaired by the chair or by the member presiding in her absence;
    one held before the chair took office, one of another partnership."""
    Office.objects.filter(member=seat(chair)).update(starts_on=datetime.date(2026, 9, 1))
    OfficeFactory(member=seat(member), role=OfficeRole.VICE_CHAIR, starts_on=datetime.date(2026, 9, 1))
    day = datetime.timedelta(days=1)
    coming = [
        MeetingFactory(partnership=warwickshire, date=TODAY + 10 * day, title="Chaired by the chair"),
        MeetingFactory(
            partnership=warwickshire, date=TODAY + 20 * day, title="Presided", presiding_member=seat(member)
        ),
        MeetingFactory(partnership=warwickshire, date=TODAY, title="Today"),
        MeetingFactory(
            partnership=warwickshire, date=TODAY + 30 * day, title="Agreed", agenda_agreed_at=timezone.now()
        ),
        MeetingFactory(partnership=other_partnership, date=TODAY + 10 * day, title="Elsewhere"),
    ]
    held = [
        MeetingFactory(partnership=warwickshire, date=TODAY - 10 * day, status="held", title="Held"),
        MeetingFactory(
            partnership=warwickshire,
            date=TODAY - 20 * day,
            status="held",
            title="Held, presided",
            presiding_member=seat(member),
        ),
        MeetingFactory(partnership=warwickshire, date=datetime.date(2026, 8, 20), status="held", title="Before"),
        MeetingFactory(partnership=other_partnership, date=TODAY - 10 * day, status="held", title="Held elsewhere"),
    ]
    for meeting in coming:
        AgendaItemFactory(
            meeting=meeting, position=1, title=f"Late for {meeting.title}", is_late=True, late_reason="Urgent."
        )
    for meeting in held:
        Minutes.objects.create(meeting=meeting)
    approved = MeetingFactory(partnership=warwickshire, date=TODAY - 5 * day, status="held", title="Approved")
    Minutes.objects.create(meeting=approved, status=MinutesStatus.APPROVED, approved_at=timezone.now())
    return coming, held


@pytest.mark.parametrize("who", ["chair", "member", "secretariat", "outsider"])
def test_the_queries_agree_with_the_rules_on_each_meeting(meetings, request, who):
    user = request.getfixturevalue(who)
    coming, held = meetings

    agendas = set(agendas_awaiting_chair(user, TODAY))
    late_items = {item.meeting for item in late_items_awaiting_chair(user, TODAY)}
    drafts = {minutes.meeting for minutes in minutes_awaiting_approval_by(user, TODAY)}

    chaired = {meeting for meeting in coming if chairs_the_meeting(user, meeting)}
    assert late_items == chaired
    assert agendas == {meeting for meeting in chaired if meeting.agenda_agreed_at is None}
    assert drafts == {meeting for meeting in held if chaired_by_user(Meeting.objects.get(pk=meeting.pk), user)}


def test_who_waits_on_what(meetings, chair, member):
    titles = lambda rows: sorted(row.title for row in rows)  # noqa: E731
    assert titles(agendas_awaiting_chair(chair, TODAY)) == ["Chaired by the chair", "Presided", "Today"]
    assert titles(agendas_awaiting_chair(member, TODAY)) == ["Presided"]
    assert titles(m.meeting for m in minutes_awaiting_approval_by(chair, TODAY)) == ["Held"]
    assert titles(m.meeting for m in minutes_awaiting_approval_by(member, TODAY)) == ["Held, presided"]


def test_a_visitor_signed_out_chairs_nothing(meetings):
    visitor = AnonymousUser()
    assert not agendas_awaiting_chair(visitor, TODAY).exists()
    assert not late_items_awaiting_chair(visitor, TODAY).exists()
    assert not minutes_awaiting_approval_by(visitor, TODAY).exists()
