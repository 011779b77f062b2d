"""Decisions that cannot wait for the next meeting, taken in writing: the chair puts the
proposal to the members, each answers in the portal (declaring any interest first: with a
prejudicial one they take no part, ToR 7), and the chair closes it. The result is decided by
simple majority of the votes cast (ToR 5.6), numbered in the decision log, and reported to the
next meeting."""

import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from partnership.errors import RuleBroken
from partnership.models import Member, Partnership
from partnership.services.common import check_date, long_date, rule_service
from partnership.services.withdrawal import check_not_withdrawn

from ..chairing import is_chair_on
from ..models import (
    Decision,
    DecisionMethod,
    InterestCategory,
    InterestKind,
    ProposalStatus,
    Response,
    WrittenProposal,
    WrittenResponse,
)
from ..tasks import email_written_proposal
from .record import next_decision_number, outcome_of

ONLY_THE_CHAIR = gettext_noop("Only the chair puts a decision to the members in writing, and closes it.")


def _check_open(proposal: WrittenProposal, *, closed: str) -> None:
    """Closed and withdrawn proposals both take nothing more; the message says which it is."""
    if proposal.status == ProposalStatus.WITHDRAWN:
        raise RuleBroken(_("The chair withdrew this proposal, so it is no longer open."))
    if not proposal.is_open:
        raise RuleBroken(closed)


def _lock(proposal: WrittenProposal) -> WrittenProposal:
    return WrittenProposal.objects.select_for_update(of=("self",)).select_related("partnership").get(pk=proposal.pk)


@rule_service
def open_written_proposal(
    *,
    partnership: Partnership,
    title: str,
    proposal: str,
    why_now: str,
    respond_by: datetime.date,
    by,
    now: datetime.datetime | None = None,
) -> WrittenProposal:
    now = now or timezone.now()
    today = timezone.localdate(now)
    if not is_chair_on(by, partnership.pk, today):
        raise RuleBroken(_(ONLY_THE_CHAIR))
    for name, value, message in (
        ("title", title, _("Give the proposal a title.")),
        ("proposal", proposal, _("Write what the members are asked to agree.")),
        ("why_now", why_now, _("Say why it cannot wait for the next meeting.")),
    ):
        if not value.strip():
            raise RuleBroken(message, field=name)
    if respond_by is None:
        raise RuleBroken(_("Give the date by which members respond."), field="respond_by")
    check_date(respond_by, field="respond_by")
    if respond_by < today:
        raise RuleBroken(_("The date to respond by cannot be in the past."), field="respond_by")
    written = WrittenProposal.objects.create(
        partnership=partnership,
        title=title.strip(),
        proposal=proposal.strip(),
        why_now=why_now.strip(),
        respond_by=respond_by,
        opened_at=now,
        opened_by=by,
    )
    transaction.on_commit(lambda: email_written_proposal.delay(written.pk))
    return written


@rule_service
def respond_in_writing(
    *,
    proposal: WrittenProposal,
    member: Member,
    response: str = "",
    interest: str = "",
    interest_category: str = "",
    interest_nature: str = "",
    now: datetime.datetime | None = None,
) -> WrittenResponse:
    """A member's answer, which they may change while the proposal is open. With a prejudicial
    interest the answer is a withdrawal: nothing is counted for them."""
    now = now or timezone.now()
    proposal = _lock(proposal)
    _check_open(proposal, closed=_("The chair has closed this proposal; responses are no longer taken."))
    if timezone.localdate(now) > proposal.respond_by:
        raise RuleBroken(_("Responses were due by %(date)s.") % {"date": long_date(proposal.respond_by)})
    if member.partnership_id != proposal.partnership_id or not member.active:
        raise RuleBroken(_("Only the partnership's current members respond."), field="member")
    check_not_withdrawn(member, on=timezone.localdate(now))
    if interest and interest not in InterestKind.values:
        raise RuleBroken(_("Say whether the interest is personal or prejudicial."), field="interest")
    if interest_category and interest_category not in InterestCategory.values:
        raise RuleBroken(
            _("Choose what the interest touches from the Code of Conduct's list."), field="interest_category"
        )
    if interest and not interest_nature.strip():
        raise RuleBroken(_("Say what the interest is."), field="interest_nature")
    if interest == InterestKind.PREJUDICIAL:
        response = ""  # they take no part in the decision (ToR 7)
    elif response not in Response.values:
        raise RuleBroken(_("Answer for, against or abstain."), field="response")
    answer, _created = WrittenResponse.objects.update_or_create(
        proposal=proposal,
        member=member,
        defaults={
            "response": response,
            "interest": interest,
            "interest_category": interest_category if interest else "",
            "interest_nature": interest_nature.strip() if interest else "",
            "responded_at": now,
        },
    )
    return answer


@rule_service
def close_written_proposal(*, proposal: WrittenProposal, by, now: datetime.datetime | None = None) -> Decision:
    """The chair closes it and the result goes into the decision log. Enough members must have
    taken part (the partnership's quorum, not counting those who withdrew)."""
    now = now or timezone.now()
    proposal = _lock(proposal)
    partnership = proposal.partnership
    if not is_chair_on(by, partnership.pk, timezone.localdate(now)):
        raise RuleBroken(_(ONLY_THE_CHAIR))
    _check_open(proposal, closed=_("This proposal is already closed."))
    answers = list(proposal.responses.select_related("member"))
    taking_part = [answer for answer in answers if not answer.withdrew]
    if len(taking_part) < partnership.quorum:
        raise RuleBroken(
            _(
                "%(taking_part)s members have taken part so far; at least %(quorum)s are needed to decide "
                "(those with a prejudicial interest do not count). Wait for more responses, or withdraw the proposal."
            )
            % {"taking_part": len(taking_part), "quorum": partnership.quorum}
        )
    counts = {choice: sum(1 for answer in taking_part if answer.response == choice) for choice in Response.values}
    votes_for, votes_against = counts[Response.FOR], counts[Response.AGAINST]
    if votes_for + votes_against == 0:
        raise RuleBroken(_("Every member who took part abstained, so nothing was decided. Withdraw the proposal."))
    proposal.status = ProposalStatus.CLOSED
    proposal.closed_at, proposal.closed_by = now, by
    proposal.save()
    decision = Decision.objects.create(
        partnership=partnership,
        written_proposal=proposal,
        number=next_decision_number(partnership),
        decided_on=timezone.localdate(now),
        text=proposal.proposal,
        method=DecisionMethod.VOTE,
        votes_for=votes_for,
        votes_against=votes_against,
        abstentions=counts[Response.ABSTAIN],
        outcome=outcome_of(DecisionMethod.VOTE, votes_for, votes_against),
    )
    decision.voters.set([answer.member for answer in taking_part])
    return decision


@rule_service
def withdraw_written_proposal(*, proposal: WrittenProposal, by, now: datetime.datetime | None = None):
    """The chair withdraws a proposal that will not be decided in writing; nothing is logged."""
    now = now or timezone.now()
    proposal = _lock(proposal)
    if not is_chair_on(by, proposal.partnership_id, timezone.localdate(now)):
        raise RuleBroken(_(ONLY_THE_CHAIR))
    _check_open(proposal, closed=_("This proposal is already closed."))
    proposal.status = ProposalStatus.WITHDRAWN
    proposal.closed_at, proposal.closed_by = now, by
    proposal.save()
    return proposal
