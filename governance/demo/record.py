"""The demo's past: three board meetings already held, so every step of a meeting's record can
be seen or tried at once.

- the public board meeting about ten weeks ago: recorded, minutes approved, circulated on time,
  confirmed at the next meeting and published (the public reads the summary, without the
  confidential item);
- the public board meeting about four weeks ago: recorded (a substitute, a guest, a
  prejudicial interest, a vote), minutes approved and circulated late, waiting to be confirmed;
- the board meeting last week: held, agenda out, nothing recorded yet, to try the record and
  the minutes on, and to confirm the previous minutes at.

Everything goes through the services a secretary and a chair use. A meeting whose agenda went
out before it was held is built as it really was: scheduled ahead, agenda agreed and
circulated on the days it would have been, then its date set, which the services allow until
a meeting is held."""

import datetime
from zoneinfo import ZoneInfo

from django.conf import settings

from meetings import services
from meetings.models import Meeting

from .papers import add_papers

FAR_AHEAD = datetime.timedelta(days=400)
ITEMS = [
    ("Quarterly performance report to the Public Service Board", "decision", "Performance Manager"),
    ("Drug and Alcohol Action Team: treatment plan", "decision", "DAAT Commissioning Manager"),
    ("Anti-social behaviour in town centres", "discussion", "Head of Community Safety"),
]
CONFIDENTIAL = ("Domestic homicide review: action plan", "information", "Domestic Abuse Partnership Manager")
GUESTS = [
    ("Priya Nair", "Warwickshire County Council", "officer"),
    ("Alan Brooks", "Government Office for the West Midlands", "block_lead"),
]


def at(day: datetime.date, hour: int = 10) -> datetime.datetime:
    return datetime.datetime.combine(day, datetime.time(hour), tzinfo=ZoneInfo(settings.TIME_ZONE))


def tuesday_before(day: datetime.date, days: int) -> datetime.date:
    day -= datetime.timedelta(days=days)
    return day - datetime.timedelta(days=(day.weekday() - 1) % 7)


def held_meeting(partnership, day: datetime.date, *, chair, secretariat, is_public: bool) -> Meeting:
    """A meeting on `day` (past), its agenda agreed and sent eight days before."""
    meeting = services.schedule_meeting(
        partnership=partnership,
        title="Board meeting",
        date=day + FAR_AHEAD,
        start_time=datetime.time(14, 0),
        end_time=datetime.time(16, 0),
        place="Committee Room 2, Shire Hall, Warwick",
        is_public=is_public,
    )
    for title, purpose, presenter in ITEMS:
        services.add_agenda_item(meeting=meeting, title=title, purpose=purpose, presenter=presenter)
    title, purpose, presenter = CONFIDENTIAL
    services.add_agenda_item(
        meeting=meeting,
        title=title,
        purpose=purpose,
        presenter=presenter,
        is_confidential=True,
        confidential_reason="personal",
    )
    add_papers(list(meeting.agenda_items.all()), report_title=ITEMS[0][0], by=secretariat)
    services.agree_agenda(meeting=meeting, by=chair, now=at(day - datetime.timedelta(days=9)))
    services.circulate_agenda(meeting=meeting, by=secretariat, now=at(day - datetime.timedelta(days=8)))
    return services.reschedule_meeting(meeting=meeting, date=day)


