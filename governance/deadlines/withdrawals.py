"""Withdrawal of a nominating body (ToR 9): a body gives notice, and its seats end when the
notice takes effect. The secretariat is told from 2 months before that day."""

from collections.abc import Iterator

from django.urls import reverse

from partnership.models import WithdrawalNotice

from .context import SweepContext
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
        yield ctx.notice(
            partnership,
            kind="withdrawal_taking_effect",
            about=f"withdrawal:{withdrawal.pk}",
            occasion=effective.isoformat(),
            recipients=ctx.secretariat(partnership),
            subject=f"{body.name} leaves the partnership on {effective:%A %-d %B %Y}",
            paragraphs=(
                f"{body.name} gave notice on {withdrawal.given_on:%A %-d %B %Y} that it withdraws from the "
                f"partnership (terms of reference 9). The withdrawal takes effect on {effective:%A %-d %B %Y}.",
                "Make its members' seats inactive from that day, and find new owners for the actions "
                "its representatives own.",
            ),
            link=reverse("partnership:register", kwargs={"slug": partnership.slug}) + "#bodies",
            link_text="See the nominating bodies and members",
            why="You get this as the partnership's secretariat.",
        )
