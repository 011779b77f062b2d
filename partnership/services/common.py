"""What the register's services share: one transaction each, dates within reason, locks."""

import datetime
import functools

from django.db import IntegrityError, transaction
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ..errors import RuleBroken
from ..models import NominatingBody

EARLIEST_YEAR, LATEST_YEAR = 1900, 2100
CONCURRENT_CHANGE = gettext_lazy(
    "Someone else changed the register at the same moment, and this change would now break one of its rules. "
    "Reload the page and try again."
)


def rule_service(func):
    """Runs the service in one transaction. The database holds the rules too (triggers and
    constraints); when it refuses what the checks let through (two people saving at the same
    moment) the refusal is still a sentence, not a server error."""

    @functools.wraps(func)
    def run(*args, **kwargs):
        try:
            with transaction.atomic():
                return func(*args, **kwargs)
        except IntegrityError as error:
            raise RuleBroken(str(CONCURRENT_CHANGE)) from error

    return run


def long_date(day: datetime.date) -> str:
    """`day` as the register writes dates, 27 March 2027, in the language of the request."""
    return date_format(day, "j F Y")


def required_text(value: str | None, *, field: str, message: str) -> str:
    """`value` without surrounding spaces; refused with `message` when nothing is left."""
    text = (value or "").strip()
    if not text:
        raise RuleBroken(message, field=field)
    return text


def check_date(day: datetime.date | None, *, field: str) -> None:
    """Dates of the register fall within reason; a typing slip such as 9999 is caught here."""
    if day is not None and not EARLIEST_YEAR <= day.year <= LATEST_YEAR:
        raise RuleBroken(
            _("Give a date between %(earliest)s and %(latest)s.") % {"earliest": EARLIEST_YEAR, "latest": LATEST_YEAR},
            field=field,
        )


def lock_body(body: NominatingBody) -> NominatingBody:
    """Lock the body's row so two secretaries cannot both take its last seat."""
    return NominatingBody.objects.select_for_update(of=("self",)).select_related("partnership").get(pk=body.pk)
