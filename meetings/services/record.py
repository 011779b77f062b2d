"""Recording a meeting: attendance (ToR 3.2), declarations of interest (ToR 7), quorum, and
decisions by consensus or by a simple majority of votes cast (ToR 5.6)."""

import datetime
from dataclasses import dataclass

from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from partnership.errors import RuleBroken
from partnership.models import Member, Partnership
from partnership.services.common import long_date, rule_service
from partnership.services.withdrawal import check_not_withdrawn

from ..models import (
    OPEN_STATUSES,
    AgendaItem,
    Attendance,
    AttendanceStatus,
    Decision,
    DecisionMethod,
    Declaration,
    InterestCategory,
    InterestKind,
    Meeting,
    MeetingStatus,
    Minutes,
    MinutesStatus,
    OtherAttendee,
    OtherAttendeeRole,
    Outcome,
)

RECORD_LOCKED = gettext_noop(
    "The chair has approved the minutes, so the record they were approved on stays as it is. "
    "Return the minutes to draft to correct it."
)


def _check_member(meeting: Meeting, member: Member) -> None:
    if member.partnership_id != meeting.partnership_id:
        raise RuleBroken(_("Only the partnership's own members are recorded here."), field="member")


def check_record_open(meeting: Meeting) -> None:
    """Once the minutes are approved, the attendance, declarations and decisions they were
    approved on cannot change underneath them. Read from the database, not from a `meeting.minutes`
    cached on the object, and locked inside a transaction, so an approval made at the same moment
    waits for this change (and its version includes it) or this change sees the approval."""
    minutes = Minutes.objects.filter(meeting_id=meeting.pk)
    if transaction.get_connection().in_atomic_block:
        # One change to a meeting's record at a time: a vote and a declaration made at the same
        # moment cannot both pass their checks and leave a withdrawn member as a voter.
        Meeting.objects.select_for_update().filter(pk=meeting.pk).values_list("pk").first()
        minutes = minutes.select_for_update()
    status = minutes.values_list("status", flat=True).first()
    if status is not None and status != MinutesStatus.DRAFT:
        raise RuleBroken(_(RECORD_LOCKED))


def check_held(meeting: Meeting, what: str, today: datetime.date | None = None) -> None:
    today = today or timezone.localdate()
    if meeting.date > today:
        raise RuleBroken(
            _("The meeting is on %(date)s: %(what)s once it has taken place.")
            % {"date": long_date(meeting.date), "what": what}
        )


def mark_held(meeting: Meeting) -> None:
    """The first record of who came moves the meeting on from its agenda to its record."""
    if meeting.status in OPEN_STATUSES:
        meeting.status = MeetingStatus.HELD
        meeting.save(update_fields=["status"])


@rule_service
def record_attendance(*, meeting: Meeting, member: Member, status: str, substitute_name: str = "") -> Attendance:
    """Present, apologies, absent, or represented by a named substitute (ToR 3.2). Apologies may
    be sent ahead; the rest is recorded once the meeting has taken place."""
    _check_member(meeting, member)
    check_record_open(meeting)
    if status not in AttendanceStatus.values:
        raise RuleBroken(_("Choose present, apologies, absent or represented by a substitute."), field="status")
    if status != AttendanceStatus.APOLOGIES:
        check_held(meeting, _("who attended is recorded"))
    substitute_name = substitute_name.strip()
    if status == AttendanceStatus.SUBSTITUTE and not substitute_name:
        raise RuleBroken(
            _("Name the substitute who attended in the member's place (ToR 3.2)."), field="substitute_name"
        )
    if status == AttendanceStatus.PRESENT:
        check_not_withdrawn(member, on=meeting.date, field="status")
    if status in (AttendanceStatus.APOLOGIES, AttendanceStatus.ABSENT):
        _check_not_a_voter(meeting, member)
    attendance, _created = Attendance.objects.update_or_create(
        meeting=meeting,
        member=member,
        defaults={
            "status": status,
            "substitute_name": substitute_name if status == AttendanceStatus.SUBSTITUTE else "",
        },
    )
    if status != AttendanceStatus.APOLOGIES:
        mark_held(meeting)
    if not attendance.counts_as_present:
        check_decisions_stay_quorate(meeting)
    return attendance


