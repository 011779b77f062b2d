"""The yearly prompt to confirm one's register of interests: a person with a seat who never
confirmed it is prompted on the first working day they are found; one who did, on the working
day after a year has passed. Either is asked again every month until they confirm."""

import datetime
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse

from governance.deadlines import interests
from governance.deadlines import sweep as the_sweep
from governance.deadlines.context import load_context
from governance.models_registers import InterestRegisterConfirmation
from partnership.models import ClosureDay, Member, Notification
from tests.factories import MemberFactory, PartnershipFactory, PersonFactory

from .conftest import addressed_to

SECRETARIAT = "sam.secretariat@example.org"
CHAIR = "carol.chair@warwickshire.example.org"
MEMBER = "mo.member@police.example.org"
LONDON = ZoneInfo("Europe/London")
PROMPT = "Please confirm your register of interests"


@pytest.fixture(autouse=True)
def only_this_rule(monkeypatch):
    """Other rules (the yearly prompt to confirm interests, the year's meetings) write to the
    same people on the same days; this module tests what its own rule sends."""
    monkeypatch.setattr(the_sweep, "RULES", (interests.find,))


def confirmed(user, on: datetime.date):
    InterestRegisterConfirmation.objects.create(
        person=user.person, confirmed_at=datetime.datetime.combine(on, datetime.time(10), tzinfo=LONDON)
    )


def occasions(user) -> list[str]:
    return list(
        Notification.objects.filter(kind="interests_review_due", person=user.person)
        .order_by("created_at")
        .values_list("occasion", flat=True)
    )


def test_someone_who_never_confirmed_is_prompted_then_monthly(warwickshire, secretariat, chair, member, sweep):
    confirmed(chair, datetime.date(2026, 6, 1))
    assert sweep(datetime.date(2026, 11, 28)) == []  # a Saturday
    sent = sweep(datetime.date(2026, 11, 30))

    assert [message.to for message in sent] == [[MEMBER]]
    message = sent[0]
    link = reverse("governance:my-interests")
    sentence = "You have not yet confirmed your register of interests."
    assert sentence in message.body
    assert sentence in message.alternatives[0][0]
    assert link in message.body
    assert link in message.alternatives[0][0]
    assert warwickshire.name in message.body
    assert sweep(datetime.date(2026, 12, 1)) == []
    assert sweep(datetime.date(2026, 12, 29)) == []
    assert [message.to for message in sweep(datetime.date(2026, 12, 30))] == [[MEMBER]]  # a month after the first
    assert sweep(datetime.date(2026, 12, 31)) == []
    assert sweep(datetime.date(2027, 1, 29)) == []
    assert sweep(datetime.date(2027, 1, 30)) == []  # the second month's day, a Saturday: on the Monday
    assert len(sweep(datetime.date(2027, 2, 1))) == 1
    assert sweep(datetime.date(2027, 2, 28)) == []  # the third month's day (no 30 February), a Sunday
    assert len(sweep(datetime.date(2027, 3, 1))) == 1
    assert sweep(datetime.date(2027, 3, 2)) == []
    assert occasions(member) == ["never/month-0", "never/month-1", "never/month-2", "never/month-3"]


def test_a_prompt_missed_on_its_day_is_made_up_by_the_next_sweep(member, sweep):
    assert len(sweep(datetime.date(2026, 11, 30))) == 1
    assert len(sweep(datetime.date(2027, 2, 3))) == 1  # no sweep ran since: this month's prompt, once
    assert occasions(member) == ["never/month-0", "never/month-2"]


def test_a_confirmation_is_asked_for_again_the_working_day_after_a_year(secretariat, member, sweep):
    confirmed(member, datetime.date(2025, 12, 3))
    assert sweep(datetime.date(2026, 12, 3)) == []
    sent = sweep(datetime.date(2026, 12, 4))
    assert [message.to for message in sent] == [[MEMBER]]
    assert "You last confirmed your register of interests on Wednesday 3 December 2025." in sent[0].body
    assert sweep(datetime.date(2026, 12, 7)) == []  # once that month
    assert sweep(datetime.date(2027, 1, 1)) == []  # New Year's Day
    assert [message.to for message in sweep(datetime.date(2027, 1, 4))] == [[MEMBER]]  # a month on, a Monday
    assert occasions(member) == ["2026-12-03/month-0", "2026-12-03/month-1"]


def test_confirming_stops_the_monthly_prompts(member, sweep):
    assert len(sweep(datetime.date(2026, 11, 30))) == 1
    confirmed(member, datetime.date(2026, 12, 10))
    assert sweep(datetime.date(2026, 12, 30)) == []
    assert sweep(datetime.date(2027, 6, 1)) == []
    assert len(sweep(datetime.date(2027, 12, 13))) == 1  # the working day after the anniversary


def test_christmas_and_a_closure_day_move_the_prompt(warwickshire, member, sweep):
    ClosureDay.objects.create(partnership=warwickshire, date=datetime.date(2026, 12, 29), name="Office closed")
    confirmed(member, datetime.date(2025, 12, 24))
    for day in (25, 26, 28, 29):  # Christmas, a Saturday, the substitute Boxing Day, the closure day
        assert sweep(datetime.date(2026, 12, day)) == []
    assert len(sweep(datetime.date(2026, 12, 30))) == 1


def test_confirming_again_stops_the_prompt_until_the_next_year(member, sweep):
    confirmed(member, datetime.date(2025, 12, 3))
    confirmed(member, datetime.date(2026, 12, 1))
    assert sweep(datetime.date(2026, 12, 4)) == []
    assert len(sweep(datetime.date(2027, 12, 2))) == 1


def test_nobody_without_a_seat_is_prompted(secretariat, member, sweep):
    Member.objects.filter(person__user=member).update(active=False)
    assert sweep(datetime.date(2026, 11, 30)) == []


def test_a_member_of_another_partnership_is_prompted_in_its_name(member, outsider, other_partnership, sweep):
    confirmed(member, datetime.date(2026, 6, 1))
    sent = sweep(datetime.date(2026, 11, 30))
    assert [message.to for message in sent] == [[outsider.person.email]]
    assert other_partnership.name in sent[0].body
    assert not addressed_to(sent, SECRETARIAT)


@pytest.mark.parametrize("count", [2, 20])
def test_finding_who_to_prompt_takes_the_same_queries(db, count, django_assert_max_num_queries):
    for _ in range(count):
        partnership = PartnershipFactory()
        for _ in range(2):
            MemberFactory(nominating_body__partnership=partnership, person=PersonFactory())
    with django_assert_max_num_queries(7):  # and the first prompts of those who never confirmed
        notices = list(interests.find(load_context()))
    assert len(notices) == 2 * count
