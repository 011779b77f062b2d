"""The demo installation: the Warwickshire Safer Communities Partnership as its terms of
reference describe it (seed 001: 13 nominating bodies, 17 seats), and Rugby's district
partnership, whose chair also sits on the county board (ToR 4.1). People are invented."""

import datetime
from pathlib import Path

from dateutil.relativedelta import relativedelta
from django.db import transaction

from meetings import services as meeting_services
from partnership import services
from partnership.models import Partnership, SecretariatMembership, User

from ..models import ConductDocument, ConductDocumentKind
from . import arising, plans, record, registers

TEXTS = Path(__file__).resolve().parent

WARWICKSHIRE_AIM = (
    "The Warwickshire Safer Communities Partnership aims to create safer communities through the "
    "reduction of crime and the promotion of safety. Its vision is to develop the basis for strong "
    "stable communities by reassuring the public and fostering the conditions that develop respect."
)
WARWICKSHIRE_OBJECTIVES = """\
To be the county themed partnership for the Safer block of the Local Area Agreement
To carry out the functions of the Warwickshire Drug and Alcohol Action Team
To carry out the functions of the Warwickshire Youth Justice Management Board
To carry out the functions of the Warwickshire Domestic Violence Board
To oversee the work of the Warwickshire Road Safety Partnership
To prepare an annual community safety agreement for the county
To agree county-wide strategy and targets
To manage performance in relation to the agreed county level outcomes and county-wide strategy
To hold the district level 'safer' themed partnerships to account for local delivery
To account to the Public Service Board through quarterly performance reports"""
WARWICKSHIRE_HOW_TO_ATTEND = (
    "The partnership holds at least one meeting in public each year, usually in the evening at Shire "
    "Hall, Market Place, Warwick CV34 4RL. Shire Hall is a short walk from Warwick railway station, and "
    "the Market Place car park is opposite. There is step-free access through the Northgate Street "
    "entrance, and the council chamber has a hearing loop.\n\n"
    "You do not need to book. Arrive 15 minutes before the start so that you can sign in at reception.\n\n"
    "Residents may ask the board a question about community safety in Warwickshire. Send your question to"
    " the partnership's secretariat at Warwickshire County Council at least 3 working days before the "
    "meeting, giving your name and the town or village where you live. The chair will read out each "
    "question and the answer at the meeting.\n\n"
    "Part of a meeting may be held in private when the board discusses personal information about "
    "individuals, or matters that could prejudice an investigation. The agenda says which items these "
    "are, and you will be asked to leave for them."
)

# (nominating body, seats, responsible authority, [(name, role in body, elected member)])
WARWICKSHIRE_BODIES = [
    ("Warwickshire County Council", 1, True, [("Cllr Helen Marsh", "Community Protection portfolio holder", True)]),
    ("Police Authority", 1, True, [("Cllr David Okafor", "Member of the Police Authority", True)]),
    ("Fire Authority", 1, True, [("Cllr Ruth Gallagher", "Chair of the Fire Authority", True)]),
    (
        "The Chair of each CDRP strategy group",
        5,
        False,
        [
            ("Cllr Peter Lowe", "Chair, North Warwickshire CDRP", True),
            ("Cllr Anita Sharma", "Chair, Nuneaton and Bedworth CDRP", True),
            ("Cllr Tom Whitfield", "Chair, Rugby CDRP", True),
            ("Cllr Margaret Hale", "Chair, Stratford-on-Avon CDRP", True),
            ("Cllr Simon Reeve", "Chair, Warwick District CDRP", True),
        ],
    ),
    ("Probation", 1, True, [("Janet Croft", "Assistant Chief Officer", False)]),
    ("Warwickshire PCT", 1, True, [("Dr Kamal Bhatt", "Director of Public Health", False)]),
    ("Voluntary and Community Sector", 1, False, [("Lucy Evans", "Chief Executive, Warwickshire CAVA", False)]),
    ("The Police Service", 1, True, [("Ch Supt Mark Dunn", "Commander, Warwickshire Police", False)]),
    ("Youth Justice", 1, False, [("Sarah Pike", "Head of Youth Justice Service", False)]),
    ("The Courts Service", 1, False, [("Graham Holt", "Area Director, HM Courts Service", False)]),
    ("The Crown Prosecution Service", 1, False, [("Angela Ward", "District Crown Prosecutor", False)]),
    (
        "The Coventry and Warwickshire Partnership NHS Trust",
        1,
        False,
        [("Neil Patterson", "Director of Operations", False)],
    ),
    ("The Warwickshire Road Safety Partnership", 1, False, [("Fiona Blake", "Road Safety Manager", False)]),
]

