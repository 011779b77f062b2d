"""Read queries that pages and the API share, each a fixed number of queries."""

import datetime
from dataclasses import dataclass

from django.db.models import Count, Prefetch, Q

from ..models import Member, NominatingBody, Office, Partnership, WithdrawalNotice


def current_office_holders(partnership: Partnership, today: datetime.date) -> dict[str, Office]:
    """The chair and vice chair in office today, keyed by role."""
    offices = Office.objects.select_related("member__person", "member__nominating_body").filter(
        Q(partnership=partnership) & Q(starts_on__lte=today) & Q(ends_on__gte=today)
    )
    return {office.role: office for office in offices}


def register_bodies(partnership: Partnership):
    """The partnership's nominating bodies with their active members (and their people and
    substitutes) and withdrawal notices, in three queries whatever the size."""
    active_members = Member.objects.filter(active=True).select_related("person").prefetch_related("substitutes")
    return (
        NominatingBody.objects.filter(partnership=partnership)
        .annotate(active_count=Count("members", filter=Q(members__active=True)))
        .prefetch_related(
            Prefetch("members", queryset=active_members, to_attr="active_members"),
            Prefetch("withdrawal_notices", queryset=WithdrawalNotice.objects.order_by("-given_on")),
        )
    )


def inactive_members(partnership: Partnership):
    return Member.objects.filter(partnership=partnership, active=False).select_related("person", "nominating_body")


def offices_of(partnership: Partnership):
    return Office.objects.filter(partnership=partnership).select_related("member__person", "member__nominating_body")


def public_register_bodies(partnership: Partnership):
    """What the public page shows of the membership: each body with the names and roles of its
    active representatives. Nothing else is read, so nothing else can leak into the page."""
    representatives = (
        Member.objects.filter(active=True)
        .select_related("person")
        .only("nominating_body_id", "role_in_body", "person__name")
        .order_by("person__name")
    )
    return (
        NominatingBody.objects.filter(partnership=partnership)
        .only("partnership_id", "name")
        .prefetch_related(Prefetch("members", queryset=representatives, to_attr="active_members"))
    )


@dataclass(frozen=True)
class PartnershipSummary:
    """What the site's home page says of a partnership: its name, where its page is, and the
    first line of its aim."""

    name: str
    slug: str
    aim_first_line: str


def public_partnerships() -> list[PartnershipSummary]:
    """Every partnership hosted, by name, as the public sees it listed: one query."""
    rows = Partnership.objects.order_by("name").values_list("name", "slug", "aim")
    return [PartnershipSummary(name, slug, _first_line(aim)) for name, slug, aim in rows]


def _first_line(text: str) -> str:
    return next((line.strip() for line in text.splitlines() if line.strip()), "")
