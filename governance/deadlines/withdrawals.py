"""Withdrawal of a nominating body (ToR 9): a body gives notice, and its seats end when the
notice takes effect. The secretariat is told from 2 months before that day."""

from collections.abc import Iterator

from django.urls import reverse
from django.utils.translation import gettext as _

from partnership.models import WithdrawalNotice

from .context import SweepContext, long_day
from .windows import withdrawal_window


def _notices_taking_effect(ctx: SweepContext) -> list[WithdrawalNotice]:
    notices = list(
        WithdrawalNotice.objects.filter(
            nominating_body__partnership_id__in=ctx.partnership_ids, effective_on__gte=ctx.today
        )
        .select_related("nominating_body")
        .order_by("effective_on", "pk")
    )
    for notice in notices:
        body = notice.nominating_body
        body.partnership = ctx.by_id[body.partnership_id]  # shares the calendar read once
    return notices


def find(ctx: SweepContext) -> Iterator:
    for withdrawal in _notices_taking_effect(ctx):
        body = withdrawal.nominating_body
        partnership = body.partnership
        effective = withdrawal.effective_on
        if not withdrawal_window(partnership, effective).is_open(ctx.today):
            continue
        words = {"body": body.name, "given": long_day(withdrawal.given_on), "effective": long_day(effective)}
        yield ctx.notice(
            partnership,
            kind="withdrawal_taking_effect",
            about=f"withdrawal:{withdrawal.pk}",
            occasion=effective.isoformat(),
            recipients=ctx.secretariat(partnership),
            subject=_("%(body)s leaves the partnership on %(effective)s") % words,
            paragraphs=(
                _(
                    "%(body)s gave notice on %(given)s that it withdraws from the partnership (terms of reference "
                    "9). The withdrawal takes effect on %(effective)s."
                )
                % words,
                _(
                    "Make its members' seats inactive from that day, and find new owners for the actions "
                    "its representatives own."
                ),
            ),
            link=reverse("partnership:register", kwargs={"slug": partnership.slug}) + "#bodies",
            link_text=_("See the nominating bodies and members"),
            why=_("You get this as the partnership's secretariat."),
        )
