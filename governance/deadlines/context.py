"""What every rule of the sweep reads: today, the partnerships with their calendars, and who
the secretariat and the chair of each are. Loaded once per sweep in a fixed number of queries."""

import datetime
from collections.abc import Callable
from dataclasses import dataclass, field

from django.db.models import Prefetch, Q
from django.utils import timezone
from django.utils.formats import date_format

from partnership.calendar import WorkingDayCalendar, calendar_for
from partnership.models import Office, OfficeRole, Partnership, SecretariatMembership
from partnership.notifications.recording import Notice, Recipient, person_recipient, user_recipient


@dataclass
class SweepContext:
    today: datetime.date
    now: datetime.datetime
    partnerships: list[Partnership]
    by_id: dict[int, Partnership] = field(init=False)
    # Each partnership's recipients, built once and shared by its notices (thousands, when busy).
    _recipients: dict[tuple[int, str], tuple[Recipient, ...]] = field(init=False, default_factory=dict, repr=False)

    def __post_init__(self):
        self.by_id = {partnership.pk: partnership for partnership in self.partnerships}

    @property
    def partnership_ids(self) -> list[int]:
        return list(self.by_id)

    def calendar(self, partnership: Partnership) -> WorkingDayCalendar:
        return calendar_for(partnership)

    def _once(
        self, partnership: Partnership, who: str, find: Callable[[Partnership], tuple[Recipient, ...]]
    ) -> tuple[Recipient, ...]:
        key = (partnership.pk, who)
        if key not in self._recipients:
            self._recipients[key] = find(partnership)
        return self._recipients[key]

    def secretariat(self, partnership: Partnership) -> tuple[Recipient, ...]:
        return self._once(partnership, "secretariat", self._secretariat)

    def _secretariat(self, partnership: Partnership) -> tuple[Recipient, ...]:
        return tuple(user_recipient(row.user) for row in partnership.secretariat.all() if row.user.is_active)

    def current_office(self, partnership: Partnership, role: str) -> Office | None:
        for office in partnership.offices.all():
            if office.role == role and office.starts_on <= self.today <= office.ends_on:
                return office
        return None

    def chair(self, partnership: Partnership) -> tuple[Recipient, ...]:
        return self._once(partnership, "chair", self._chair)

    def _chair(self, partnership: Partnership) -> tuple[Recipient, ...]:
        """The chair in office today; the vice chair, who acts for them, when there is none."""
        office = self.current_office(partnership, OfficeRole.CHAIR) or self.current_office(
            partnership, OfficeRole.VICE_CHAIR
        )
        return (person_recipient(office.member.person),) if office else ()

    def secretariat_and_chair(self, partnership: Partnership) -> tuple[Recipient, ...]:
        return self._once(partnership, "secretariat_and_chair", lambda p: self.secretariat(p) + self.chair(p))

    def notice(self, partnership: Partnership, **fields) -> Notice:
        return Notice(partnership_id=partnership.pk, partnership_name=partnership.name, **fields)


def load_context(*, now: datetime.datetime | None = None) -> SweepContext:
    """Every partnership with its closure days, secretariat logins and the offices held from a
    year ago on (the current chair, and terms about to end): four queries."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    offices = Office.objects.filter(Q(ends_on__gte=today - datetime.timedelta(days=366))).select_related(
        "member__person"
    )
    partnerships = list(
        Partnership.objects.prefetch_related(
            "closure_days",
            Prefetch("secretariat", queryset=SecretariatMembership.objects.select_related("user__person")),
            Prefetch("offices", queryset=offices.order_by("starts_on")),
        ).order_by("pk")
    )
    return SweepContext(today=today, now=now, partnerships=partnerships)


def long_day(day: datetime.date) -> str:
    """Wednesday 2 December 2026, in the language of the email."""
    return date_format(day, "l j F Y")


def short_day(day: datetime.date) -> str:
    """Wednesday 2 December, for a subject line."""
    return date_format(day, "l j F")


def within(ctx: SweepContext, start: datetime.date, end: datetime.date | None = None) -> bool:
    """Whether a notice whose time starts on `start` (and stops after `end`) is due today. A sweep
    missed on its day is made up by the next one while the window is open."""
    return start <= ctx.today and (end is None or ctx.today <= end)