def record(meeting: Meeting, members: dict, *, apologies: list[str], substitute: tuple[str, str] | None) -> None:
    """Who came, the guests, a prejudicial interest, and a decision on each item for decision."""
    for name, member in members.items():
        if name in apologies:
            services.record_attendance(meeting=meeting, member=member, status="apologies")
        elif substitute and name == substitute[0]:
            services.record_attendance(
                meeting=meeting, member=member, status="substitute", substitute_name=substitute[1]
            )
        else:
            services.record_attendance(meeting=meeting, member=member, status="present")
    for name, organisation, role in GUESTS:
        services.add_other_attendee(meeting=meeting, name=name, organisation=organisation, role=role)
    items = {item.title: item for item in meeting.agenda_items.all()}
    performance = items[ITEMS[0][0]]
    treatment = items[ITEMS[1][0]]
    services.record_decision(
        agenda_item=performance,
        text="The quarterly performance report is agreed for submission to the Public Service Board.",
    )
    declarant = members["Dr Kamal Bhatt"]
    services.declare_interest(
        agenda_item=treatment,
        member=declarant,
        kind="prejudicial",
        category="employer",
        nature="The PCT commissions the treatment services the plan funds.",
    )
    present = [m for n, m in members.items() if n not in apologies and m != declarant]
    services.record_decision(
        agenda_item=treatment,
        text="The treatment plan is approved, with the needle exchange moved to the town centre.",
        method="vote",
        votes_for=9,
        votes_against=4,
        abstentions=len(present) - 13,
        voters=present,
    )
    services.start_minutes(meeting=meeting)
    for minute in meeting.minutes.items.select_related("agenda_item"):
        services.write_minute(minute=minute, discussion=MINUTE_TEXTS.get(minute.agenda_item.title, ""))


MINUTE_TEXTS = {
    ITEMS[0][0]: "<p>The Performance Manager presented the report. Burglary is <strong>down 8%</strong> on the "
    "year; violent crime is level.</p><ul><li>Rugby asked for district figures in the next report.</li></ul>",
    ITEMS[1][0]: "<p>The DAAT Commissioning Manager set out the plan and the consultation on the needle exchange.</p>",
    ITEMS[2][0]: "<p>Districts reported on town-centre patrols. The board asked for a joint report in spring.</p>",
    CONFIDENTIAL[0]: "<p>The board noted the review's recommendations and the names of those involved.</p>",
}


def load(partnership, today: datetime.date, *, members: dict, chair, secretariat) -> None:
    first = held_meeting(partnership, tuesday_before(today, 70), chair=chair, secretariat=secretariat, is_public=True)
    second = held_meeting(partnership, tuesday_before(today, 28), chair=chair, secretariat=secretariat, is_public=True)
    held_meeting(partnership, tuesday_before(today, 2), chair=chair, secretariat=secretariat, is_public=False)

    record(first, members, apologies=["Graham Holt", "Fiona Blake"], substitute=None)
    minutes = services.approve_minutes(minutes=first.minutes, by=chair, now=at(first.date + datetime.timedelta(2)))
    services.circulate_minutes(minutes=minutes, by=secretariat, now=at(first.date + datetime.timedelta(6)))

    record(second, members, apologies=["Angela Ward"], substitute=("Ch Supt Mark Dunn", "Supt Claire Young"))
    services.confirm_minutes(minutes=first.minutes, at_meeting=second, by=secretariat, now=at(second.date, 16))
    minutes = services.approve_minutes(minutes=second.minutes, by=chair, now=at(second.date + datetime.timedelta(3)))
    services.circulate_minutes(minutes=minutes, by=secretariat, now=at(second.date + datetime.timedelta(16)))
    # `last` is held and left unrecorded: the demo's to try.
    written_proposal(partnership, today, members=members, chair=chair)


def written_proposal(partnership, today: datetime.date, *, members: dict, chair) -> None:
    """A decision the chair has put to the members in writing; some have answered."""
    proposal = services.open_written_proposal(
        partnership=partnership,
        title="Bid to the Safer Streets Fund",
        proposal="The partnership supports the county council's bid to the Safer Streets Fund for "
        "lighting and CCTV in Nuneaton town centre.",
        why_now="The fund closes before the next board meeting.",
        respond_by=today + datetime.timedelta(days=7),
        by=chair,
    )
    for name in ("Cllr Helen Marsh", "Cllr Ruth Gallagher", "Janet Croft"):
        services.respond_in_writing(proposal=proposal, member=members[name], response="for")
    services.respond_in_writing(
        proposal=proposal,
        member=members["Cllr Anita Sharma"],
        interest="prejudicial",
        interest_category="control",
        interest_nature="Chairs the Nuneaton town centre partnership that would run the scheme.",
    )
