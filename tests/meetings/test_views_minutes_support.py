"""What the minutes tests share (no tests here): a board meeting on Tuesday 15 June 2027 with
an open item and a confidential one, held with six members present, the chair in the chair;
its vice chair, who did not chair it; and the next meeting, on Tuesday 20 July 2027, with its
"Minutes of the last meeting" item. Minutes of the June meeting are due on Tuesday 29 June."""

import datetime
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse
from django.utils import timezone

from meetings import services
from meetings.models import AgendaItem, Meeting, Minutes
from partnership.models import Member, OfficeRole
from tests.factories import MemberFactory, NominatingBodyFactory, OfficeFactory, PersonFactory, UserFactory

LONDON = ZoneInfo("Europe/London")
MEETING_DAY = datetime.date(2027, 6, 15)
MINUTES_DUE = datetime.date(2027, 6, 29)
NEXT_MEETING_DAY = datetime.date(2027, 7, 20)
OPEN_TITLE = "Partnership plan 2027 to 2030"
SECRET_TITLE = "Domestic homicide review: the Oak Road family"
SECRET_MINUTE = "The review panel heard from the family liaison officer."
SECRET_DECISION = "Refer the review to the Home Office quality panel"


def at(day: datetime.date, hour: int = 10) -> datetime.datetime:
    return datetime.datetime.combine(day, datetime.time(hour), tzinfo=LONDON)


def minutes_url(meeting: Meeting, name: str = "minutes", **extra) -> str:
    return reverse(f"minutes:{name}", kwargs={"slug": meeting.partnership.slug, "pk": meeting.pk, **extra})


def reload(minutes: Minutes) -> Minutes:
    return Minutes.objects.get(pk=minutes.pk)


@pytest.fixture
def vice_chair(warwickshire, cdrp_chairs):
    """The vice chair, of another body than the chair's; present, but not in the chair."""
    user = UserFactory(username="vic.vice")
    person = PersonFactory(name="Vic Vice", email="vic.vice@example.org", user=user)
    member = MemberFactory(nominating_body=cdrp_chairs, person=person)
    OfficeFactory(
        member=member, role=OfficeRole.VICE_CHAIR, starts_on=timezone.localdate() - datetime.timedelta(days=100)
    )
    return user


@pytest.fixture
def agenda(meeting):
    """The June agenda: the standing items, an open item for decision and a confidential one."""
    plan = services.add_agenda_item(meeting=meeting, title=OPEN_TITLE, purpose="decision")
    review = services.add_agenda_item(
        meeting=meeting, title=SECRET_TITLE, purpose="decision", is_confidential=True, confidential_reason="personal"
    )
    return plan, review


def record_everyone_present(meeting: Meeting) -> Meeting:
    """Every member of the partnership present: the chair in the chair, and a quorum."""
    for seat in Member.objects.filter(partnership=meeting.partnership_id):
        services.record_attendance(meeting=meeting, member=seat, status="present")
    return Meeting.objects.get(pk=meeting.pk)


@pytest.fixture
def held(agenda, chair, member, vice_chair, warwickshire, after_the_meeting):
    """The meeting held: the chair, the vice chair, the member and three more present."""
    for n in range(3):
        MemberFactory(nominating_body=NominatingBodyFactory(partnership=warwickshire, name=f"Agency {n}"))
    return record_everyone_present(after_the_meeting)


@pytest.fixture
def started(held) -> Minutes:
    return services.start_minutes(meeting=held)


def write(minutes: Minutes, title: str, html: str) -> None:
    minute = minutes.items.get(agenda_item__title=title)
    services.write_minute(minute=minute, discussion=html)


@pytest.fixture
def approved(started, chair, agenda) -> Minutes:
    """Drafted (the confidential item minuted and decided too) and approved by the chair."""
    plan, review = agenda
    write(started, OPEN_TITLE, "<p>The board discussed the plan.</p>")
    write(started, SECRET_TITLE, f"<p>{SECRET_MINUTE}</p>")
    services.record_decision(agenda_item=plan, text="Adopt the partnership plan")
    services.record_decision(agenda_item=review, text=SECRET_DECISION)
    return services.approve_minutes(minutes=started, by=chair)


@pytest.fixture
def circulated(approved, secretariat) -> Minutes:
    return services.circulate_minutes(minutes=approved, by=secretariat)


CORRECTION = "The board asked for the plan to name a lead agency for each priority."


@pytest.fixture
def being_corrected(circulated) -> Minutes:
    """Circulated as version 1, then returned to draft and the open item's minute corrected."""
    services.return_minutes_to_draft(minutes=circulated)
    write(circulated, OPEN_TITLE, f"<p>The board discussed the plan.</p><p>{CORRECTION}</p>")
    return reload(circulated)


@pytest.fixture
def next_meeting(warwickshire) -> Meeting:
    return services.schedule_meeting(
        partnership=warwickshire, title="Board meeting", date=NEXT_MEETING_DAY, start_time=datetime.time(14)
    )


@pytest.fixture
def after_the_next_meeting(time_machine, next_meeting, chair):
    """The evening of the next meeting, its attendance recorded: it can confirm the minutes."""
    time_machine.move_to(at(NEXT_MEETING_DAY, 17), tick=True)
    return record_everyone_present(next_meeting)


def confirm_at_the_next_meeting(minutes: Minutes, next_meeting: Meeting, by, time_machine) -> Minutes:
    """The clock moved to the evening of the next meeting, which is recorded as held and confirms them."""
    time_machine.move_to(at(NEXT_MEETING_DAY, 17), tick=True)
    return services.confirm_minutes(minutes=minutes, at_meeting=record_everyone_present(next_meeting), by=by)


@pytest.fixture
def large_record(started, agenda, warwickshire):
    """17 members present, 10 more items (16 in all), 30 decisions and a declaration on every item."""
    meeting = started.meeting
    for n in range(11):
        MemberFactory(nominating_body=NominatingBodyFactory(partnership=warwickshire, name=f"Service {n}"))
    seats = list(Member.objects.filter(partnership=warwickshire).select_related("person"))
    for seat in seats:
        services.record_attendance(meeting=meeting, member=seat, status="present")
    for n in range(10):
        AgendaItem.objects.create(meeting=meeting, position=10 + n, title=f"Performance report {n}")
    services.start_minutes(meeting=meeting)
    items = list(AgendaItem.objects.filter(meeting=meeting))
    for n in range(30):
        services.record_decision(agenda_item=items[n % len(items)], text=f"Decision {n}")
    for item, seat in zip(items, seats, strict=False):
        services.declare_interest(agenda_item=item, member=seat, kind="personal", nature="A relative works there")
    for minute in started.items.all():
        services.write_minute(minute=minute, discussion=f"<p>Discussed item {minute.agenda_item_id} at length.</p>")
    return started
