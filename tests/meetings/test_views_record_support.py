"""What the record pages' tests share (no tests of its own): a board of members from the
Warwickshire nominating bodies (seed 001, 4.1), the pages' addresses, and the record made
the way the secretariat makes it, through the services."""

from django.urls import reverse

from meetings import services
from partnership.models import Member
from tests.factories import MemberFactory, NominatingBodyFactory, PersonFactory, SubstituteFactory

# Who sits for six of the bodies; the partnership's quorum is 5.
SEATS = [
    ("Fire Authority", "Fay Fireman"),
    ("Probation", "Pat Probation"),
    ("Warwickshire PCT", "Hari Health"),
    ("Voluntary and Community Sector", "Vic Voluntary"),
    ("Youth Justice", "Yusuf Youth"),
    ("The Courts Service", "Cora Courts"),
]


def seat_board(partnership, count: int = len(SEATS)) -> list:
    """`count` members, each for a body of their own, the first six named as in SEATS; each
    has a registered substitute."""
    named = SEATS + [(f"Nominating body {n}", f"Representative {n}") for n in range(len(SEATS), count)]
    members = [
        MemberFactory(
            nominating_body=NominatingBodyFactory(partnership=partnership, name=body), person=PersonFactory(name=name)
        )
        for body, name in named[:count]
    ]
    for member in members:
        SubstituteFactory(member=member, name=f"Deputy for {member.person.name}")
    return members


def record_url(meeting, name: str, **kwargs) -> str:
    return reverse(f"record:{name}", kwargs={"slug": meeting.partnership.slug, "pk": meeting.pk, **kwargs})


def all_present(meeting, members) -> None:
    for member in members:
        services.record_attendance(meeting=meeting, member=member, status="present")


def approve_minutes(meeting, chair) -> None:
    """The chair (Carol Chair, in office on the meeting's day, and there) approves the minutes,
    which locks the record they were approved on."""
    chair_seat = Member.objects.get(person__user=chair, partnership=meeting.partnership)
    if not meeting.attendance.filter(member=chair_seat, status="present").exists():
        services.record_attendance(meeting=meeting, member=chair_seat, status="present")
    services.approve_minutes(minutes=services.start_minutes(meeting=meeting), by=chair)
