"""The benchmark's volume, built fast with bulk_create: at scale 1 (volume V, issue 8) 20
partnerships, each with 17 members, five years of meetings (six a year, one in public) of 40
agenda items, and 100 milestones (2,000 in all). Scale 2 doubles every one of those numbers
(40 partnerships of 34 members, ten years of meetings of 80 items, 200 milestones each), so
a page that reads one more query per member, item, meeting or milestone shows it.

Each past meeting is recorded as a secretariat would leave it: agenda agreed and circulated,
papers with an uploaded file, attendance, two declarations, a decision on every fourth item,
minutes per item, approved, circulated and confirmed at the next meeting, and for a public
meeting published (the public summary made by the real code). The next meeting's agenda is
out, with the actions arising from earlier decisions open under Matters arising.

Rows are written without django-simple-history's history rows: no page measured reads them.

    .venv/bin/python scripts/bench/volume.py [scale]   # empties the bench database, then builds
"""

import datetime
import math
import os
import sys
from dataclasses import asdict, dataclass
from pathlib import Path
from zoneinfo import ZoneInfo

ROOT = Path(__file__).resolve().parents[2]
PASSWORD = "bench-password-2026"  # noqa: S105 - a throwaway database's logins
TODAY_ZONE = ZoneInfo("Europe/London")

PARTNERSHIPS = 20
MEMBERS = 17
YEARS = 5
MEETINGS_A_YEAR = 6
ITEMS = 40
MILESTONES = 100  # a partnership's: 2,000 over 20 partnerships
BODIES = 13
MILESTONES_PER_ACTION = 4
ACTIONS_ARISING = 10  # open actions arising from decisions, under each partnership's Matters arising
BATCH = 5000

STANDING = {
    "apologies": "Apologies for absence",
    "declarations": "Declarations of interest",
    "previous_minutes": "Minutes of the last meeting",
    "matters_arising": "Matters arising",
}
STANDING_KINDS = list(STANDING)
PURPOSES = ["decision", "discussion", "information"]
TITLES = [
    "Quarterly performance report to the Public Service Board",
    "Drug and Alcohol Action Team: treatment plan",
    "Anti-social behaviour in town centres",
    "Domestic abuse strategy: annual refresh",
    "Road safety partnership: casualty reduction",
    "Youth justice plan",
    "Strategic assessment: priorities for next year",
    "Reducing reoffending: integrated offender management",
]
DISCUSSION = (
    "<p>The lead officer presented the report. Burglary is <strong>down 8%</strong> on the year; "
    "violent crime is level.</p><ul><li>Districts asked for local figures in the next report.</li>"
    "<li>The board asked for a joint report in spring.</li></ul>"
)


def setup() -> None:
    """Django with the benchmark's settings, unless a caller set it up already."""
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "scripts.bench.bench_settings")
    import django

    django.setup()


@dataclass
class Probe:
    """What the pages and queries measure: partnership 0's next meeting (agenda out) read by a
    member, its latest published public meeting read by anyone, and the API's meeting list."""

    scale: int
    slug: str
    member_username: str
    password: str
    token: str
    member_meeting_id: int
    public_meeting_id: int
    counts: dict

    @property
    def paths(self) -> dict[str, str]:
        return {
            "minimal": "/bench/minimal/",
            "public meeting page": f"/p/{self.slug}/meetings/{self.public_meeting_id}/",
            "member agenda page": f"/partnerships/{self.slug}/meetings/{self.member_meeting_id}/",
            "API meeting list": "/api/v1/meetings/",
        }

    def as_dict(self) -> dict:
        return asdict(self)


def ensure_database() -> None:
    """Create the bench database if it is missing; no other database is touched."""
    import psycopg
    from django.conf import settings

    database = settings.DATABASES["default"]
    if database["ENGINE"] != "django.db.backends.postgresql":
        return
    name = database["NAME"]
    try:
        psycopg.connect(**_connect_kwargs(database, name)).close()
    except psycopg.OperationalError:
        with psycopg.connect(**_connect_kwargs(database, "postgres"), autocommit=True) as server:
            server.execute(f'CREATE DATABASE "{name}"')


