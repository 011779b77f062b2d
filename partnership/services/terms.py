"""Dated versions of the terms of reference, reviewed every year (ToR 10)."""

import datetime

from dateutil.relativedelta import relativedelta
from django.utils.translation import gettext as _

from ..errors import RuleBroken
from ..models import Partnership, TermsOfReference
from .common import check_date, rule_service


@rule_service
def save_terms_of_reference(
    *,
    partnership: Partnership,
    version: str,
    adopted_on: datetime.date,
    next_review_on: datetime.date | None = None,
    text: str = "",
    terms: TermsOfReference | None = None,
) -> TermsOfReference:
    """A version of the terms of reference; reviewed a year after adoption unless set."""
    check_date(adopted_on, field="adopted_on")
    check_date(next_review_on, field="next_review_on")
    next_review_on = next_review_on or adopted_on + relativedelta(years=1)
    if next_review_on <= adopted_on:
        raise RuleBroken(_("The next review must come after the terms were adopted."), field="next_review_on")
    duplicate = TermsOfReference.objects.filter(partnership=partnership, version=version)
    if terms is not None:
        duplicate = duplicate.exclude(pk=terms.pk)
    if duplicate.exists():
        raise RuleBroken(
            _("Version %(version)s of the terms of reference is already recorded.") % {"version": version},
            field="version",
        )
    terms = terms or TermsOfReference(partnership=partnership)
    terms.version, terms.adopted_on, terms.next_review_on, terms.text = version, adopted_on, next_review_on, text
    terms.save()
    return terms
