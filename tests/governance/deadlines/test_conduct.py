"""The codes every member acknowledges: a member who has not acknowledged the version in force is
reminded every week, on the first working day of the week, until they do; the secretariat gets
one list a week of who has not."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from governance.deadlines import conduct
from governance.deadlines import sweep as the_sweep
from governance.deadlines.context import load_context
from governance.models import Acknowledgement, ConductDocumentKind
from partnership.models import Member, Person
from tests.factories import (
    ConductDocumentFactory,
    MemberFactory,
    PartnershipFactory,
    PersonFactory,
    SecretariatFactory,
)

from .conftest import addressed_to, subjects

SECRETARIAT = "sam.secretariat@example.org"
CHAIR = "carol.chair@warwickshire.example.org"
MEMBER = "mo.member@police.example.org"
REMINDER = "Please acknowledge the Code of Conduct for Partnership Working (1)"
MONDAY = datetime.date(2026, 11, 30)  # ISO week 2026-W49


@pytest.fixture(autouse=True)
def only_this_rule(monkeypatch):
    """Other rules (the yearly prompt to confirm interests, the year's meetings) write to the
    same people on the same days; this module tests what its own rule sends."""
    monkeypatch.setattr(the_sweep, "RULES", (conduct.find,))


@pytest.fixture
def code(warwickshire):
    return ConductDocumentFactory(partnership=warwickshire)


def acknowledge(user_or_person, document):
    person = user_or_person if isinstance(user_or_person, Person) else user_or_person.person
    Acknowledgement.objects.create(document=document, person=person, acknowledged_at=timezone.now())


def test_members_who_have_not_acknowledged_are_reminded_each_week(code, secretariat, chair, member, sweep):
    acknowledge(chair, code)
    sent = sweep(MONDAY)

    assert subjects(sent) == ["Codes not yet acknowledged, week beginning 30 November 2026: 1", REMINDER]
    to_member = addressed_to(sent, MEMBER)
    assert [message.subject for message in to_member] == [REMINDER]
    assert not addressed_to(sent, CHAIR)  # acknowledged
    sentence = (
        "Every member of the partnership acknowledges the Code of Conduct for Partnership Working, version 1, "
        "in force since Wednesday 1 January 2020."
    )
    link = reverse("governance:acknowledge")
    assert sentence in to_member[0].body
    assert sentence in to_member[0].alternatives[0][0]
    assert link in to_member[0].body
    assert link in to_member[0].alternatives[0][0]
    assert "reminded each week until you do" in to_member[0].body

    assert sweep(datetime.date(2026, 12, 1)) == []  # once a week
    assert sweep(datetime.date(2026, 12, 6)) == []
    assert len(sweep(datetime.date(2026, 12, 7))) == 2  # the next week


def test_the_secretariat_gets_one_list_naming_each_member_and_code(
    warwickshire, code, secretariat, chair, member, sweep
):
    ConductDocumentFactory(
        partnership=warwickshire,
        kind=ConductDocumentKind.BEHAVIOUR_PROTOCOL,
        title="Partnership Behaviour Protocol",
        version="2",
    )
    acknowledge(chair, code)
    to_secretariat = addressed_to(sweep(MONDAY), SECRETARIAT)

    assert [message.subject for message in to_secretariat] == [
        "Codes not yet acknowledged, week beginning 30 November 2026: 3"
    ]
    body, html = to_secretariat[0].body, to_secretariat[0].alternatives[0][0]
    for line in (
        "Carol Chair (Warwickshire County Council): Partnership Behaviour Protocol (2)",
        "Mo Member (The Police Service): Code of Conduct for Partnership Working (1)",
        "Mo Member (The Police Service): Partnership Behaviour Protocol (2)",
    ):
        assert line in body
        assert line in html
    link = reverse("governance:acknowledgements", kwargs={"slug": warwickshire.slug})
    assert link in body
    assert link in html


def test_a_member_who_acknowledges_is_no_longer_reminded(code, secretariat, member, sweep):
    assert len(sweep(MONDAY)) == 2
    acknowledge(member, code)
    assert sweep(datetime.date(2026, 12, 7)) == []  # nobody left: no list either


def test_a_week_starting_with_a_bank_holiday_is_reminded_on_the_tuesday(code, secretariat, member, sweep):
    assert sweep(datetime.date(2026, 12, 28)) == []  # the substitute Boxing Day
    sent = sweep(datetime.date(2026, 12, 29))
    assert subjects(sent) == ["Codes not yet acknowledged, week beginning 28 December 2026: 1", REMINDER]


def test_a_new_version_is_first_asked_about_the_working_day_after_it_comes_into_force(
    warwickshire, code, secretariat, member, sweep
):
    acknowledge(member, code)
    ConductDocumentFactory(partnership=warwickshire, version="2", in_force_from=datetime.date(2026, 12, 2))
    assert sweep(MONDAY) == []
    assert sweep(datetime.date(2026, 12, 2)) == []
    sent = sweep(datetime.date(2026, 12, 3))
    assert [message.subject for message in addressed_to(sent, MEMBER)] == [
        "Please acknowledge the Code of Conduct for Partnership Working (2)"
    ]


def test_a_member_whose_seat_has_ended_is_not_reminded(code, secretariat, member, sweep):
    Member.objects.filter(person__user=member).update(active=False)
    assert sweep(MONDAY) == []


def test_a_partnership_without_codes_sends_nothing(secretariat, chair, member, sweep):
    assert sweep(MONDAY) == []


def test_another_partnerships_code_is_its_own_business(code, secretariat, member, outsider, other_partnership, sweep):
    ConductDocumentFactory(partnership=other_partnership, title="Rugby Code")
    sent = sweep(MONDAY)
    outsider_person = outsider.person
    assert [message.subject for message in addressed_to(sent, outsider_person.email)] == [
        "Please acknowledge the Rugby Code (1)"
    ]
    to_secretariat = addressed_to(sent, SECRETARIAT)
    assert len(to_secretariat) == 1
    assert "Oscar" not in to_secretariat[0].body
    to_rugby = addressed_to(sent, outsider.email)
    assert len(to_rugby) == 1
    assert "Mo Member" not in to_rugby[0].body


@pytest.mark.parametrize("count", [2, 20])
def test_finding_who_has_not_acknowledged_takes_the_same_queries(db, count, django_assert_max_num_queries):
    for _ in range(count):
        partnership = PartnershipFactory()
        SecretariatFactory(partnership=partnership)
        document = ConductDocumentFactory(partnership=partnership)
        for _ in range(3):
            MemberFactory(nominating_body__partnership=partnership, person=PersonFactory())
        acknowledge(MemberFactory(nominating_body__partnership=partnership).person, document)
    with django_assert_max_num_queries(7):
        notices = list(conduct.find(load_context(now=timezone.make_aware(datetime.datetime(2026, 11, 30, 8)))))
    assert len(notices) == 4 * count


def test_a_member_with_two_codes_outstanding_gets_one_email_naming_both(warwickshire, code, member, sweep):
    ConductDocumentFactory(
        partnership=warwickshire,
        kind=ConductDocumentKind.BEHAVIOUR_PROTOCOL,
        title="Partnership Behaviour Protocol",
        in_force_from=datetime.date(2020, 1, 1),
    )

    to_member = addressed_to(sweep(MONDAY), MEMBER)

    assert [message.subject for message in to_member] == [
        "Please acknowledge the Code of Conduct for Partnership Working (1) and the Partnership Behaviour Protocol (1)"
    ]
    assert "Partnership Behaviour Protocol, version 1, in force since" in to_member[0].body
    assert "You have not acknowledged them yet." in to_member[0].body
