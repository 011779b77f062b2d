"""Attendance over the last 12 months of meetings that have taken place, per member and per
nominating body, with the flag for persistent failure to attend (the partnership's
`absence_threshold`). Counted in SQL, three queries whatever the number of members or meetings."""

import datetime
from dataclasses import dataclass

from dateutil.relativedelta import relativedelta
from django.db.models import Count, Q

from partnership.models import Member, NominatingBody, Partnership

from .models import OPEN_STATUSES, AttendanceStatus, Meeting


@dataclass(frozen=True)
class Period:
    """Meetings after `since` up to and including `until`."""

    since: datetime.date
    until: datetime.date

    @classmethod
    def twelve_months_to(cls, today: datetime.date) -> "Period":
        return cls(since=today - relativedelta(years=1), until=today)

    @property
    def first_day(self) -> datetime.date:
        return self.since + datetime.timedelta(days=1)

    def held(self, meeting: str = "") -> Q:
        """Meetings in the period that took place: held (their attendance recorded) or later."""
        return Q(**{f"{meeting}date__gt": self.since, f"{meeting}date__lte": self.until}) & ~Q(
            **{f"{meeting}status__in": OPEN_STATUSES}
        )


@dataclass(frozen=True)
class Tally:
    meetings: int
    present: int
    substitute: int
    apologies: int
    absent: int

    @property
    def missed(self) -> int:
        """Apologies or absent: a named substitute counts as attending (ToR 3.2)."""
        return self.apologies + self.absent


@dataclass(frozen=True)
class MemberAttendance(Tally):
    member: Member
    threshold: int
    held: int

    @property
    def not_recorded(self) -> int:
        """Meetings held in the period with no attendance recorded for a current member: a gap in
        the record the secretariat should fill (not counted as missed, nor as attended)."""
        return max(self.held - self.meetings, 0) if self.member.active else 0

    @property
    def persistently_absent(self) -> bool:
        return self.missed >= self.threshold


@dataclass(frozen=True)
class BodyAttendance(Tally):
    body: NominatingBody
    represented: int
    held: int

    @property
    def represented_share(self) -> int | None:
        """Per cent of the period's meetings at which a member or substitute of the body attended."""
        return round(100 * self.represented / self.held) if self.held else None


@dataclass(frozen=True)
class AttendanceStatistics:
    period: Period
    held: int
    members: list[MemberAttendance]
    bodies: list[BodyAttendance]

    @property
    def persistently_absent(self) -> list[MemberAttendance]:
        return [row for row in self.members if row.persistently_absent]


def _tally(rows: str, held: Q) -> dict:
    """Count(filter=...) of `rows` (a path to Attendance) in the period, one per status."""
    counted = {"meetings": Count(rows, filter=held)}
    for name, status in (
        ("present", AttendanceStatus.PRESENT),
        ("substitute", AttendanceStatus.SUBSTITUTE),
        ("apologies", AttendanceStatus.APOLOGIES),
        ("absent", AttendanceStatus.ABSENT),
    ):
        counted[name] = Count(rows, filter=held & Q(**{f"{rows}__status": status}))
    return counted


def _values(row, names=("meetings", "present", "substitute", "apologies", "absent")) -> dict:
    return {name: getattr(row, name) for name in names}


def attendance_statistics(partnership: Partnership, today: datetime.date) -> AttendanceStatistics:
    period = Period.twelve_months_to(today)
    held = Meeting.objects.filter(period.held(), partnership=partnership).count()
    members = (
        Member.objects.filter(partnership=partnership)
        .annotate(**_tally("attendance", period.held("attendance__meeting__")))
        .filter(Q(active=True) | Q(meetings__gt=0))  # a former member still shows for the months they sat
        .select_related("person", "nominating_body")
        .order_by("nominating_body__name", "person__name", "pk")
    )
    attended = Q(members__attendance__status__in=[AttendanceStatus.PRESENT, AttendanceStatus.SUBSTITUTE])
    bodies = (
        NominatingBody.objects.filter(partnership=partnership)
        .annotate(
            **_tally("members__attendance", period.held("members__attendance__meeting__")),
            represented=Count(
                "members__attendance__meeting",
                filter=period.held("members__attendance__meeting__") & attended,
                distinct=True,
            ),
        )
        .order_by("name", "pk")
    )
    return AttendanceStatistics(
        period=period,
        held=held,
        members=[
            MemberAttendance(member=row, threshold=partnership.absence_threshold, held=held, **_values(row))
            for row in members
        ],
        bodies=[BodyAttendance(body=row, represented=row.represented, held=held, **_values(row)) for row in bodies],
    )