def check_decisions_stay_quorate(meeting: Meeting, items=None) -> None:
    """A decision stands on a quorate item: a later change to who was present, or a later
    prejudicial interest, may not leave a decision taken without a quorum."""
    meeting = Meeting.objects.select_related("partnership").prefetch_related("attendance").get(pk=meeting.pk)
    decided = AgendaItem.objects.filter(meeting=meeting, decisions__isnull=False).distinct()
    if items is not None:
        decided = decided.filter(pk__in=[item.pk for item in items])
    for item in decided.prefetch_related("declarations"):
        item.meeting = meeting
        if not item_quorum(item).is_quorate:
            number = item.decisions.order_by("number").values_list("number", flat=True).first()
            raise RuleBroken(
                _(
                    'Decision %(number)s on "%(title)s" was taken with a quorum of '
                    "%(quorum)s; this change would leave it without one. Correct the decision first."
                )
                % {"number": number, "title": item.title, "quorum": meeting.partnership.quorum}
            )


def _check_not_a_voter(meeting: Meeting, member: Member) -> None:
    """Only those present vote: a voter is not then recorded as away."""
    voted = Decision.objects.filter(agenda_item__meeting=meeting, voters=member).order_by("number").first()
    if voted is not None:
        raise RuleBroken(
            _("%(name)s voted on decision %(number)s, so was present. Correct the decision first.")
            % {"name": member.person.name, "number": voted.number},
            field="status",
        )


@rule_service
def add_other_attendee(
    *, meeting: Meeting, name: str, organisation: str = "", role: str = OtherAttendeeRole.OFFICER
) -> OtherAttendee:
    """Officers, the block lead, and guests the chair agreed to (ToR 4.4)."""
    check_record_open(meeting)
    if not name.strip():
        raise RuleBroken(_("Give the name of who attended."), field="name")
    if role not in OtherAttendeeRole.values:
        raise RuleBroken(_("Say whether they attended as an officer, the block lead or a guest."), field="role")
    return OtherAttendee.objects.create(
        meeting=meeting, name=name.strip(), organisation=organisation.strip(), role=role
    )


@rule_service
def remove_other_attendee(*, attendee: OtherAttendee) -> None:
    check_record_open(attendee.meeting)
    attendee.delete()


@rule_service
def declare_interest(
    *,
    agenda_item: AgendaItem,
    member: Member,
    kind: str,
    nature: str,
    category: str = "",
    participation_reason: str = "",
    by=None,
    now: datetime.datetime | None = None,
) -> Declaration:
    """An interest declared at or before the start of the item. With a prejudicial interest the
    member takes no part in the decision unless the board agreed otherwise, with its reason."""
    meeting = agenda_item.meeting
    _check_member(meeting, member)
    check_record_open(meeting)
    check_not_withdrawn(member, on=meeting.date)
    if kind not in InterestKind.values:
        raise RuleBroken(_("Say whether the interest is personal or prejudicial."), field="kind")
    if category and category not in InterestCategory.values:
        raise RuleBroken(_("Choose what the interest touches from the Code of Conduct's list."), field="category")
    if not nature.strip():
        raise RuleBroken(_("Say what the interest is."), field="nature")
    if Declaration.objects.filter(agenda_item=agenda_item, member=member).exists():
        raise RuleBroken(
            _("%(name)s has already declared an interest in this item.") % {"name": member.person.name}, field="member"
        )
    agreed = bool(participation_reason.strip())
    if agreed and kind != InterestKind.PREJUDICIAL:
        raise RuleBroken(
            _("Only a prejudicial interest keeps a member out of the decision."), field="participation_reason"
        )
    if kind == InterestKind.PREJUDICIAL and not agreed and agenda_item.decisions.filter(voters=member).exists():
        # Otherwise the record would show a member with a prejudicial interest as a voter (ToR 7).
        raise RuleBroken(
            _(
                "%(name)s voted on this item. Correct the decision first, or record that the board "
                "agreed they could take part."
            )
            % {"name": member.person.name},
            field="kind",
        )
    declaration = Declaration.objects.create(
        meeting=meeting,
        agenda_item=agenda_item,
        member=member,
        kind=kind,
        category=category,
        nature=nature.strip(),
        participation_agreed=agreed,
        participation_reason=participation_reason.strip(),
        declared_at=now or timezone.now(),
        declared_by=by,
    )
    if declaration.withdraws:
        check_decisions_stay_quorate(meeting, items=[agenda_item])
    return declaration


