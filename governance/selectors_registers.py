"""Read queries for the standing registers and breaches of the Code, each a fixed number of
queries whatever the number of people, interests or gifts."""

import datetime

from dateutil.relativedelta import relativedelta
from django.db.models import Exists, F, Max, OuterRef, Prefetch, Q, QuerySet
from django.utils import timezone

from partnership.models import Member, Partnership, Person

from .models_registers import ConductBreach, GiftOrHospitality, InterestRegisterConfirmation, RegisteredInterest

# The Code asks for a register kept up to date; the partnership asks for it to be confirmed
# once a year.
CONFIRM_EVERY = relativedelta(months=12)


def confirmation_due_before(today: datetime.date) -> datetime.datetime:
    """A confirmation made before this moment (the start of the day twelve months ago) is more
    than twelve months old."""
    start = datetime.datetime.combine(today - CONFIRM_EVERY, datetime.time.min)
    return timezone.make_aware(start)


def is_confirmation_due(last: InterestRegisterConfirmation | None, today: datetime.date) -> bool:
    """Never confirmed, or last confirmed more than twelve months ago."""
    return last is None or last.confirmed_at < confirmation_due_before(today)


def people_due_to_confirm_interests(today: datetime.date | None = None) -> list[Person]:
    """Everyone with an active seat on any partnership who has never confirmed their register of
    interests, or last did more than twelve months before `today`; each with `last_confirmed_at`
    (None if never), the longest overdue first. One query."""
    today = today or timezone.localdate()
    seated = Member.objects.filter(person=OuterRef("pk"), active=True)
    people = (
        Person.objects.filter(Exists(seated))
        .annotate(last_confirmed_at=Max("interest_confirmations__confirmed_at"))
        .filter(Q(last_confirmed_at__isnull=True) | Q(last_confirmed_at__lt=confirmation_due_before(today)))
        .select_related("user")
        .order_by(F("last_confirmed_at").asc(nulls_first=True), "name", "pk")
    )
    return list(people)


def last_confirmation(person: Person | None) -> InterestRegisterConfirmation | None:
    if person is None:
        return None
    return InterestRegisterConfirmation.objects.filter(person=person).order_by("-confirmed_at").first()


def own_interests(person: Person | None) -> list[RegisteredInterest]:
    """A person's register, current and ended lines, the latest first."""
    if person is None:
        return []
    return list(RegisteredInterest.objects.filter(person=person).order_by("-registered_on", "pk"))


def own_gifts(person: Person | None) -> QuerySet[GiftOrHospitality]:
    if person is None:
        return GiftOrHospitality.objects.none()
    return GiftOrHospitality.objects.filter(person=person).select_related("partnership").order_by("-offered_on", "-pk")


def seats_of(person: Person | None) -> QuerySet[Member]:
    """The active seats a person holds: the partnerships a gift can be recorded against."""
    if person is None:
        return Member.objects.none()
    return Member.objects.filter(person=person, active=True).select_related("partnership").order_by("partnership__name")


def interests_register(partnership: Partnership) -> list[Member]:
    """The partnership's active members, each with `current_interests` (their register's
    current lines) and `last_confirmed_at` (None if never). Two queries."""
    return list(
        Member.objects.filter(partnership=partnership, active=True)
        .select_related("person", "nominating_body")
        .prefetch_related(
            Prefetch(
                "person__registered_interests",
                queryset=RegisteredInterest.objects.filter(ended_on__isnull=True).order_by("-registered_on", "pk"),
                to_attr="current_interests",
            ),
        )
        .annotate(last_confirmed_at=Max("person__interest_confirmations__confirmed_at"))
        .order_by("person__name", "pk")
    )


def gifts_register(partnership: Partnership) -> list[GiftOrHospitality]:
    """Every gift and hospitality offer recorded in connection with the partnership's work."""
    return list(
        GiftOrHospitality.objects.filter(partnership=partnership)
        .select_related("person")
        .order_by("-offered_on", "-pk")
    )


def breaches_of(partnership: Partnership) -> list[ConductBreach]:
    """The partnership's breaches, open ones first."""
    return list(
        ConductBreach.objects.filter(partnership=partnership)
        .select_related("partnership", "member__person", "member__nominating_body")
        .order_by("status", "-reported_on", "-pk")  # "open" sorts before "resolved"
    )
