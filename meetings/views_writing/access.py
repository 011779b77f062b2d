"""Fetching a proposal for the user asking, through meetings/access.py: someone outside the
partnership gets 404, a member without the right 403 with the reason."""

from django.shortcuts import get_object_or_404

from ..access import get_partnership_for, get_partnership_for_meetings
from ..models import WrittenProposal


def _proposal_of(partnership, pk: int) -> WrittenProposal:
    proposal = get_object_or_404(WrittenProposal.objects.select_related("decision"), pk=pk, partnership=partnership)
    proposal.partnership = partnership
    return proposal


def get_proposal_for_user(request, slug: str, pk: int) -> WrittenProposal:
    """A proposal of a partnership whose meetings the user may read."""
    return _proposal_of(get_partnership_for_meetings(request, slug), pk)


def get_proposal_for(request, slug: str, pk: int, perm: str) -> WrittenProposal:
    """A proposal of a partnership on which the user holds `perm` (meetings/rules.py)."""
    return _proposal_of(get_partnership_for(request, slug, perm), pk)