@rule_service
def agree_participation(*, declaration: Declaration, reason: str) -> Declaration:
    """The board agreed that a member with a prejudicial interest may take part (ToR 7)."""
    check_record_open(declaration.meeting)
    if declaration.kind != InterestKind.PREJUDICIAL:
        raise RuleBroken(_("Only a prejudicial interest keeps a member out of the decision."), field="reason")
    if not reason.strip():
        raise RuleBroken(_("Record why the board agreed the member may take part."), field="reason")
    declaration.participation_agreed = True
    declaration.participation_reason = reason.strip()
    declaration.save()
    return declaration


@rule_service
def withdraw_declaration(*, declaration: Declaration) -> None:
    """A declaration recorded in error; the history keeps that it was made."""
    check_record_open(declaration.meeting)
    if declaration.agenda_item.decisions.filter(voters=declaration.member).exists():
        raise RuleBroken(_("The member voted on this item; correct the decision first."))
    declaration.delete()


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


def outcome_of(method: str, votes_for: int, votes_against: int) -> str:
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
    check_held(meeting, _("its decisions are recorded"))
    voters = _check_decision(agenda_item, text, method, voters, votes_for, votes_against, abstentions)
    partnership = meeting.partnership
    decision = Decision.objects.create(
        partnership=partnership,
        agenda_item=agenda_item,
        number=next_decision_number(partnership),
        decided_on=meeting.date,
        text=text.strip(),
        method=method,
        votes_for=votes_for,
        votes_against=votes_against,
        abstentions=abstentions,
        outcome=outcome_of(method, votes_for, votes_against),
    )
    decision.voters.set(voters)
    return decision


def next_decision_number(partnership: Partnership) -> int:
    """The log's next number; two saved at once meet the unique number and one is refused."""
    last = Decision.objects.filter(partnership=partnership).aggregate(last=Max("number"))["last"] or 0
    return last + 1


@rule_service
def correct_decision(
    *,
    decision: Decision,
    text: str,
    method: str = DecisionMethod.CONSENSUS,
    votes_for: int = 0,
    votes_against: int = 0,
    abstentions: int = 0,
    voters: list[Member] = (),
) -> Decision:
    """Put right a decision recorded wrongly, under the same rules, keeping its number."""
    agenda_item = decision.agenda_item
    if agenda_item is None:
        raise RuleBroken(_("A decision taken in writing is the members' responses; it cannot be corrected here."))
    voters = _check_decision(agenda_item, text, method, voters, votes_for, votes_against, abstentions)
    outcome = outcome_of(method, votes_for, votes_against)
    if outcome == Outcome.LOST:
        _check_no_actions_arising(decision)
    decision.text = text.strip()
    decision.method = method
    decision.votes_for, decision.votes_against, decision.abstentions = votes_for, votes_against, abstentions
    decision.outcome = outcome
    decision.save()
    decision.voters.set(voters)
    return decision


