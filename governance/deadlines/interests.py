"""The register of interests (the Code of Conduct): each person keeps their own register up to
date, and is asked once a year to confirm it. A person who last confirmed it more than 12 months
ago is prompted on the working day after the anniversary; one who never has, on the first
working day they are found. Either is asked again every month, on the same day of the month or
the next working day, while the register stays unconfirmed: the occasion names the anniversary
(or "never") and which month's prompt it is, e.g. 2026-12-03/month-2."""

import datetime
from collections.abc import Iterator

from django.db.models import Min
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from governance.selectors_registers import CONFIRM_EVERY, people_due_to_confirm_interests
from partnership.models import Member, Notification, Person
from partnership.notifications.recording import person_recipient

from .context import SweepContext, long_day, within
from .windows import monthly_repeat

KIND = "interests_review_due"
NEVER = "never"


def _first_seats(ctx: SweepContext, people: list[Person]) -> dict[int, Member]:
    """Each person's first active seat: the partnership whose calendar and name the prompt uses.
    One query."""
    seats = Member.objects.filter(
        person_id__in=[person.pk for person in people], active=True, partnership_id__in=ctx.partnership_ids
    ).order_by("person_id", "partnership_id")
    first = {}
    for seat in seats:
        first.setdefault(seat.person_id, seat)
    return first


def _first_asked(people: list[Person]) -> dict[str, datetime.date]:
    """The day each person who never confirmed was first prompted, from the outbox: the repeats
    of "never" are counted from it, there being no anniversary. One query."""
    never = [f"person:{person.pk}" for person in people if person.last_confirmed_at is None]
    if not never:
        return {}
    rows = (
        Notification.objects.filter(kind=KIND, about__in=never, occasion__startswith=NEVER)
        .values("about")
        .annotate(first=Min("created_at"))
    )
    return {row["about"]: timezone.localdate(row["first"]) for row in rows}


def find(ctx: SweepContext) -> Iterator:
    people = people_due_to_confirm_interests(ctx.today)
    seats = _first_seats(ctx, people)
    first_asked = _first_asked(people)
    link = reverse("governance:my-interests")
    for person in people:
        seat = seats.get(person.pk)
        if seat is None:
            continue
        partnership = ctx.by_id[seat.partnership_id]
        about = f"person:{person.pk}"
        if person.last_confirmed_at is None:
            series = NEVER
            first = first_asked.get(about, ctx.today)
            last = _("You have not yet confirmed your register of interests.")
        else:
            confirmed_on = timezone.localdate(person.last_confirmed_at)
            anniversary = confirmed_on + CONFIRM_EVERY
            series = anniversary.isoformat()
            first = anniversary + datetime.timedelta(days=1)
            last = _("You last confirmed your register of interests on %(date)s.") % {"date": long_day(confirmed_on)}
        repeat, starts = monthly_repeat(partnership, first, ctx.today)
        if not within(ctx, starts):
            continue
        yield ctx.notice(
            partnership,
            kind=KIND,
            about=about,
            occasion=f"{series}/month-{repeat}",
            recipients=(person_recipient(person),),
            subject=_("Please confirm your register of interests"),
            paragraphs=(
                _(
                    "The Code of Conduct asks every member to keep their register of interests up to date, "
                    "and the partnership asks you to confirm it once a year."
                ),
                last,
                _("Check it, add or end any interest that has changed, and confirm it."),
            ),
            link=link,
            link_text=_("Check and confirm your register of interests"),
            why=_("You get this as a member of the partnership, every month until you confirm your register."),
        )
