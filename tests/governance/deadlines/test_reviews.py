"""The yearly reviews: the secretariat is told from 1 month before the terms of reference's
review date (ToR 10) to review them, and, separately, to hold the board's skills and knowledge
review, which the work programme plans for the same date."""

import datetime

import pytest
from django.urls import reverse

from governance.deadlines import reviews
from governance.deadlines import sweep as the_sweep
from governance.deadlines.context import load_context
from partnership.models import ClosureDay
from tests.factories import PartnershipFactory, SecretariatFactory, TermsOfReferenceFactory

from .conftest import addressed_to, subjects

SECRETARIAT = "sam.secretariat@example.org"
CHAIR = "carol.chair@warwickshire.example.org"
REVIEW = datetime.date(2027, 1, 8)  # a Friday; one month before is Tuesday 8 December
TERMS = "Review of the terms of reference due by Friday 8 January 2027"
SKILLS = "Skills and knowledge review of the board due by Friday 8 January 2027"


@pytest.fixture(autouse=True)
def only_this_rule(monkeypatch):
    """Other rules (the yearly prompt to confirm interests, the year's meetings) write to the
    same people on the same days; this module tests what its own rule sends."""
    monkeypatch.setattr(the_sweep, "RULES", (reviews.find,))


@pytest.fixture
def terms(warwickshire):
    return TermsOfReferenceFactory(
        partnership=warwickshire, version="2026", adopted_on=datetime.date(2026, 1, 8), next_review_on=REVIEW
    )


def test_the_secretariat_is_told_a_month_before_both_reviews(warwickshire, terms, secretariat, chair, member, sweep):
    assert sweep(datetime.date(2026, 12, 7)) == []
    sent = sweep(datetime.date(2026, 12, 8))

    assert subjects(sent) == [TERMS, SKILLS]
    assert [message.to for message in sent] == [[SECRETARIAT]] * 2
    by_subject = {message.subject: message for message in sent}
    terms_mail, skills_mail = by_subject[TERMS], by_subject[SKILLS]
    sentence = (
        "The terms of reference (version 2026) are reviewed every year (terms of reference 10); "
        "the next review is due by Friday 8 January 2027."
    )
    terms_link = reverse("partnership:register", kwargs={"slug": warwickshire.slug}) + "#terms"
    assert sentence in terms_mail.body
    assert sentence in terms_mail.alternatives[0][0]
    assert terms_link in terms_mail.body
    assert terms_link in terms_mail.alternatives[0][0]
    programme = reverse("work_programme:list", kwargs={"slug": warwickshire.slug})
    assert "the work programme plans this year's review for Friday 8 January 2027" in skills_mail.body
    assert programme in skills_mail.body
    assert programme in skills_mail.alternatives[0][0]
    assert "as the partnership's secretariat" in skills_mail.body
    assert sweep(datetime.date(2026, 12, 9)) == []  # told once
    assert sweep(REVIEW) == []


def test_a_month_before_falling_on_a_bank_holiday_waits_for_the_next_working_day(warwickshire, secretariat, sweep):
    TermsOfReferenceFactory(partnership=warwickshire, next_review_on=datetime.date(2027, 1, 28))
    assert sweep(datetime.date(2026, 12, 28)) == []  # the substitute Boxing Day
    assert len(sweep(datetime.date(2026, 12, 29))) == 2


def test_a_closure_day_moves_it_too(warwickshire, terms, secretariat, sweep):
    ClosureDay.objects.create(partnership=warwickshire, date=datetime.date(2026, 12, 8), name="Staff training")
    assert sweep(datetime.date(2026, 12, 8)) == []
    assert len(sweep(datetime.date(2026, 12, 9))) == 2


def test_only_the_latest_adopted_terms_count(warwickshire, terms, secretariat, sweep):
    TermsOfReferenceFactory(
        partnership=warwickshire,
        version="2026.1",
        adopted_on=datetime.date(2026, 6, 1),
        next_review_on=datetime.date(2027, 6, 1),
    )
    assert sweep(datetime.date(2026, 12, 8)) == []


def test_a_changed_review_date_is_a_new_reminder(terms, secretariat, sweep):
    assert len(sweep(datetime.date(2026, 12, 8))) == 2
    terms.next_review_on = datetime.date(2027, 1, 15)
    terms.save()
    assert subjects(sweep(datetime.date(2026, 12, 15))) == [
        "Review of the terms of reference due by Friday 15 January 2027",
        "Skills and knowledge review of the board due by Friday 15 January 2027",
    ]


def test_without_terms_of_reference_or_far_from_the_date_nothing_is_sent(warwickshire, secretariat, sweep):
    assert sweep(datetime.date(2026, 12, 8)) == []
    TermsOfReferenceFactory(partnership=warwickshire, next_review_on=datetime.date(2027, 4, 1))
    assert sweep(datetime.date(2026, 12, 8)) == []


def test_another_partnerships_review_goes_to_its_own_secretariat(
    terms, secretariat, outsider, other_partnership, sweep
):
    TermsOfReferenceFactory(partnership=other_partnership, next_review_on=REVIEW)
    sent = sweep(datetime.date(2026, 12, 8))
    assert len(addressed_to(sent, SECRETARIAT)) == 2
    assert len(addressed_to(sent, "oscar.outsider@example.org")) == 2
    assert not addressed_to(sent, CHAIR)


@pytest.mark.parametrize("count", [2, 20])
def test_finding_reviews_takes_the_same_queries_whatever_the_number(db, count, django_assert_max_num_queries):
    for _ in range(count):
        partnership = PartnershipFactory()
        SecretariatFactory(partnership=partnership)
        TermsOfReferenceFactory(partnership=partnership, adopted_on=datetime.date(2025, 1, 1))
        TermsOfReferenceFactory(partnership=partnership, next_review_on=datetime.date(2026, 12, 10))
    with django_assert_max_num_queries(5):
        notices = list(reviews.find(load_context()))
    assert len(notices) == 2 * count
