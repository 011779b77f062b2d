"""The partnership meets at least N times a year (ToR 5.1), and holds at least M of those
meetings in public. The secretariat is told when the meetings in this year's diary fall short,
once for each count: a further fall is told again, the same shortfall is not."""

import datetime
from collections.abc import Iterator

from django.db.models import Count, Q
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from meetings.models import Meeting

from .context import SweepContext

# A new year has no meetings in its diary on 1 January while the year is being planned; telling
# every secretariat then would be noise, so the year is first checked on 1 February.
FIRST_CHECKED = (2, 1)


def _meetings_this_year(ctx: SweepContext) -> dict[int, tuple[int, int]]:
    """Meetings of today's year, held or planned (there is no cancelling a meeting), and how many
    of them in public, by partnership: one query."""
    rows = (
        Meeting.objects.filter(partnership_id__in=ctx.partnership_ids, date__year=ctx.today.year)
        .values("partnership_id")
        .annotate(meetings=Count("pk"), public=Count("pk", filter=Q(is_public=True)))
        .order_by("partnership_id")
    )
    return {row["partnership_id"]: (row["meetings"], row["public"]) for row in rows}


def _meetings(count: int) -> str:
    return ngettext("%(count)s meeting", "%(count)s meetings", count) % {"count": count}


def find(ctx: SweepContext) -> Iterator:
    year = ctx.today.year
    if ctx.today < datetime.date(year, *FIRST_CHECKED):
        return
    counts = _meetings_this_year(ctx)
    for partnership in ctx.partnerships:
        held, public = counts.get(partnership.pk, (0, 0))
        link = f"{reverse('meetings:list', kwargs={'slug': partnership.slug})}?year={year}"
        common = {
            "about": f"partnership:{partnership.pk}",
            "recipients": ctx.secretariat(partnership),
            "link": link,
            "link_text": _("Plan the meetings of %(year)s") % {"year": year},
            "why": _("You get this as the partnership's secretariat."),
        }
        least = partnership.min_meetings_per_year
        if held < least:
            yield ctx.notice(
                partnership,
                kind="meetings_short",
                occasion=f"{year}/{held}",
                subject=_("Too few meetings in %(year)s: %(held)s in the diary, at least %(least)s a year")
                % {"year": year, "held": held, "least": least},
                paragraphs=(
                    ngettext(
                        "The partnership meets at least once a year (terms of reference 5.1).",
                        "The partnership meets at least %(count)s times a year (terms of reference 5.1).",
                        least,
                    )
                    % {"count": least},
                    _(
                        "%(year)s has %(meetings)s in the diary, held or planned, so %(more)s more must be scheduled "
                        "before 31 December %(year)s."
                    )
                    % {"year": year, "meetings": _meetings(held), "more": least - held},
                ),
                **common,
            )
        least_public = partnership.min_public_meetings_per_year
        if public < least_public:
            yield ctx.notice(
                partnership,
                kind="public_meetings_short",
                occasion=f"{year}/{public}",
                subject=_("Too few public meetings in %(year)s: %(held)s in the diary, at least %(least)s a year")
                % {"year": year, "held": public, "least": least_public},
                paragraphs=(
                    _("The partnership holds at least %(meetings)s in public each year.")
                    % {"meetings": _meetings(least_public)},
                    _(
                        "%(year)s has %(meetings)s held in public in the diary, held or planned, so %(more)s more "
                        "must be held in public before 31 December %(year)s: schedule one, or open a planned "
                        "meeting to the public."
                    )
                    % {"year": year, "meetings": _meetings(public), "more": least_public - public},
                ),
                **common,
            )