RUGBY_BODIES = [
    (
        "Rugby Borough Council",
        2,
        True,
        [
            ("Cllr Tom Whitfield", "Community Safety portfolio holder", True),
            ("Paula Grant", "Head of Communities", False),
        ],
    ),
    ("Warwickshire Police", 1, True, [("Insp Rob Finch", "Rugby Safer Neighbourhoods", False)]),
    ("Warwickshire Fire and Rescue Service", 1, True, [("Kevin Marsh", "Station Manager", False)]),
    ("Probation", 1, True, [("Janet Croft", "Assistant Chief Officer", False)]),
    ("NHS Coventry and Warwickshire", 1, True, []),
]

PUBLIC_MEETING_ITEMS = [
    ("Annual community safety agreement", "decision", "Community Safety Manager"),
    ("Strategic assessment: priorities for next year", "discussion", "Head of Community Safety"),
    ("Questions from the public", "discussion", "Chair"),
]
BOARD_MEETING_ITEMS = [
    ("Quarterly performance report to the Public Service Board", "decision", "Performance Manager"),
    ("Drug and Alcohol Action Team: treatment plan", "decision", "DAAT Commissioning Manager"),
    ("Review of the terms of reference", "decision", "Secretariat"),
]

DEMO_PASSWORD = "partnership-demo-2026"  # noqa: S105  # nosec B105 # printed on start: a demo, never production
DEMO_LOGINS = [
    ("secretariat", "Sam Price, the secretariat officer of Warwickshire"),
    ("chair", "Cllr Helen Marsh, chair of Warwickshire"),
    ("vicechair", "Cllr David Okafor, vice chair of Warwickshire"),
    ("member", "Ch Supt Mark Dunn, a Warwickshire member"),
    ("rugby", "Ann Lowry, the secretariat officer of Rugby"),
    ("admin", "staff: manages partnerships"),
]


def _email(name: str, domain: str) -> str:
    words = [w for w in name.replace(".", "").split() if w not in {"Cllr", "Dr", "Ch", "Supt", "Insp"}]
    return f"{words[0].lower()}.{words[-1].lower()}@{domain}"


def _seat_members(partnership, bodies, domain):
    members = {}
    for body_name, seats, responsible, people in bodies:
        body = services.save_nominating_body(
            partnership=partnership, name=body_name, seats=seats, is_responsible_authority=responsible
        )
        for name, role, elected in people:
            members[name] = services.add_member(
                nominating_body=body,
                name=name,
                email=_email(name, domain),
                role_in_body=role,
                is_elected_member=elected,
                is_senior=True,
            )
    return members


def _login(username, *, person=None, partnership=None, staff=False, email="", name=""):
    first_name, _, last_name = name.partition(" ")
    user = User.objects.create_user(
        username=username,
        email=email,
        first_name=first_name,
        last_name=last_name,
        password=DEMO_PASSWORD,
        is_staff=staff,
        is_superuser=staff,
    )
    if person is not None:
        person.user = user
        person.save()
    if partnership is not None:
        SecretariatMembership.objects.create(partnership=partnership, user=user)
    return user


def _conduct_documents(partnership, in_force_from):
    ConductDocument.objects.create(
        partnership=partnership,
        kind=ConductDocumentKind.CODE_OF_CONDUCT,
        title="Code of Conduct for Partnership Working",
        version="1",
        in_force_from=in_force_from,
        text=(TEXTS / "code_of_conduct.txt").read_text(),
    )
    ConductDocument.objects.create(
        partnership=partnership,
        kind=ConductDocumentKind.BEHAVIOUR_PROTOCOL,
        title="Partnership Behaviour Protocol",
        version="1",
        in_force_from=in_force_from,
        text=(TEXTS / "behaviour_protocol.txt").read_text(),
    )


