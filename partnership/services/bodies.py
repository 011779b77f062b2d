"""Nominating bodies: their seats, and their notice of withdrawal (ToR 9)."""

import datetime

from django.utils.translation import gettext as _

from ..errors import RuleBroken
from ..models import NominatingBody, Partnership, WithdrawalNotice
from .common import check_date, lock_body, long_date, rule_service

MAX_SEATS = NominatingBody._meta.get_field("seats").validators[-1].limit_value


@rule_service
def save_nominating_body(
    *,
    partnership: Partnership,
    name: str,
    seats: int,
    is_responsible_authority: bool = False,
    body: NominatingBody | None = None,
) -> NominatingBody:
    """Add a body, or change one of `partnership`'s; never fewer seats than active members."""
    if not 1 <= seats <= MAX_SEATS:
        raise RuleBroken(_("A nominating body has between 1 and %(max)s seats.") % {"max": MAX_SEATS}, field="seats")
    if body is None:
        body = NominatingBody(partnership=partnership)
    else:
        body = lock_body(body)
        active = body.members.filter(active=True).count()
        if seats < active:
            raise RuleBroken(
                _(
                    "%(name)s has %(active)s active members, so it needs at least %(active)s seats. "
                    "Make a member inactive first."
                )
                % {"name": body.name, "active": active},
                field="seats",
            )
    duplicate = NominatingBody.objects.filter(partnership_id=body.partnership_id, name__iexact=name).exclude(pk=body.pk)
    if duplicate.exists():
        raise RuleBroken(_("This partnership already has a nominating body with that name."), field="name")
    body.name, body.seats, body.is_responsible_authority = name, seats, is_responsible_authority
    body.save()
    return body


@rule_service
def give_withdrawal_notice(
    *,
    nominating_body: NominatingBody,
    given_on: datetime.date,
    effective_on: datetime.date | None = None,
    notes: str = "",
) -> WithdrawalNotice:
    """Record a body's notice of withdrawal: it takes effect the partnership's notice period
    (12 months under ToR 9) after it is given, or later if the body says so."""
    check_date(given_on, field="given_on")
    check_date(effective_on, field="effective_on")
    body = lock_body(nominating_body)
    partnership = body.partnership
    earliest = partnership.withdrawal_effective_on(given_on)
    effective_on = effective_on or earliest
    if effective_on < earliest:
        raise RuleBroken(
            _(
                "A nominating body gives at least %(months)s months' notice (ToR 9): "
                "notice given on %(given_on)s takes effect on %(earliest)s at the earliest."
            )
            % {
                "months": partnership.withdrawal_notice_months,
                "given_on": long_date(given_on),
                "earliest": long_date(earliest),
            },
            field="effective_on",
        )
    pending = body.withdrawal_notices.filter(effective_on__gte=given_on).first()
    if pending is not None:
        raise RuleBroken(
            _("%(name)s has already given notice; it takes effect on %(effective_on)s.")
            % {"name": body.name, "effective_on": long_date(pending.effective_on)},
            field="given_on",
        )
    return WithdrawalNotice.objects.create(
        nominating_body=body, given_on=given_on, effective_on=effective_on, notes=notes
    )
