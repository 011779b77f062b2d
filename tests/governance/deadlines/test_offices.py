"""Chair and vice chair terms (ToR 5.2): the secretariat and the chair are told 2 months before a
term ends while nobody has been appointed to follow it, so an election is put on an agenda."""

import datetime

import pytest
from django.urls import reverse
from django.utils.html import escape

from governance.deadlines import offices
from governance.deadlines import sweep as the_sweep
from governance.deadlines.context import load_context
from partnership.models import ClosureDay, Member, OfficeRole
from tests.factories import MemberFactory, OfficeFactory, PartnershipFactory, SecretariatFactory

from .conftest import addressed_to, subjects

SECRETARIAT = "sam.secretariat@example.org"
CHAIR = "carol.chair@warwickshire.example.org"
VICE_CHAIR = "mo.member@police.example.org"
ENDS = datetime.date(2027, 1, 31)  # two months before is Monday 30 November 2026


@pytest.fixture(autouse=True)
def only_this_rule(monkeypatch):
    """Other rules (the yearly prompt to confirm interests, the year's meetings) write to the
    same people on the same days; this module tests what its own rule sends."""
    monkeypatch.setattr(the_sweep, "RULES", (offices.find,))


def vice_chair_term(user, ends_on, starts_on=datetime.date(2025, 2, 1)):
    return OfficeFactory(
        member=Member.objects.get(person__user=user), role=OfficeRole.VICE_CHAIR, starts_on=starts_on, ends_on=ends_on
    )


def test_secretariat_and_chair_are_told_two_months_before_a_term_ends(warwickshire, secretariat, chair, member, sweep):
    vice_chair_term(member, ENDS)
    assert sweep(datetime.date(2026, 11, 27)) == []
    sent = sweep(datetime.date(2026, 11, 30))

    assert subjects(sent) == ["The vice chair's term ends on Sunday 31 January 2027: Mo Member"] * 2
    assert addressed_to(sent, SECRETARIAT)
    assert addressed_to(sent, CHAIR)
    assert not addressed_to(sent, VICE_CHAIR)
    sentence = "Mo Member's term as vice chair ends on Sunday 31 January 2027."
    link = reverse("partnership:register", kwargs={"slug": warwickshire.slug}) + "#offices"
    for message in sent:
        assert sentence in message.body
        assert escape(sentence) in message.alternatives[0][0]
        assert link in message.body
        assert link in message.alternatives[0][0]
        assert "(terms of reference 5.2)" in message.body
    assert sweep(datetime.date(2026, 12, 1)) == []  # told once
    assert sweep(ENDS) == []


def test_a_window_opening_on_a_bank_holiday_opens_on_the_next_working_day(secretariat, chair, member, sweep):
    vice_chair_term(member, datetime.date(2027, 2, 28))  # two months before: the substitute Boxing Day
    assert sweep(datetime.date(2026, 12, 28)) == []
    assert len(sweep(datetime.date(2026, 12, 29))) == 2
    assert sweep(datetime.date(2026, 12, 30)) == []


def test_a_closure_day_moves_the_window_too(warwickshire, secretariat, chair, member, sweep):
    ClosureDay.objects.create(partnership=warwickshire, date=datetime.date(2026, 11, 30), name="Staff training")
    vice_chair_term(member, ENDS)
    assert sweep(datetime.date(2026, 11, 30)) == []
    assert len(sweep(datetime.date(2026, 12, 1))) == 2


def test_nothing_is_sent_once_a_successor_is_appointed(secretariat, chair, member, cdrp_chairs, sweep):
    vice_chair_term(member, ENDS)
    OfficeFactory(
        member=MemberFactory(nominating_body=cdrp_chairs),
        role=OfficeRole.VICE_CHAIR,
        starts_on=datetime.date(2027, 2, 1),
        ends_on=datetime.date(2029, 1, 31),
    )
    assert sweep(datetime.date(2026, 11, 30)) == []


def test_a_chair_re_elected_for_a_further_term_is_not_reminded(secretariat, chair, member, sweep):
    vice_chair_term(member, ENDS)
    vice_chair_term(member, datetime.date(2029, 1, 31), starts_on=datetime.date(2027, 2, 1))
    assert sweep(datetime.date(2026, 11, 30)) == []


def test_a_successor_of_the_other_office_does_not_count(secretariat, chair, member, sweep):
    vice_chair_term(member, ENDS)  # the chair's own term, from the cast, ends in 2028
    assert len(sweep(datetime.date(2026, 11, 30))) == 2


def test_with_no_chair_the_vice_chair_who_acts_is_told(warwickshire, secretariat, member, sweep):
    vice_chair_term(member, ENDS)
    sent = sweep(datetime.date(2026, 11, 30))
    assert sorted(message.to[0] for message in sent) == [VICE_CHAIR, SECRETARIAT]


def test_a_term_far_off_or_already_over_sends_nothing(secretariat, chair, member, sweep):
    vice_chair_term(member, datetime.date(2027, 3, 31))
    assert sweep(datetime.date(2026, 11, 30)) == []
    assert sweep(datetime.date(2027, 4, 1)) == []  # ended: the window closed unvisited


def test_another_partnerships_terms_go_to_its_own_people(secretariat, chair, member, outsider, sweep):
    OfficeFactory(
        member=Member.objects.get(person__user=outsider),
        role=OfficeRole.CHAIR,
        starts_on=datetime.date(2025, 2, 1),
        ends_on=ENDS,
    )
    sent = sweep(datetime.date(2026, 11, 30))
    assert sent
    assert not addressed_to(sent, SECRETARIAT)
    assert not addressed_to(sent, CHAIR)
    assert addressed_to(sent, "oscar.outsider@example.org")  # Rugby's secretariat


@pytest.mark.parametrize("count", [2, 20])
def test_finding_terms_ending_takes_the_same_queries_whatever_the_number(db, count, django_assert_max_num_queries):
    for _ in range(count):
        partnership = PartnershipFactory()
        SecretariatFactory(partnership=partnership)
        OfficeFactory(
            member=MemberFactory(nominating_body__partnership=partnership),
            starts_on=datetime.date(2025, 1, 1),
            ends_on=datetime.date(2026, 12, 31),
        )
    with django_assert_max_num_queries(4):
        notices = list(offices.find(load_context()))
    assert len(notices) == count
