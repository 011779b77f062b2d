"""Read queries of the pages about decisions in writing, each a fixed number of queries however
many members respond or proposals are made."""

import datetime
from dataclasses import dataclass

from django.db.models import Count, OuterRef, Subquery
from django.utils.translation import gettext as _

from partnership.models import Member, Partnership

from ..models import InterestKind, ProposalStatus, Response, WrittenProposal, WrittenResponse


def proposals_of(partnership: Partnership) -> list[WrittenProposal]:
    """Every proposal of the partnership, newest first, with its decision and how many answered."""
    return list(
        WrittenProposal.objects.filter(partnership=partnership)
        .select_related("decision")
        .annotate(response_count=Count("responses"))
        .order_by("-opened_at", "-pk")
    )


def taking_responses(proposal: WrittenProposal, today: datetime.date) -> bool:
    """Whether the respond page offers the form; respond_in_writing still decides."""
    return proposal.is_open and today <= proposal.respond_by


@dataclass(frozen=True)
class Responses:
    """Who has answered a proposal, and how; and the members who have not yet."""

    answers: list[WrittenResponse]
    awaiting: list[Member]

    @property
    def withdrew(self) -> list[WrittenResponse]:
        return [answer for answer in self.answers if answer.withdrew]

    @property
    def taking_part(self) -> int:
        return len(self.answers) - len(self.withdrew)

    def count(self, response: str) -> int:
        return sum(1 for answer in self.answers if answer.response == response)

    @property
    def tally(self) -> list[tuple[str, int]]:
        return [(label, self.count(value)) for value, label in Response.choices]


def responses_to(proposal: WrittenProposal) -> Responses:
    answers = list(proposal.responses.select_related("member__person", "member__nominating_body"))
    awaiting = list(
        Member.objects.filter(partnership_id=proposal.partnership_id, active=True)
        .exclude(written_responses__proposal=proposal)
        .select_related("person", "nominating_body")
        .order_by("person__name")
    )
    return Responses(answers=answers, awaiting=awaiting)


def your_answer(response: str | None, interest: str | None) -> str:
    """A member's answer so far, as their portal says it."""
    if response is None:
        return _("Not answered yet")
    if interest == InterestKind.PREJUDICIAL:
        return _("You take no part: prejudicial interest")
    return _("You answered: %(answer)s") % {"answer": Response(response).label}


def open_proposals_for(user, partnership_ids, today: datetime.date) -> list[WrittenProposal]:
    """Open proposals still taking responses on the partnerships where `user` sits, each with
    the user's own answer so far (`your_answer`), in one query."""
    if not partnership_ids:
        return []
    mine = WrittenResponse.objects.filter(proposal=OuterRef("pk"), member__person__user=user)
    proposals = list(
        WrittenProposal.objects.filter(
            partnership_id__in=partnership_ids, status=ProposalStatus.OPEN, respond_by__gte=today
        )
        .select_related("partnership")
        .annotate(
            my_response=Subquery(mine.values("response")[:1]),
            my_interest=Subquery(mine.values("interest")[:1]),
        )
        .order_by("respond_by", "pk")
    )
    for proposal in proposals:
        proposal.your_answer = your_answer(proposal.my_response, proposal.my_interest)
    return proposals