def _check_no_actions_arising(decision: Decision) -> None:
    """A lost decision gives rise to no action (services/actions_arising.py). The decision's row
    is locked first, as linking an action locks it, so a link made at the same moment is either
    seen here or refused there."""
    locked = Decision.objects.select_for_update(of=("self",)).get(pk=decision.pk)
    if locked.actions.exists():
        raise RuleBroken(
            _("Decision %(number)s has actions arising: unlink them before recording it as lost.")
            % {"number": locked.number},
            field="outcome",
        )


def _check_decision(agenda_item, text, method, voters, votes_for, votes_against, abstentions) -> list[Member]:
    """The rules every decision at a meeting keeps, recorded or corrected: the record still
    open, words to it, a quorate item, and no votes on a consensus."""
    meeting = agenda_item.meeting
    check_record_open(meeting)
    if not text.strip():
        raise RuleBroken(_("Write down what was decided."), field="text")
    if method not in DecisionMethod.values:
        raise RuleBroken(_("Say whether it was decided by consensus or by a vote."), field="method")
    quorum = item_quorum(agenda_item)
    if not quorum.is_quorate:
        raise RuleBroken(
            _(
                "The meeting was not quorate for this item (at least %(quorum)s members needed, "
                "once those with a prejudicial interest withdrew), so it could not decide."
            )
            % {"quorum": meeting.partnership.quorum},
        )
    voters = list(voters)
    if method == DecisionMethod.CONSENSUS:
        if voters or votes_for or votes_against or abstentions:
            raise RuleBroken(_("A decision by consensus has no votes; record a vote instead."), field="method")
    else:
        _check_votes(agenda_item, quorum, voters, votes_for, votes_against, abstentions)
    return voters


def _check_votes(
    agenda_item: AgendaItem, quorum: Quorum, voters, votes_for: int, votes_against: int, abstentions: int
) -> None:
    if min(votes_for, votes_against, abstentions) < 0:
        raise RuleBroken(_("Votes are counted from nought up."), field="votes_for")
    if votes_for + votes_against == 0:
        raise RuleBroken(_("A vote needs votes cast for or against."), field="votes_for")
    if len({voter.pk for voter in voters}) != len(voters):
        raise RuleBroken(_("Name each voter once."), field="voters")
    meeting = agenda_item.meeting
    present = {row.member_id for row in meeting.attendance.all() if row.counts_as_present}
    for voter in voters:
        if voter.pk not in present:
            raise RuleBroken(
                _("%(name)s is not recorded as present, so cannot vote.") % {"name": voter.person.name},
                field="voters",
            )
        # A nominating body may still send a substitute for a member the chair has withdrawn from
        # business (record_attendance lets it, and the substitute counts as present), but no vote
        # is cast in the withdrawn member's name.
        check_not_withdrawn(voter, on=meeting.date, field="voters")
    withdrawn = {d.member_id: d for d in agenda_item.declarations.all() if d.withdraws}
    for voter in voters:
        if voter.pk in withdrawn:
            raise RuleBroken(
                _(
                    "%(name)s declared a prejudicial interest in this item and takes no part in the "
                    "decision (ToR 7), unless the board agrees otherwise."
                )
                % {"name": voter.person.name},
                field="voters",
            )
    if voters and len(voters) != votes_for + votes_against + abstentions:
        raise RuleBroken(
            _("%(voters)s voters are named but %(votes)s votes are counted.")
            % {"voters": len(voters), "votes": votes_for + votes_against + abstentions},
            field="voters",
        )
    # With the voters named this follows from the checks above; without them it is the only check.
    if votes_for + votes_against + abstentions > quorum.remaining:
        raise RuleBroken(
            _("%(votes)s votes are counted but only %(remaining)s members present could vote on this item.")
            % {"votes": votes_for + votes_against + abstentions, "remaining": quorum.remaining},
            field="votes_for",
        )
