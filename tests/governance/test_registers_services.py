"""A person's register of interests, its yearly confirmation, and the gifts and hospitality
offered to them (the Code of Conduct, seed 001): the services and their refusals."""

import datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest

from governance import services_registers as services
from governance.models import GiftOrHospitality, InterestRegisterConfirmation, RegisteredInterest
from governance.selectors_registers import people_due_to_confirm_interests
from meetings.models import InterestCategory
from partnership.errors import RuleBroken
from tests.factories import MemberFactory, NominatingBodyFactory, PersonFactory, UserFactory

LONDON = ZoneInfo("Europe/London")
TODAY = datetime.date(2026, 11, 25)
NOW = datetime.datetime(2026, 11, 25, 10, 0, tzinfo=LONDON)


@pytest.fixture
def mo(member):
    return member.person


def register(person, by, **kwargs):
    values = {
        "category": InterestCategory.MEMBERSHIP,
        "description": "Member of the Warwick Rotary Club",
        "organisation": "Warwick Rotary Club",
        "registered_on": datetime.date(2020, 5, 1),
    }
    return services.register_interest(person=person, by=by, now=NOW, **(values | kwargs))


def refused(call, message: str):
    with pytest.raises(RuleBroken) as broken:
        call()
    assert broken.value.message == message
    return broken.value


# The register of interests


def test_a_member_registers_an_interest_on_their_own_register(member, mo):
    interest = register(mo, member, description="  Trustee of the Warwick Youth Trust  ")

    assert interest.person == mo
    assert interest.description == "Trustee of the Warwick Youth Trust"
    assert interest.is_current
    assert interest.history.count() == 1


def test_one_register_whatever_the_partnerships_they_sit_on(member, mo, other_partnership):
    MemberFactory(nominating_body=NominatingBodyFactory(partnership=other_partnership), person=mo)

    register(mo, member)

    assert RegisteredInterest.objects.filter(person=mo).count() == 1


def test_nobody_keeps_another_persons_register(member, chair, mo, secretariat):
    for by in (chair, secretariat):
        refused(lambda by=by: register(mo, by), "You can only keep your own register of interests.")
    assert not RegisteredInterest.objects.exists()


@pytest.mark.parametrize(
    ("change", "field", "message"),
    [
        ({"category": "hobbies"}, "category", "Choose what the interest touches from the Code of Conduct's list."),
        ({"description": "  "}, "description", "Say what the interest is."),
        ({"registered_on": None}, "registered_on", "Give the date the interest began."),
        ({"registered_on": datetime.date(9999, 1, 1)}, "registered_on", "Give a date between 1900 and 2100."),
        (
            {"registered_on": TODAY + datetime.timedelta(days=1)},
            "registered_on",
            "Register an interest once it has begun: the date cannot be in the future.",
        ),
    ],
)
def test_an_interest_must_be_complete_and_dated(member, mo, change, field, message):
    broken = refused(lambda: register(mo, member, **change), message)

    assert broken.field == field
    assert not RegisteredInterest.objects.exists()


def test_an_interest_ends(member, mo):
    interest = register(mo, member)

    services.end_interest(interest=interest, ended_on=datetime.date(2026, 3, 31), by=member, now=NOW)

    interest.refresh_from_db()
    assert interest.ended_on == datetime.date(2026, 3, 31)
    assert not interest.is_current


def test_an_interest_cannot_end_before_it_began(member, mo):
    interest = register(mo, member, registered_on=datetime.date(2020, 5, 1))

    broken = refused(
        lambda: services.end_interest(interest=interest, ended_on=datetime.date(2020, 4, 30), by=member, now=NOW),
        "An interest cannot end before it began: it was registered from 1 May 2020.",
    )

    assert broken.field == "ended_on"
    interest.refresh_from_db()
    assert interest.ended_on is None


def test_an_interest_cannot_end_in_the_future_or_twice_or_by_another(member, chair, mo):
    interest = register(mo, member)
    refused(
        lambda: services.end_interest(
            interest=interest, ended_on=TODAY + datetime.timedelta(days=3), by=member, now=NOW
        ),
        "Record the end of an interest once it has ended: the date cannot be in the future.",
    )
    refused(
        lambda: services.end_interest(interest=interest, ended_on=TODAY, by=chair, now=NOW),
        "You can only keep your own register of interests.",
    )
    interest.refresh_from_db()
    assert interest.ended_on is None

    services.end_interest(interest=interest, ended_on=TODAY, by=member, now=NOW)
    refused(
        lambda: services.end_interest(interest=interest, ended_on=TODAY, by=member, now=NOW),
        "This interest already ended on 25 November 2026.",
    )


def test_a_member_confirms_their_register_is_up_to_date(member, mo, chair):
    confirmation = services.confirm_interests_up_to_date(person=mo, by=member, now=NOW)

    assert confirmation.confirmed_at == NOW
    refused(
        lambda: services.confirm_interests_up_to_date(person=mo, by=chair, now=NOW),
        "You can only keep your own register of interests.",
    )
    assert InterestRegisterConfirmation.objects.count() == 1


# The yearly prompt's list


def confirmed(person, when: datetime.datetime):
    return InterestRegisterConfirmation.objects.create(person=person, confirmed_at=when)


