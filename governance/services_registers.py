"""What people do with the standing registers of the Code of Conduct (seed 001): a person keeps
their own register of interests and confirms it is up to date, and records gifts and
hospitality offered in connection with a partnership's work; the secretariat or the chair
records a suspected breach of the Code, and the chair alone requires the member to withdraw from
partnership business until it is resolved, and resolves it; on a breach by the chair, the vice
chair does, since nobody decides on their own conduct."""

import datetime
from decimal import Decimal

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from meetings.models import InterestCategory
from partnership.errors import RuleBroken
from partnership.models import Member, Office, OfficeRole, Partnership, Person
from partnership.roles import chair_partnership_ids, secretariat_partnership_ids, vice_chair_partnership_ids
from partnership.services.common import check_date, long_date, required_text, rule_service

from .models_registers import (
    WITHDRAWAL_REASON,
    BreachStatus,
    ConductBreach,
    GiftKind,
    GiftOrHospitality,
    InterestRegisterConfirmation,
    RegisteredInterest,
)

OWN_REGISTER = gettext_lazy("You can only keep your own register of interests.")
OWN_GIFTS = gettext_lazy("You can only record gifts and hospitality offered to you.")
ONLY_THE_CHAIR = gettext_lazy(
    "Only the chair of the partnership decides on a suspected breach of the Code of Conduct: requiring the "
    "member to withdraw from partnership business, and resolving it."
)
CHAIRS_OWN_BREACH = gettext_lazy("The chair cannot decide on a suspected breach by the chair: the vice chair decides.")
ONLY_THE_VICE_CHAIR = gettext_lazy("Only the vice chair of the partnership decides on a suspected breach by the chair.")
VICE_CHAIR_ONLY_FOR_THE_CHAIR = gettext_lazy(
    "The vice chair decides only on a suspected breach by the chair: the chair decides on this one."
)

NO_LONGER_A_MEMBER = gettext_lazy("%(member)s no longer holds a seat on the partnership.")


def _check_own(person: Person, by, message: str) -> None:
    if by is None or not by.is_authenticated or getattr(by, "person", None) is None or by.person.pk != person.pk:
        raise RuleBroken(message)


def _check_day(day: datetime.date | None, today: datetime.date, *, field: str, required: str, future: str) -> None:
    if day is None:
        raise RuleBroken(required, field=field)
    check_date(day, field=field)
    if day > today:
        raise RuleBroken(future, field=field)


@rule_service
def register_interest(
    *,
    person: Person,
    category: str,
    description: str,
    organisation: str = "",
    registered_on: datetime.date,
    by,
    now: datetime.datetime | None = None,
) -> RegisteredInterest:
    """A new line on the person's own register of interests, in the Code's categories."""
    now = now or timezone.now()
    _check_own(person, by, OWN_REGISTER)
    if category not in InterestCategory.values:
        raise RuleBroken(_("Choose what the interest touches from the Code of Conduct's list."), field="category")
    description = required_text(description, field="description", message=_("Say what the interest is."))
    _check_day(
        registered_on,
        timezone.localdate(now),
        field="registered_on",
        required=_("Give the date the interest began."),
        future=_("Register an interest once it has begun: the date cannot be in the future."),
    )
    return RegisteredInterest.objects.create(
        person=person,
        category=category,
        description=description,
        organisation=(organisation or "").strip(),
        registered_on=registered_on,
    )


@rule_service
def end_interest(
    *, interest: RegisteredInterest, ended_on: datetime.date, by, now: datetime.datetime | None = None
) -> RegisteredInterest:
    """The interest has ended; the line stays on the register's history."""
    now = now or timezone.now()
    interest = RegisteredInterest.objects.select_for_update().select_related("person").get(pk=interest.pk)
    _check_own(interest.person, by, OWN_REGISTER)
    if interest.ended_on is not None:
        raise RuleBroken(_("This interest already ended on %(date)s.") % {"date": long_date(interest.ended_on)})
    _check_day(
        ended_on,
        timezone.localdate(now),
        field="ended_on",
        required=_("Give the date the interest ended."),
        future=_("Record the end of an interest once it has ended: the date cannot be in the future."),
    )
    if ended_on < interest.registered_on:
        raise RuleBroken(
            _("An interest cannot end before it began: it was registered from %(date)s.")
            % {"date": long_date(interest.registered_on)},
            field="ended_on",
        )
    interest.ended_on = ended_on
    interest.save(update_fields=["ended_on"])
    return interest


