"""My declarations and register of interests: when I last confirmed the register, whether a
confirmation is due (the yearly rule of selectors_registers), and the interests I declared at
meetings."""

import datetime
from dataclasses import dataclass

from meetings.models import Declaration

from ..models_registers import InterestRegisterConfirmation
from ..selectors_registers import is_confirmation_due, last_confirmation

RECENT_DECLARATIONS = 5


@dataclass(frozen=True)
class MyInterests:
    has_register: bool
    last_confirmation: InterestRegisterConfirmation | None
    confirmation_due: bool
    declarations: list[Declaration]


def recent_declarations(user, count: int = RECENT_DECLARATIONS) -> list[Declaration]:
    """The interests the user declared at meetings, the latest meeting first: one query."""
    return list(
        Declaration.objects.filter(member__person__user_id=user.pk)
        .select_related("meeting__partnership", "agenda_item")
        .order_by("-meeting__date", "-declared_at", "-pk")[:count]
    )


def my_interests(user, today: datetime.date) -> MyInterests:
    """Two queries for someone on a register, none for a login with no person (an officer)."""
    person = getattr(user, "person", None)
    if person is None:
        return MyInterests(has_register=False, last_confirmation=None, confirmation_due=False, declarations=[])
    last = last_confirmation(person)
    return MyInterests(
        has_register=True,
        last_confirmation=last,
        confirmation_due=is_confirmation_due(last, today),
        declarations=recent_declarations(user),
    )