def test_who_is_due_to_confirm_their_register(warwickshire, cdrp_chairs, member, chair, mo):
    never = mo
    this_year = chair.person
    confirmed(this_year, datetime.datetime(2025, 11, 25, 9, 0, tzinfo=LONDON))  # twelve months exactly: not yet
    overdue = PersonFactory(name="Olive Overdue")
    MemberFactory(nominating_body=cdrp_chairs, person=overdue)
    confirmed(overdue, datetime.datetime(2025, 11, 24, 23, 0, tzinfo=LONDON))
    confirmed(overdue, datetime.datetime(2024, 1, 1, 9, 0, tzinfo=LONDON))
    seatless = PersonFactory(name="Fred Former")
    MemberFactory(nominating_body=cdrp_chairs, person=seatless, active=False)

    due = people_due_to_confirm_interests(TODAY)

    assert [person.name for person in due] == ["Mo Member", "Olive Overdue"]
    assert due[0] == never
    assert due[0].last_confirmed_at is None
    assert due[1].last_confirmed_at == datetime.datetime(2025, 11, 24, 23, 0, tzinfo=LONDON)
    # A day later the chair's confirmation is more than twelve months old too.
    assert this_year in people_due_to_confirm_interests(TODAY + datetime.timedelta(days=1))


@pytest.mark.parametrize("people", [5, 60])
def test_the_prompts_list_is_one_query_whatever_the_number(warwickshire, people, django_assert_num_queries):
    bodies = NominatingBodyFactory.create_batch(2, partnership=warwickshire, seats=50)
    for n in range(people):
        person = PersonFactory()
        MemberFactory(nominating_body=bodies[n % 2], person=person)
        if n % 2:
            confirmed(person, datetime.datetime(2024, 6, 1, 9, 0, tzinfo=LONDON))

    with django_assert_num_queries(1):
        due = people_due_to_confirm_interests(TODAY)

    assert len(due) == people


# Gifts and hospitality


def offer(person, by, partnership, **kwargs):
    values = {
        "kind": "hospitality",
        "offered_by": "Compass Recovery",
        "description": "Dinner at the launch of the treatment plan",
        "estimated_value": Decimal("45.00"),
        "offered_on": datetime.date(2026, 11, 5),
        "accepted": True,
        "registered_with_body": True,
    }
    return services.record_gift_or_hospitality(
        person=person, partnership=partnership, by=by, now=NOW, **(values | kwargs)
    )


def test_a_member_records_a_gift_offered_in_connection_with_the_partnerships_work(warwickshire, member, mo):
    gift = offer(mo, member, warwickshire)

    assert gift.partnership == warwickshire
    assert gift.estimated_value == Decimal("45.00")
    assert gift.recorded_at == NOW
    assert gift.history.count() == 1


def test_a_declined_offer_of_no_value_is_recorded_too(warwickshire, member, mo):
    gift = offer(mo, member, warwickshire, estimated_value=Decimal("0"), accepted=False, registered_with_body=False)

    assert not gift.accepted


@pytest.mark.parametrize(
    ("change", "field", "message"),
    [
        ({"estimated_value": Decimal("-0.01")}, "estimated_value", "The estimated value cannot be less than £0."),
        ({"estimated_value": None}, "estimated_value", "Give the estimated value in pounds, 0 if it had none."),
        ({"offered_by": " "}, "offered_by", "Say who made the offer."),
        ({"description": ""}, "description", "Say what was offered."),
        ({"kind": "cash"}, "kind", "Say whether it was a gift or hospitality."),
        (
            {"offered_on": datetime.date(2026, 11, 26)},
            "offered_on",
            "Record an offer once it has been made: the date cannot be in the future.",
        ),
        (
            {"accepted": False, "registered_with_body": True},
            "registered_with_body",
            "Only an accepted gift or hospitality is registered with your nominating body.",
        ),
    ],
)
def test_a_gift_must_be_complete_and_its_value_not_negative(warwickshire, member, mo, change, field, message):
    broken = refused(lambda: offer(mo, member, warwickshire, **change), message)

    assert broken.field == field
    assert not GiftOrHospitality.objects.exists()


def test_a_gift_only_for_a_partnership_they_sit_on_and_only_their_own(warwickshire, other_partnership, member, mo):
    broken = refused(
        lambda: offer(mo, member, other_partnership),
        "You do not hold a seat on the Rugby Community Safety Partnership: record the offer against a partnership "
        "you sit on.",
    )
    assert broken.field == "partnership"
    refused(lambda: offer(mo, UserFactory(), warwickshire), "You can only record gifts and hospitality offered to you.")
    assert not GiftOrHospitality.objects.exists()


def test_the_database_refuses_a_negative_value_whoever_writes_it(warwickshire, mo):
    from django.db import IntegrityError, transaction

    with pytest.raises(IntegrityError), transaction.atomic():
        GiftOrHospitality.objects.create(
            person=mo,
            partnership=warwickshire,
            offered_by="A supplier",
            description="A hamper",
            estimated_value=Decimal("-5"),
            offered_on=TODAY,
            accepted=True,
            registered_with_body=False,
            recorded_at=NOW,
        )
