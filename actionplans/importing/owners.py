"""Who is responsible, as written, matched to the register: words naming exactly one current
member of the partnership (their full name, in any case and spacing) link that member; words
naming exactly one of its nominating bodies link that body. Anything else stays words only."""

import datetime
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from django.utils.translation import gettext_lazy, ngettext

from partnership.models import Member, NominatingBody

from ..services.owners import current_bodies, current_members

NO_MATCH = gettext_lazy("No current member or nominating body of the partnership has this name.")


@dataclass(frozen=True)
class OwnerMatch:
    owner: str  # as written
    member: Member | None = None
    body: NominatingBody | None = None
    reason: str = ""  # why it is not linked, in the language of the page asking

    @property
    def linked(self) -> bool:
        return self.member is not None or self.body is not None


def owner_key(words: str) -> str:
    return " ".join(words.split()).casefold()


@dataclass(frozen=True)
class Register:
    """Whom an action of the partnership may be linked to, on a day."""

    members: list[Member]
    bodies: list[NominatingBody]

    @classmethod
    def of(cls, partnership_id: int, today: datetime.date) -> "Register":
        """Two queries."""
        members = current_members(partnership_id).select_related("person", "nominating_body")
        return cls(
            members=sorted(members, key=lambda m: (m.person.name.casefold(), m.nominating_body.name.casefold())),
            bodies=list(current_bodies(partnership_id, today).order_by("name")),
        )


def match_owners(partnership_id: int, owners: Iterable[str], today: datetime.date) -> dict[str, OwnerMatch]:
    """Each distinct non-empty owner, as written, with the member or body it names."""
    owners = list(dict.fromkeys(owner for owner in owners if owner and owner.strip()))
    return match_on(Register.of(partnership_id, today), owners) if owners else {}


def match_on(register: Register, owners: Iterable[str]) -> dict[str, OwnerMatch]:
    members, bodies = defaultdict(list), defaultdict(list)
    for member in register.members:
        members[owner_key(member.person.name)].append(member)
    for body in register.bodies:
        bodies[owner_key(body.name)].append(body)
    return {owner: _match(owner, members[owner_key(owner)], bodies[owner_key(owner)]) for owner in owners}


def _match(owner: str, members: list[Member], bodies: list[NominatingBody]) -> OwnerMatch:
    if len(members) == 1:
        return OwnerMatch(owner, member=members[0])
    if len(bodies) == 1:
        return OwnerMatch(owner, body=bodies[0])
    if members:
        reason = ngettext(
            "%(count)s current member has this name; choose one after the import.",
            "%(count)s current members have this name; choose one after the import.",
            len(members),
        ) % {"count": len(members)}
        return OwnerMatch(owner, reason=reason)
    return OwnerMatch(owner, reason=NO_MATCH)