def _connect_kwargs(database: dict, dbname: str) -> dict:
    kwargs = {"dbname": dbname, "host": database["HOST"] or None, "user": database["USER"] or None}
    if database["PORT"]:
        kwargs["port"] = database["PORT"]
    if database["PASSWORD"]:
        kwargs["password"] = database["PASSWORD"]
    return kwargs


def empty() -> None:
    """Migrate, then empty every table of the project's apps and the logins' (sessions, tokens,
    lockouts), so the same database holds volume V, then 2V. Refuses a database whose name does
    not say it is the benchmark's."""
    from django.apps import apps
    from django.core.management import call_command
    from django.db import connection

    name = str(connection.settings_dict["NAME"])
    if "bench" not in Path(name).name:
        raise SystemExit(f"Refusing to empty {name!r}: the benchmark's database has 'bench' in its name.")
    call_command("migrate", verbosity=0)
    labels = {"partnership", "actionplans", "meetings", "governance", "authtoken", "sessions", "axes", "otp_totp"}
    tables = sorted(
        model._meta.db_table
        for config in apps.get_app_configs()
        if config.label in labels
        for model in config.get_models(include_auto_created=True)
    )
    existing = set(connection.introspection.table_names())
    tables = [table for table in tables if table in existing]
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("TRUNCATE " + ", ".join(f'"{t}"' for t in tables) + " RESTART IDENTITY CASCADE")
        else:
            for table in tables:
                cursor.execute(f'DELETE FROM "{table}"')  # noqa: S608 - names from the models


def _create(model, rows: list) -> list:
    return model.objects.bulk_create(rows, batch_size=BATCH)


def _tuesday_on_or_before(day: datetime.date) -> datetime.date:
    return day - datetime.timedelta(days=(day.weekday() - 1) % 7)


def _at(day: datetime.date, hour: int = 10) -> datetime.datetime:
    return datetime.datetime.combine(day, datetime.time(hour), tzinfo=TODAY_ZONE)


