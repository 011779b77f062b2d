"""Recording a meeting: attendance (ToR 3.2), declarations of interest (ToR 7), quorum, and
decisions by consensus or by a simple majority of votes cast (ToR 5.6)."""

from dataclasses import dataclass

from django.db.models import Max

from partnership.errors import RuleBroken
from partnership.models import Member
from partnership.services.common import rule_service

from ..models import (
    AgendaItem,
    Attendance,
    AttendanceStatus,
    Decision,
    DecisionMethod,
    Declaration,
    InterestKind,
    Meeting,
    Outcome,
)


def _check_member(meeting: Meeting, member: Member) -> None:
    if member.partnership_id != meeting.partnership_id:
        raise RuleBroken("Only the partnership's own members are recorded here.", field="member")


@rule_service
def record_attendance(*, meeting: Meeting, member: Member, status: str, substitute_name: str = "") -> Attendance:
    """Present, apologies, absent, or represented by a named substitute (ToR 3.2)."""
    _check_member(meeting, member)
    substitute_name = substitute_name.strip()
    if status == AttendanceStatus.SUBSTITUTE and not substitute_name:
        raise RuleBroken("Name the substitute who attended in the member's place (ToR 3.2).", field="substitute_name")
    attendance, _ = Attendance.objects.update_or_create(
        meeting=meeting,
        member=member,
        defaults={
            "status": status,
            "substitute_name": substitute_name if status == AttendanceStatus.SUBSTITUTE else "",
        },
    )
    return attendance


@rule_service
def declare_interest(
    *, agenda_item: AgendaItem, member: Member, kind: str, nature: str, participation_reason: str = ""
) -> Declaration:
    """An interest declared at or before the start of the item. With a prejudicial interest the
    member takes no part in the decision unless the board agreed otherwise, with its reason."""
    meeting = agenda_item.meeting
    _check_member(meeting, member)
    if not nature.strip():
        raise RuleBroken("Say what the interest is.", field="nature")
    if Declaration.objects.filter(agenda_item=agenda_item, member=member).exists():
        raise RuleBroken(f"{member.person.name} has already declared an interest in this item.", field="member")
    agreed = bool(participation_reason.strip())
    if agreed and kind != InterestKind.PREJUDICIAL:
        raise RuleBroken(
            "Only a prejudicial interest keeps a member out of the decision.", field="participation_reason"
        )
    return Declaration.objects.create(
        meeting=meeting,
        agenda_item=agenda_item,
        member=member,
        kind=kind,
        nature=nature.strip(),
        participation_agreed=agreed,
        participation_reason=participation_reason.strip(),
    )


@dataclass(frozen=True)
class Quorum:
    required: int
    present: int
    withdrawn: int = 0

    @property
    def remaining(self) -> int:
        return self.present - self.withdrawn

    @property
    def is_quorate(self) -> bool:
        return self.remaining >= self.required


def meeting_quorum(meeting: Meeting) -> Quorum:
    present = sum(1 for row in meeting.attendance.all() if row.counts_as_present)
    return Quorum(required=meeting.partnership.quorum, present=present)


def item_quorum(agenda_item: AgendaItem) -> Quorum:
    """The meeting's quorum once members with a prejudicial interest in the item withdrew."""
    meeting = agenda_item.meeting
    present = {row.member_id for row in meeting.attendance.all() if row.counts_as_present}
    withdrawn = {d.member_id for d in agenda_item.declarations.all() if d.withdraws} & present
    return Quorum(required=meeting.partnership.quorum, present=len(present), withdrawn=len(withdrawn))


def _outcome(method: str, votes_for: int, votes_against: int) -> str:
    if method == DecisionMethod.CONSENSUS:
        return Outcome.AGREED
    return Outcome.CARRIED if votes_for > votes_against else Outcome.LOST  # a tie is not carried (ToR 5.6)


@rule_service
def record_decision(
    *,
    agenda_item: AgendaItem,
    text: str,
    method: str = DecisionMethod.CONSENSUS,
    votes_for: int = 0,
    votes_against: int = 0,
    abstentions: int = 0,
    voters: list[Member] = (),
) -> Decision:
    """A decision on the item, numbered in the partnership's log. A vote is decided by simple
    majority of the votes cast; no member with a prejudicial interest in the item is a voter."""
    meeting = agenda_item.meeting
    if not text.strip():
        raise RuleBroken("Write down what was decided.", field="text")
    if not item_quorum(agenda_item).is_quorate:
        raise RuleBroken(
            f"The meeting was not quorate for this item (at least {meeting.partnership.quorum} members needed, "
            "once those with a prejudicial interest withdrew), so it could not decide.",
        )
    voters = list(voters)
    if method == DecisionMethod.CONSENSUS:
        if voters or votes_for or votes_against or abstentions:
            raise RuleBroken("A decision by consensus has no votes; record a vote instead.", field="method")
    else:
        _check_votes(agenda_item, voters, votes_for, votes_against, abstentions)
    partnership = meeting.partnership
    last = Decision.objects.filter(partnership=partnership).aggregate(last=Max("number"))["last"] or 0
    decision = Decision.objects.create(
        partnership=partnership,
        agenda_item=agenda_item,
        number=last + 1,
        text=text.strip(),
        method=method,
        votes_for=votes_for,
        votes_against=votes_against,
        abstentions=abstentions,
        outcome=_outcome(method, votes_for, votes_against),
    )
    decision.voters.set(voters)
    return decision


def _check_votes(agenda_item: AgendaItem, voters, votes_for: int, votes_against: int, abstentions: int) -> None:
    if min(votes_for, votes_against, abstentions) < 0:
        raise RuleBroken("Votes are counted from nought up.", field="votes_for")
    if votes_for + votes_against == 0:
        raise RuleBroken("A vote needs votes cast for or against.", field="votes_for")
    present = {row.member_id for row in agenda_item.meeting.attendance.all() if row.counts_as_present}
    for voter in voters:
        if voter.pk not in present:
            raise RuleBroken(f"{voter.person.name} is not recorded as present, so cannot vote.", field="voters")
    withdrawn = {d.member_id: d for d in agenda_item.declarations.all() if d.withdraws}
    for voter in voters:
        if voter.pk in withdrawn:
            raise RuleBroken(
                f"{voter.person.name} declared a prejudicial interest in this item and takes no part in the "
                "decision (ToR 7), unless the board agrees otherwise.",
                field="voters",
            )
    if voters and len(voters) != votes_for + votes_against + abstentions:
        raise RuleBroken(
            f"{len(voters)} voters are named but {votes_for + votes_against + abstentions} votes are counted.",
            field="voters",
        )