@rule_service
def confirm_interests_up_to_date(
    *, person: Person, by, now: datetime.datetime | None = None
) -> InterestRegisterConfirmation:
    """The person's statement that their register is complete and up to date, asked once a year."""
    _check_own(person, by, OWN_REGISTER)
    return InterestRegisterConfirmation.objects.create(person=person, confirmed_at=now or timezone.now())


@rule_service
def record_gift_or_hospitality(
    *,
    person: Person,
    partnership: Partnership,
    kind: str = GiftKind.GIFT,
    offered_by: str,
    description: str,
    estimated_value: Decimal,
    offered_on: datetime.date,
    accepted: bool,
    registered_with_body: bool,
    by,
    now: datetime.datetime | None = None,
) -> GiftOrHospitality:
    """An offer made to the person in connection with the work of a partnership they sit on."""
    now = now or timezone.now()
    _check_own(person, by, OWN_GIFTS)
    if not Member.objects.filter(person=person, partnership=partnership, active=True).exists():
        raise RuleBroken(
            _("You do not hold a seat on the %(partnership)s: record the offer against a partnership you sit on.")
            % {"partnership": partnership.name},
            field="partnership",
        )
    if kind not in GiftKind.values:
        raise RuleBroken(_("Say whether it was a gift or hospitality."), field="kind")
    offered_by = required_text(offered_by, field="offered_by", message=_("Say who made the offer."))
    description = required_text(description, field="description", message=_("Say what was offered."))
    if estimated_value is None:
        raise RuleBroken(_("Give the estimated value in pounds, 0 if it had none."), field="estimated_value")
    if estimated_value < 0:
        raise RuleBroken(_("The estimated value cannot be less than £0."), field="estimated_value")
    _check_day(
        offered_on,
        timezone.localdate(now),
        field="offered_on",
        required=_("Give the date of the offer."),
        future=_("Record an offer once it has been made: the date cannot be in the future."),
    )
    if registered_with_body and not accepted:
        raise RuleBroken(
            _("Only an accepted gift or hospitality is registered with your nominating body."),
            field="registered_with_body",
        )
    return GiftOrHospitality.objects.create(
        person=person,
        partnership=partnership,
        kind=kind,
        offered_by=offered_by,
        description=description,
        estimated_value=estimated_value,
        offered_on=offered_on,
        accepted=accepted,
        registered_with_body=registered_with_body,
        recorded_at=now,
    )


def _is_chair(by, partnership_id: int, today: datetime.date) -> bool:
    return by is not None and by.is_authenticated and partnership_id in chair_partnership_ids(by, today)


