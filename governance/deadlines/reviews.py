"""The yearly reviews: the terms of reference are reviewed every year (ToR 10), and the board
considers once a year whether it has the skills and knowledge it needs (the Test Valley
paper). The skills review has no date of its own: the work programme plans it for the terms'
review date, and so does this. The secretariat is told of each from 1 month before that date."""

from collections.abc import Iterator

from django.db.models import OuterRef, Subquery
from django.urls import reverse
from django.utils.translation import gettext as _

from partnership.models import TermsOfReference

from .context import SweepContext, long_day
from .windows import review_window


def _current_terms(ctx: SweepContext) -> list[TermsOfReference]:
    """The latest adopted terms of each partnership: one query."""
    latest = TermsOfReference.objects.filter(
        partnership_id=OuterRef("partnership_id"), adopted_on__lte=ctx.today
    ).order_by("-adopted_on", "-pk")
    terms = list(
        TermsOfReference.objects.filter(partnership_id__in=ctx.partnership_ids)
        .filter(pk=Subquery(latest.values("pk")[:1]))
        .order_by("partnership_id")
    )
    for version in terms:
        version.partnership = ctx.by_id[version.partnership_id]  # shares the calendar read once
    return terms


def find(ctx: SweepContext) -> Iterator:
    for terms in _current_terms(ctx):
        partnership = terms.partnership
        review = terms.next_review_on
        if not review_window(partnership, review).is_open(ctx.today):
            continue
        when = long_day(review)
        recipients = ctx.secretariat(partnership)
        why = _("You get this as the partnership's secretariat.")
        yield ctx.notice(
            partnership,
            kind="terms_review_due",
            about=f"partnership:{partnership.pk}",
            occasion=review.isoformat(),
            recipients=recipients,
            subject=_("Review of the terms of reference due by %(when)s") % {"when": when},
            paragraphs=(
                _(
                    "The terms of reference (version %(version)s) are reviewed every year (terms of reference 10); "
                    "the next review is due by %(when)s."
                )
                % {"version": terms.version, "when": when},
                _(
                    "Put the review on the agenda of a meeting before then, and record the new version when the "
                    "board adopts it."
                ),
            ),
            link=reverse("partnership:register", kwargs={"slug": partnership.slug}) + "#terms",
            link_text=_("See the terms of reference"),
            why=why,
        )
        yield ctx.notice(
            partnership,
            kind="skills_review_due",
            about=f"partnership:{partnership.pk}",
            occasion=review.isoformat(),
            recipients=recipients,
            subject=_("Skills and knowledge review of the board due by %(when)s") % {"when": when},
            paragraphs=(
                _(
                    "At least once a year the board considers whether the partnership has the skills and "
                    "knowledge it needs; the work programme plans this year's review for %(when)s, with the "
                    "review of the terms of reference."
                )
                % {"when": when},
                _("Put the review on the agenda of a meeting before then."),
            ),
            link=reverse("work_programme:list", kwargs={"slug": partnership.slug}),
            link_text=_("Open the work programme"),
            why=why,
        )
