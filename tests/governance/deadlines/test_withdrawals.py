"""Withdrawal of a nominating body (ToR 9): the secretariat is told from 2 months before the
body's notice takes effect."""

import datetime

import pytest
from django.urls import reverse

from governance.deadlines import sweep as the_sweep
from governance.deadlines import withdrawals
from governance.deadlines.context import load_context
from partnership.models import ClosureDay, WithdrawalNotice
from tests.factories import NominatingBodyFactory, PartnershipFactory, SecretariatFactory

from .conftest import addressed_to, subjects

SECRETARIAT = "sam.secretariat@example.org"
CHAIR = "carol.chair@warwickshire.example.org"
MEMBER = "mo.member@police.example.org"
EFFECTIVE = datetime.date(2027, 2, 1)  # a Monday; two months before is Tuesday 1 December


@pytest.fixture(autouse=True)
def only_this_rule(monkeypatch):
    """Other rules (the yearly prompt to confirm interests, the year's meetings) write to the
    same people on the same days; this module tests what its own rule sends."""
    monkeypatch.setattr(the_sweep, "RULES", (withdrawals.find,))


def notice(body, effective_on=EFFECTIVE, given_on=datetime.date(2026, 2, 1)):
    return WithdrawalNotice.objects.create(nominating_body=body, given_on=given_on, effective_on=effective_on)


def test_the_secretariat_is_told_two_months_before_a_withdrawal_takes_effect(
    warwickshire, police, secretariat, chair, member, sweep
):
    notice(police)
    assert sweep(datetime.date(2026, 11, 30)) == []
    sent = sweep(datetime.date(2026, 12, 1))

    assert subjects(sent) == ["The Police Service leaves the partnership on Monday 1 February 2027"]
    assert sent[0].to == [SECRETARIAT]
    sentence = (
        "The Police Service gave notice on Sunday 1 February 2026 that it withdraws from the partnership "
        "(terms of reference 9). The withdrawal takes effect on Monday 1 February 2027."
    )
    link = reverse("partnership:register", kwargs={"slug": warwickshire.slug}) + "#bodies"
    assert sentence in sent[0].body
    assert sentence in sent[0].alternatives[0][0]
    assert link in sent[0].body
    assert link in sent[0].alternatives[0][0]
    assert sweep(datetime.date(2026, 12, 2)) == []  # told once
    assert sweep(EFFECTIVE) == []


def test_a_closure_day_and_christmas_move_the_first_day(warwickshire, police, secretariat, sweep):
    ClosureDay.objects.create(partnership=warwickshire, date=datetime.date(2026, 12, 24), name="Christmas Eve")
    notice(police, effective_on=datetime.date(2027, 2, 24))  # two months before: Thursday 24 December
    assert sweep(datetime.date(2026, 12, 24)) == []
    assert sweep(datetime.date(2026, 12, 28)) == []  # the substitute Boxing Day
    assert len(sweep(datetime.date(2026, 12, 29))) == 1


def test_a_notice_recorded_inside_the_two_months_is_sent_at_the_next_sweep(police, secretariat, sweep):
    notice(police, effective_on=datetime.date(2026, 12, 31), given_on=datetime.date(2025, 12, 31))
    assert len(sweep(datetime.date(2026, 11, 26))) == 1


def test_nothing_is_sent_far_ahead_or_once_it_has_taken_effect(police, secretariat, sweep):
    notice(police, effective_on=datetime.date(2027, 6, 1))
    notice(NominatingBodyFactory(partnership=police.partnership), effective_on=datetime.date(2026, 11, 20))
    assert sweep(datetime.date(2026, 12, 1)) == []


def test_another_partnerships_withdrawal_goes_to_its_own_secretariat(
    police, secretariat, chair, member, outsider, other_partnership, sweep
):
    notice(NominatingBodyFactory(partnership=other_partnership, name="Rugby Fire and Rescue"))
    sent = sweep(datetime.date(2026, 12, 1))
    assert [message.to for message in sent] == [["oscar.outsider@example.org"]]
    assert not addressed_to(sent, SECRETARIAT)


@pytest.mark.parametrize("count", [2, 20])
def test_finding_withdrawals_takes_the_same_queries_whatever_the_number(db, count, django_assert_max_num_queries):
    for _ in range(count):
        partnership = PartnershipFactory()
        SecretariatFactory(partnership=partnership)
        notice(NominatingBodyFactory(partnership=partnership), effective_on=datetime.date(2027, 1, 5))
    with django_assert_max_num_queries(5):
        notices = list(withdrawals.find(load_context()))
    assert len(notices) == count