@rule_service
def record_breach(
    *,
    partnership: Partnership,
    member: Member,
    description: str,
    reported_on: datetime.date,
    by,
    now: datetime.datetime | None = None,
) -> ConductBreach:
    """A suspected breach of the Code, brought to the chair's attention by the secretariat or by
    the chair themselves."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    is_secretariat = by is not None and by.is_authenticated and partnership.pk in secretariat_partnership_ids(by)
    if not (is_secretariat or _is_chair(by, partnership.pk, today)):
        raise RuleBroken(_("Only the partnership's secretariat or its chair records a suspected breach of the Code."))
    if member.partnership_id != partnership.pk:
        raise RuleBroken(
            _("%(member)s is not a member of the %(partnership)s.")
            % {"member": member.person.name, "partnership": partnership.name},
            field="member",
        )
    if not member.active:
        raise RuleBroken(NO_LONGER_A_MEMBER % {"member": member.person.name}, field="member")
    description = required_text(description, field="description", message=_("Say what the suspected breach is."))
    _check_day(
        reported_on,
        today,
        field="reported_on",
        required=_("Give the date the suspected breach was reported."),
        future=_("The date it was reported cannot be in the future."),
    )
    return ConductBreach.objects.create(
        partnership=partnership, member=member, description=description, reported_on=reported_on, reported_by=by
    )


def _lock(breach: ConductBreach) -> ConductBreach:
    return (
        ConductBreach.objects.select_for_update(of=("self",))
        .select_related("partnership", "member__person")
        .get(pk=breach.pk)
    )


def _lock_member(member_id: int) -> Member:
    return Member.objects.select_for_update(of=("self",)).select_related("person").get(pk=member_id)


def _is_by_the_chair(breach: ConductBreach, today: datetime.date) -> bool:
    return Office.objects.filter(
        member_id=breach.member_id, role=OfficeRole.CHAIR, starts_on__lte=today, ends_on__gte=today
    ).exists()


def refusal_to_decide(breach: ConductBreach, by, today: datetime.date) -> str | None:
    """Why `by` may not decide on the breach (require withdrawal, resolve), or None if they may.
    The chair decides; on a breach by the chair the vice chair does, as nobody judges their own
    conduct. The breach page asks this too, to offer the buttons only to whoever decides."""
    if by is None or not by.is_authenticated:
        return ONLY_THE_CHAIR
    is_chair = breach.partnership_id in chair_partnership_ids(by, today)
    is_vice_chair = breach.partnership_id in vice_chair_partnership_ids(by, today)
    if _is_by_the_chair(breach, today):
        if is_chair:
            return CHAIRS_OWN_BREACH
        return None if is_vice_chair else ONLY_THE_VICE_CHAIR
    if is_chair:
        return None
    return VICE_CHAIR_ONLY_FOR_THE_CHAIR if is_vice_chair else ONLY_THE_CHAIR


def _check_decides(breach: ConductBreach, by, today: datetime.date) -> None:
    refusal = refusal_to_decide(breach, by, today)
    if refusal:
        raise RuleBroken(refusal)


@rule_service
def require_withdrawal(*, breach: ConductBreach, by, now: datetime.datetime | None = None) -> ConductBreach:
    """The chair's power under the Code (the vice chair's on a breach by the chair): the member
    withdraws from partnership business until the breach is investigated and the partners agree
    the way forward."""
    now = now or timezone.now()
    breach = _lock(breach)
    _check_decides(breach, by, timezone.localdate(now))
    if not breach.is_open:
        raise RuleBroken(_("This breach is resolved: there is nothing to withdraw from."))
    if breach.withdrawal_required_at is not None:
        raise RuleBroken(
            _("%(member)s was already required to withdraw from partnership business on %(date)s.")
            % {
                "member": breach.member.person.name,
                "date": long_date(timezone.localdate(breach.withdrawal_required_at)),
            }
        )
    member = _lock_member(breach.member_id)
    if not member.active:
        raise RuleBroken(NO_LONGER_A_MEMBER % {"member": member.person.name})
    breach.withdrawal_required_at, breach.withdrawal_required_by = now, by
    breach.save(update_fields=["withdrawal_required_at", "withdrawal_required_by"])
    if member.withdrawn_from_business_since is None:  # withdrawn already over another breach: since then
        member.withdrawn_from_business_since = now
        member.withdrawal_reason = WITHDRAWAL_REASON
        member.save(update_fields=["withdrawn_from_business_since", "withdrawal_reason"])
    breach.member = member
    return breach


@rule_service
def resolve_breach(
    *, breach: ConductBreach, resolution: str, by, now: datetime.datetime | None = None
) -> ConductBreach:
    """The chair (the vice chair, on a breach by the chair) records the way forward the partners
    agreed. The member returns to partnership business unless another open breach still requires
    them to withdraw."""
    now = now or timezone.now()
    breach = _lock(breach)
    _check_decides(breach, by, timezone.localdate(now))
    if not breach.is_open:
        raise RuleBroken(_("This breach was already resolved on %(date)s.") % {"date": long_date(breach.resolved_on)})
    resolution = required_text(
        resolution, field="resolution", message=_("Record the way forward the partners agreed after the investigation.")
    )
    breach.status, breach.resolved_on, breach.resolution = BreachStatus.RESOLVED, timezone.localdate(now), resolution
    breach.save(update_fields=["status", "resolved_on", "resolution"])
    member = _lock_member(breach.member_id)
    still_required = ConductBreach.objects.filter(
        member=member, status=BreachStatus.OPEN, withdrawal_required_at__isnull=False
    ).exists()
    if member.withdrawn_from_business_since is not None and not still_required:
        member.withdrawn_from_business_since = None
        member.withdrawal_reason = ""
        member.save(update_fields=["withdrawn_from_business_since", "withdrawal_reason"])
    breach.member = member
    return breach
