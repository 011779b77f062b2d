"""What the decision-log, attendance and decisions-in-writing tests share: a board big enough to
be quorate (the partnership's quorum is 5), a vice chair, and a proposal with its responses.
No tests here; the test modules and the browser tests import it."""

import datetime

from django.utils import timezone

from meetings import services
from meetings.models import WrittenProposal
from partnership.models import Member, OfficeRole
from tests.factories import MemberFactory, NominatingBodyFactory, OfficeFactory, PersonFactory, UserFactory

BOARD_NAMES = [
    "Priya Patel",
    "Tom Hughes",
    "Aisha Khan",
    "Gareth Jones",
    "Helen Wright",
    "Ian Brown",
    "Jo Green",
    "Kate Moss",
    "Liam Ward",
    "Nina Shah",
    "Owen Price",
    "Ruth Hale",
    "Sean Lloyd",
    "Tara Webb",
    "Uma Rao",
]


def seat_members(partnership, count: int) -> list:
    """`count` more members of the partnership, each with a login and a nominating body of
    their own; returns their logins (username: the name, lower case, with a dot)."""
    users = []
    for name in BOARD_NAMES[:count]:
        user = UserFactory(username=name.lower().replace(" ", "."))
        body = NominatingBodyFactory(partnership=partnership, name=f"{name.split()[1]} Borough Council")
        MemberFactory(nominating_body=body, person=PersonFactory(name=name, user=user))
        users.append(user)
    return users


def make_vice_chair(partnership):
    user = UserFactory(username="vera.vice")
    body = NominatingBodyFactory(partnership=partnership, name="Fire and Rescue Service")
    member = MemberFactory(nominating_body=body, person=PersonFactory(name="Vera Vice", user=user))
    OfficeFactory(
        member=member, role=OfficeRole.VICE_CHAIR, starts_on=timezone.localdate() - datetime.timedelta(days=100)
    )
    return user


def member_of(user, partnership) -> Member:
    return Member.objects.get(partnership=partnership, person__user=user, active=True)


def put_to_members(partnership, chair, *, title="Bid for the Safer Streets fund", respond_by=None) -> WrittenProposal:
    return services.open_written_proposal(
        partnership=partnership,
        title=title,
        proposal="The partnership agrees to bid for the Safer Streets fund.",
        why_now="The bidding round closes before the next meeting.",
        respond_by=respond_by or timezone.localdate() + datetime.timedelta(days=7),
        by=chair,
    )


def respond(proposal, users, response="for", **interest) -> None:
    for user in users:
        services.respond_in_writing(
            proposal=proposal, member=member_of(user, proposal.partnership), response=response, **interest
        )
