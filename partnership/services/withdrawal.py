"""A member the chair has required to withdraw from partnership business (the Code of
Conduct's Compliance section, seed 001) takes no part in it until the breach is resolved. The
state is set by governance's services; the meetings' services ask this one check."""

import datetime

from django.utils import timezone
from django.utils.translation import gettext as _

from ..errors import RuleBroken
from ..models import Member
from .common import long_date


def check_not_withdrawn(member: Member, *, on: datetime.date | None = None, field: str | None = "member") -> None:
    """Refuse if `member` is withdrawn from partnership business on the day `on` (today when not
    given): business of a day before the withdrawal (a meeting held before it) is left alone.
    Read from the database, not the object, which may have been loaded before the chair acted."""
    since, reason = (
        Member.objects.filter(pk=member.pk).values_list("withdrawn_from_business_since", "withdrawal_reason").get()
    )
    if since is None:
        return
    withdrawn_on = timezone.localdate(since)
    if on is not None and on < withdrawn_on:
        return
    values = {"name": member.person.name, "since": long_date(withdrawn_on), "reason": reason}
    if reason:
        message = _(
            "%(name)s has been withdrawn from partnership business since %(since)s (%(reason)s), "
            "so takes no part in it until the matter is resolved."
        )
    else:
        message = _(
            "%(name)s has been withdrawn from partnership business since %(since)s, "
            "so takes no part in it until the matter is resolved."
        )
    raise RuleBroken(
        message % values,
        field=field,
    )