def meeting_dates(today: datetime.date, years: int) -> list[datetime.date]:
    """Six Tuesdays a year, two months apart, over `years` years up to today, then the next two."""
    first = today - datetime.timedelta(days=365 * years)
    step = datetime.timedelta(days=365 // MEETINGS_A_YEAR)
    count = years * MEETINGS_A_YEAR + 2
    return sorted({_tuesday_on_or_before(first + step * (n + 1)) for n in range(count)})


def build(scale: int = 1, *, today: datetime.date | None = None) -> Probe:
    """Empty the bench database and build volume `scale` x V in it; answers what to measure."""
    from django.contrib.auth.hashers import make_password
    from django.db import transaction
    from django.utils import timezone

    today = today or timezone.localdate()
    ensure_database()
    empty()
    password_hash = make_password(PASSWORD)
    with transaction.atomic():
        probes = [
            _partnership(n, scale=scale, today=today, password_hash=password_hash) for n in range(PARTNERSHIPS * scale)
        ]
    probe = probes[0]
    _publish_minutes()
    _analyse()
    probe.counts = _counts()
    return probe


def _partnership(n: int, *, scale: int, today: datetime.date, password_hash: str) -> Probe:
    from governance.models import Acknowledgement, ConductDocument
    from partnership.models import (
        Member,
        NominatingBody,
        Office,
        Partnership,
        Person,
        SecretariatMembership,
        TermsOfReference,
        User,
    )

    slug = f"bench-{n}"
    partnership = Partnership.objects.create(
        slug=slug,
        name=f"Bench Safer Communities Partnership {n}",
        secretariat_email=f"secretariat@{slug}.example.org",
        aim="To create safer communities through the reduction of crime and the promotion of safety.",
        objectives="To agree county-wide strategy and targets\nTo manage performance",
        how_to_attend="Shire Hall, Market Place, Warwick. You do not need to book.",
    )
    TermsOfReference.objects.create(
        partnership=partnership,
        version="2026",
        adopted_on=today - datetime.timedelta(days=200),
        next_review_on=today + datetime.timedelta(days=165),
    )
    member_count = MEMBERS * scale
    bodies = _create(
        NominatingBody,
        [
            NominatingBody(
                partnership=partnership,
                name=f"Nominating body {b}",
                seats=math.ceil(member_count / BODIES),
                is_responsible_authority=b < 6,
            )
            for b in range(BODIES)
        ],
    )
    users = _create(
        User,
        [User(username=f"{slug}-member-{m}", password=password_hash, email="") for m in range(member_count)]
        + [User(username=f"{slug}-secretariat", password=password_hash, email=f"secretariat@{slug}.example.org")],
    )
    secretariat = users[-1]
    SecretariatMembership.objects.create(partnership=partnership, user=secretariat)
    people = _create(
        Person,
        [
            Person(name=f"Representative {n}-{m}", email=f"{slug}-member-{m}@example.org", user=users[m])
            for m in range(member_count)
        ],
    )
    members = _create(
        Member,
        [
            Member(
                partnership=partnership,
                nominating_body=bodies[m % BODIES],
                person=person,
                role_in_body="Head of Community Safety",
                is_elected_member=m % 3 == 0,
            )
            for m, person in enumerate(people)
        ],
    )
    term_start = today - datetime.timedelta(days=300)
    chair_user = users[0]
    for role, member in (("chair", members[0]), ("vice_chair", members[1])):
        Office.objects.create(
            partnership=partnership,
            member=member,
            role=role,
            starts_on=term_start,
            ends_on=partnership.term_end(term_start),
        )
    documents = _create(
        ConductDocument,
        [
            ConductDocument(
                partnership=partnership,
                kind=kind,
                title=title,
                version="1",
                text="Partners shall put the customers of the partnership at the centre of their work.",
                in_force_from=term_start,
            )
            for kind, title in (
                ("code_of_conduct", "Code of Conduct for Partnership Working"),
                ("behaviour_protocol", "Partnership Behaviour Protocol"),
            )
        ],
    )
    _create(
        Acknowledgement,
        [
            Acknowledgement(document=document, person=person, acknowledged_at=_at(term_start + datetime.timedelta(7)))
            for document in documents
            for person in people
        ],
    )
    by = (chair_user, secretariat)
    meetings, decisions = _meetings(partnership, scale=scale, today=today, members=members, by=by)
    _plan(partnership, scale=scale, today=today, members=members, arising_from=decisions[-ACTIONS_ARISING:])

    from rest_framework.authtoken.models import Token

    reader = users[5]  # a member who holds no office
    token = Token.objects.create(user=reader) if n == 0 else None
    upcoming = [meeting for meeting in meetings if meeting.status == "agenda_circulated"]
    public = [meeting for meeting in meetings if meeting.is_public and meeting.status == "closed"]
    return Probe(
        scale=scale,
        slug=slug,
        member_username=reader.username,
        password=PASSWORD,
        token=token.key if token else "",
        member_meeting_id=upcoming[0].pk,
        public_meeting_id=public[-1].pk,
        counts={},
    )


def _meetings(partnership, *, scale: int, today: datetime.date, members: list, by: tuple) -> list:
    from meetings.models import (
        AgendaItem,
        Attendance,
        Decision,
        Declaration,
        Meeting,
        MinuteItem,
        Minutes,
        Paper,
        PaperFile,
    )

    chair_user, secretariat = by
    dates = meeting_dates(today, YEARS * scale)
    past = [day for day in dates if day < today]
    coming = [day for day in dates if day >= today]
    rows = []
    for index, day in enumerate(dates):
        held = day < today
        circulated = held or day == coming[0]
        status = "closed" if held else ("agenda_circulated" if circulated else "planned")
        if day == past[-1]:
            status = "minutes_circulated"  # to be confirmed at the next meeting
        rows.append(
            Meeting(
                partnership=partnership,
                title="Annual public meeting" if index % MEETINGS_A_YEAR == 0 else "Board meeting",
                date=day,
                start_time=datetime.time(18, 30) if index % MEETINGS_A_YEAR == 0 else datetime.time(14, 0),
                end_time=datetime.time(20, 30) if index % MEETINGS_A_YEAR == 0 else datetime.time(16, 0),
                place="Committee Room 2, Shire Hall, Market Place, Warwick CV34 4RL",
                online_link="https://meet.example.org/board",
                webcast_link="https://webcast.example.org/board" if index % MEETINGS_A_YEAR == 0 else "",
                is_public=index % MEETINGS_A_YEAR == 0,
                status=status,
                agenda_agreed_at=_at(day - datetime.timedelta(days=9)) if circulated else None,
                agenda_agreed_by=chair_user if circulated else None,
                agenda_circulated_at=_at(day - datetime.timedelta(days=8)) if circulated else None,
                agenda_circulated_by=secretariat if circulated else None,
            )
        )
    meetings = _create(Meeting, rows)

    item_count = ITEMS * scale
    items = _create(
        AgendaItem,
        [
            AgendaItem(
                meeting=meeting,
                position=position,
                title=(
                    STANDING[STANDING_KINDS[position - 1]]
                    if position <= len(STANDING)
                    else f"{TITLES[position % len(TITLES)]} ({position})"
                ),
                standing=STANDING_KINDS[position - 1] if position <= len(STANDING) else "",
                purpose=PURPOSES[position % 3] if position > len(STANDING) else "information",
                description="The board is asked to note the report and agree its recommendations.",
                presenter="Head of Community Safety",
                leading_partners="County Council, Police",
                is_confidential=position % 10 == 0,
                confidential_reason="personal" if position % 10 == 0 else "",
            )
            for meeting in meetings
            for position in range(1, item_count + 1)
        ],
    )
    meeting_of = {meeting.pk: meeting for meeting in meetings}
    papers = _create(
        Paper,
        [
            Paper(
                agenda_item=item,
                title=f"Report: {item.title}",
                prepared_by="Performance Manager",
                presenting="Head of Community Safety",
                summary="What the quarter's figures show, district by district.",
                recommendations="That the board notes the report.",
                purpose=item.purpose,
            )
            for item in items
            if not item.standing
        ],
    )
    _create(
        PaperFile,
        [
            PaperFile(
                paper=paper,
                file=f"papers/{paper.agenda_item.meeting_id}/report-{paper.agenda_item_id}.pdf",
                original_name=f"report-{paper.agenda_item.position}.pdf",
                content_type="application/pdf",
                size=184_320,
                uploaded_at=_at(meeting_of[paper.agenda_item.meeting_id].date - datetime.timedelta(days=10)),
                uploaded_by=secretariat,
            )
            for paper in papers
        ],
    )

    held = [meeting for meeting in meetings if meeting.date < today]
    items_of: dict[int, list] = {}
    for item in items:
        items_of.setdefault(item.meeting_id, []).append(item)
    _create(
        Attendance,
        [
            Attendance(meeting=meeting, member=member, status="present" if m % 8 else "apologies")
            for meeting in held
            for m, member in enumerate(members)
        ],
    )
    _create(
        Declaration,
        [
            Declaration(
                meeting=meeting,
                agenda_item=items_of[meeting.pk][len(STANDING) + k],
                member=members[k + 2],
                kind="personal",
                category="employer",
                nature="Employed by a body the report concerns.",
                declared_at=_at(meeting.date, 14),
                declared_by=secretariat,
            )
            for meeting in held
            for k in range(2)
        ],
    )
    decisions = []
    number = 0
    for meeting in held:
        for item in items_of[meeting.pk]:
            if item.position > len(STANDING) and item.position % 4 == 0:
                number += 1
                decisions.append(
                    Decision(
                        partnership=partnership,
                        agenda_item=item,
                        decided_on=meeting.date,
                        number=number,
                        text=f"The board agreed the recommendations of {item.title}.",
                        outcome="agreed",
                    )
                )
    _create(Decision, decisions)
    minutes = _create(
        Minutes,
        [
            Minutes(
                meeting=meeting,
                status="confirmed" if confirmed else "circulated",
                approved_at=_at(meeting.date + datetime.timedelta(days=3)),
                approved_by=chair_user,
                approved_as=members[0],
                circulated_at=_at(meeting.date + datetime.timedelta(days=6)),
                circulated_by=secretariat,
                confirmed_at=_at(following.date, 16) if confirmed else None,
                confirmed_by=secretariat if confirmed else None,
                confirmed_at_meeting=following if confirmed else None,
                version=1,
            )
            for meeting, following in zip(held, meetings[1:], strict=False)
            for confirmed in [following.date < today]
        ],
    )
    minutes_of = {row.meeting_id: row for row in minutes}
    _create(
        MinuteItem,
        [
            MinuteItem(minutes=minutes_of[meeting.pk], agenda_item=item, discussion=DISCUSSION)
            for meeting in held
            for item in items_of[meeting.pk]
        ],
    )
    return meetings, decisions


def _plan(partnership, *, scale: int, today: datetime.date, members: list, arising_from: list) -> None:
    """One plan in five sections, its actions owned by the members in turn, four milestones
    each (due before and after today, some done), and a progress update each; the last
    decisions each gave rise to one of its actions."""
    from actionplans.models import Action, ActionPlan, Milestone, ProgressUpdate, Section

    plan = ActionPlan.objects.create(
        partnership=partnership,
        title="Community safety partnership plan",
        starts_on=today.replace(month=4, day=1) - datetime.timedelta(days=365),
        ends_on=today.replace(month=3, day=31) + datetime.timedelta(days=365),
    )
    sections = _create(
        Section, [Section(plan=plan, position=s, code="ABCDE"[s], title=f"Priority {s + 1}") for s in range(5)]
    )
    action_count = MILESTONES * scale // MILESTONES_PER_ACTION
    actions = _create(
        Action,
        [
            Action(
                plan=plan,
                section=sections[a % len(sections)],
                position=a,
                reference=f"({a + 1})",
                title=f"Reduce repeat victimisation in district {a % 7}",
                method="Multi-agency risk assessment conferences every month.",
                owner=members[a % len(members)].person.name,
                owner_member=members[a % len(members)],
                due=today + datetime.timedelta(days=30 * (a % 12) - 120),
                due_text="By the end of the quarter",
            )
            for a in range(action_count)
        ],
    )
    _create(
        Milestone,
        [
            Milestone(
                action=action,
                title=f"Milestone {k + 1} of {action.reference}",
                due=today + datetime.timedelta(days=45 * k - 60 + a % 30),
                status="done" if k == 0 else ("on_track" if k == 1 else "not_started"),
                completed_on=today - datetime.timedelta(days=50) if k == 0 else None,
            )
            for a, action in enumerate(actions)
            for k in range(MILESTONES_PER_ACTION)
        ],
    )
    _create(
        ProgressUpdate,
        [
            ProgressUpdate(
                action=action,
                reported_on=today - datetime.timedelta(days=20),
                text="Referrals are up; the panel met twice this quarter.",
                status="on_track",
            )
            for action in actions
        ],
    )
    through = _decision_actions_through()
    _create(
        through,
        [
            through(decision_id=decision.pk, action_id=action.pk)
            for decision, action in zip(arising_from, actions, strict=False)
        ],
    )


def _decision_actions_through():
    from meetings.models import Decision

    return Decision.actions.through


def _publish_minutes() -> None:
    """The published copy of every public meeting's confirmed minutes, made by the real code."""
    from meetings.minutes_publication import publish_minutes
    from meetings.models import Minutes

    published = []
    for minutes in Minutes.objects.filter(meeting__is_public=True).select_related("meeting"):
        publish_minutes(minutes)
        published.append(minutes)
    Minutes.objects.bulk_update(published, ["public_html", "public_summary"], batch_size=500)


def _analyse() -> None:
    """Planner statistics for the new rows, as a live database has them: without them
    PostgreSQL guesses, and a page's time is the guess's."""
    from django.db import connection

    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")


def _counts() -> dict:
    from actionplans.models import Milestone
    from meetings.models import AgendaItem, Meeting
    from partnership.models import Member, Partnership

    return {
        "partnerships": Partnership.objects.count(),
        "members": Member.objects.count(),
        "meetings": Meeting.objects.count(),
        "agenda items": AgendaItem.objects.count(),
        "milestones": Milestone.objects.count(),
    }


if __name__ == "__main__":
    import json
    import time

    setup()
    started = time.perf_counter()
    built = build(int(sys.argv[1]) if len(sys.argv) > 1 else 1)
    print(json.dumps(built.as_dict(), indent=2))
    print(f"built in {time.perf_counter() - started:.1f}s")
