"""Terms of reference are kept as dated versions, reviewed every year (ToR 10)."""

import datetime

import pytest

from partnership import services
from partnership.errors import RuleBroken
from partnership.models import TermsOfReference


def test_next_review_is_a_year_after_adoption(warwickshire):
    terms = services.save_terms_of_reference(
        partnership=warwickshire, version="2026", adopted_on=datetime.date(2026, 4, 1)
    )
    assert terms.next_review_on == datetime.date(2027, 4, 1)


def test_review_before_adoption_is_refused(warwickshire):
    with pytest.raises(RuleBroken, match="next review must come after"):
        services.save_terms_of_reference(
            partnership=warwickshire,
            version="2026",
            adopted_on=datetime.date(2026, 4, 1),
            next_review_on=datetime.date(2026, 3, 1),
        )
    assert not TermsOfReference.objects.exists()


def test_a_version_is_recorded_once(warwickshire):
    services.save_terms_of_reference(partnership=warwickshire, version="2026", adopted_on=datetime.date(2026, 4, 1))
    with pytest.raises(RuleBroken, match="Version 2026 of the terms of reference is already recorded"):
        services.save_terms_of_reference(partnership=warwickshire, version="2026", adopted_on=datetime.date(2026, 6, 1))
    assert TermsOfReference.objects.count() == 1
