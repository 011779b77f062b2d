"""The demo's standing registers: the members who sign in keep a register of interests (the
chair's confirmed this year, the vice chair's overdue, the member's never confirmed, so the
yearly prompt has someone to ask), and the member has recorded a gift."""

import datetime
from decimal import Decimal

from dateutil.relativedelta import relativedelta

from meetings.models import InterestCategory

from .. import services_registers as services
from ..models_registers import GiftKind
from .record import at

# (member, category, description, organisation, years ago it began)
INTERESTS = [
    ("Cllr Helen Marsh", InterestCategory.MEMBERSHIP, "Member of the Warwick Rotary Club", "Warwick Rotary Club", 6),
    ("Cllr Helen Marsh", InterestCategory.CONTROL, "Trustee of the Warwick Youth Trust", "Warwick Youth Trust", 3),
    ("Cllr David Okafor", InterestCategory.EMPLOYMENT, "Partner in a firm of solicitors", "Okafor & Lane LLP", 10),
    (
        "Ch Supt Mark Dunn",
        InterestCategory.WELLBEING,
        "Spouse works for a drug and alcohol treatment provider the partnership commissions",
        "Compass Recovery",
        2,
    ),
]


def load(partnership, today: datetime.date, *, members: dict) -> None:
    for name, category, description, organisation, years in INTERESTS:
        person = members[name].person
        services.register_interest(
            person=person,
            category=category,
            description=description,
            organisation=organisation,
            registered_on=today - relativedelta(years=years),
            by=person.user,
            now=at(today),
        )
    chair, vice_chair = members["Cllr Helen Marsh"].person, members["Cllr David Okafor"].person
    services.confirm_interests_up_to_date(person=chair, by=chair.user, now=at(today - relativedelta(months=2)))
    services.confirm_interests_up_to_date(
        person=vice_chair, by=vice_chair.user, now=at(today - relativedelta(months=13))
    )
    member = members["Ch Supt Mark Dunn"].person
    services.record_gift_or_hospitality(
        person=member,
        partnership=partnership,
        kind=GiftKind.HOSPITALITY,
        offered_by="Compass Recovery",
        description="Dinner at the launch of the county treatment plan",
        estimated_value=Decimal("45.00"),
        offered_on=today - datetime.timedelta(days=20),
        accepted=True,
        registered_with_body=True,
        by=member.user,
        now=at(today - datetime.timedelta(days=19)),
    )
