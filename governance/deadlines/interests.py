"""The register of interests (the Code of Conduct): each person keeps their own register up to
date, and is asked once a year to confirm it. A person who last confirmed it more than 12 months
ago is prompted on the working day after the anniversary; one who never has, on the first
working day they are found. Each year's prompt is sent once."""

from collections.abc import Iterator

from django.urls import reverse
from django.utils import timezone

from governance.selectors_registers import CONFIRM_EVERY, people_due_to_confirm_interests
from partnership.models import Member, Person

from .context import SweepContext, person_recipient, within
from .windows import first_working_day_from


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


def find(ctx: SweepContext) -> Iterator:
    people = people_due_to_confirm_interests(ctx.today)
    seats = _first_seats(ctx, people)
    link = reverse("governance:my-interests")
    for person in people:
        seat = seats.get(person.pk)
        if seat is None:
            continue
        partnership = ctx.by_id[seat.partnership_id]
        if person.last_confirmed_at is None:
            occasion = "never"
            starts = first_working_day_from(ctx, partnership, ctx.today)
            last = "You have not yet confirmed your register of interests."
        else:
            confirmed_on = timezone.localdate(person.last_confirmed_at)
            anniversary = confirmed_on + CONFIRM_EVERY
            occasion = anniversary.isoformat()
            starts = ctx.calendar(partnership).step(anniversary, 1)
            last = f"You last confirmed your register of interests on {confirmed_on:%A %-d %B %Y}."
        if not within(ctx, starts):
            continue
        yield ctx.notice(
            partnership,
            kind="interests_review_due",
            about=f"person:{person.pk}",
            occasion=occasion,
            recipients=(person_recipient(person),),
            subject="Please confirm your register of interests",
            paragraphs=(
                "The Code of Conduct asks every member to keep their register of interests up to date, "
                "and the partnership asks you to confirm it once a year.",
                last,
                "Check it, add or end any interest that has changed, and confirm it.",
            ),
            link=link,
            link_text="Check and confirm your register of interests",
            why="You get this as a member of the partnership, once a year.",
        )