@transaction.atomic
def load(today: datetime.date) -> bool:
    """Create the demo unless it is there already; True when it was created."""
    if Partnership.objects.filter(slug="warwickshire-scp").exists():
        return False
    term_start = today.replace(month=5, day=1) - relativedelta(years=1 if today.month >= 5 else 2)
    warwickshire = Partnership.objects.create(
        slug="warwickshire-scp",
        name="Warwickshire Safer Communities Partnership",
        secretariat_email="safercommunities@warwickshire.example.org",
        aim=WARWICKSHIRE_AIM,
        objectives=WARWICKSHIRE_OBJECTIVES,
        how_to_attend=WARWICKSHIRE_HOW_TO_ATTEND,
    )
    april = today.replace(month=4, day=1)
    last_review = april if today >= april else april - relativedelta(years=1)
    services.save_terms_of_reference(
        partnership=warwickshire,
        version=str(last_review.year),
        adopted_on=last_review,
        text=(TEXTS / "terms_of_reference.txt").read_text(),
    )
    county = _seat_members(warwickshire, WARWICKSHIRE_BODIES, "warwickshire.example.org")
    services.appoint_to_office(
        partnership=warwickshire, member=county["Cllr Helen Marsh"], role="chair", starts_on=term_start
    )
    services.appoint_to_office(
        partnership=warwickshire, member=county["Cllr David Okafor"], role="vice_chair", starts_on=term_start
    )
    _conduct_documents(warwickshire, term_start)

    rugby = Partnership.objects.create(
        slug="rugby-csp",
        name="Rugby Community Safety Partnership",
        secretariat_email="communitysafety@rugby.example.org",
        aim="To make Rugby a safer place to live, work and visit.",
        objectives="To reduce anti-social behaviour in the town centre\nTo reduce domestic abuse",
    )
    district = _seat_members(rugby, RUGBY_BODIES, "warwickshire.example.org")
    services.appoint_to_office(
        partnership=rugby, member=district["Cllr Tom Whitfield"], role="chair", starts_on=term_start
    )
    _conduct_documents(rugby, term_start)

    # The secretariat officers' own addresses, where the deadline reminders go.
    secretariat = _login(
        "secretariat", partnership=warwickshire, email="sam.price@warwickshire.example.org", name="Sam Price"
    )
    chair = _login("chair", person=county["Cllr Helen Marsh"].person)
    _login("vicechair", person=county["Cllr David Okafor"].person)
    _login("member", person=county["Ch Supt Mark Dunn"].person)
    _login("rugby", partnership=rugby, email="ann.lowry@rugby.example.org", name="Ann Lowry")
    _login("admin", staff=True)
    _meetings(warwickshire, today, chair=chair, secretariat=secretariat)
    record.load(warwickshire, today, members=county, chair=chair, secretariat=secretariat)
    plans.load(warwickshire, today, members=county, secretariat=secretariat)
    arising.load(warwickshire, today, members=county, secretariat=secretariat)
    registers.load(warwickshire, today, members=county)
    return True


def _tuesday_after(day: datetime.date, days: int) -> datetime.date:
    day += datetime.timedelta(days=days)
    return day + datetime.timedelta(days=(1 - day.weekday()) % 7)


def _meetings(partnership, today: datetime.date, *, chair, secretariat) -> None:
    """The annual public meeting, its agenda out, and the next board meeting, its agenda being
    built for the chair to agree."""
    public = meeting_services.schedule_meeting(
        partnership=partnership,
        title="Annual public meeting",
        date=_tuesday_after(today, 14),
        start_time=datetime.time(18, 30),
        end_time=datetime.time(20, 0),
        place="Shire Hall, Market Place, Warwick CV34 4RL",
        is_public=True,
    )
    for title, purpose, presenter in PUBLIC_MEETING_ITEMS:
        meeting_services.add_agenda_item(meeting=public, title=title, purpose=purpose, presenter=presenter)
    meeting_services.add_agenda_item(
        meeting=public,
        title="Domestic homicide review: action plan",
        purpose="information",
        presenter="Domestic Abuse Partnership Manager",
        is_confidential=True,
        confidential_reason="personal",
    )
    meeting_services.agree_agenda(meeting=public, by=chair)
    meeting_services.circulate_agenda(meeting=public, by=secretariat)

    board = meeting_services.schedule_meeting(
        partnership=partnership,
        title="Board meeting",
        date=_tuesday_after(today, 42),
        start_time=datetime.time(14, 0),
        place="Committee Room 2, Shire Hall, Warwick",
    )
    for title, purpose, presenter in BOARD_MEETING_ITEMS:
        meeting_services.add_agenda_item(meeting=board, title=title, purpose=purpose, presenter=presenter)
