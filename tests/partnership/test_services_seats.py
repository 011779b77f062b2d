"""A nominating body never has more active members than seats (seed 001, 4.1)."""

import pytest

from partnership import services
from partnership.errors import RuleBroken
from partnership.models import Member, Person
from tests.factories import MemberFactory, NominatingBodyFactory


def test_member_takes_a_free_seat(county_council):
    member = services.add_member(
        nominating_body=county_council, name="Helen Marsh", email="helen.marsh@example.org", role_in_body="Portfolio"
    )
    assert member.partnership == county_council.partnership
    assert member.person.email == "helen.marsh@example.org"
    assert member.active


def test_second_member_past_the_seats_is_refused_and_nothing_saved(county_council):
    MemberFactory(nominating_body=county_council)
    people_before = Person.objects.count()
    with pytest.raises(RuleBroken, match="Warwickshire County Council has 1 seat and all are taken") as refusal:
        services.add_member(nominating_body=county_council, name="Extra Person", email="extra@example.org")
    assert refusal.value.field == "nominating_body"
    assert Member.objects.filter(nominating_body=county_council).count() == 1
    assert Person.objects.count() == people_before


def test_all_five_cdrp_seats_fill_and_a_sixth_is_refused(cdrp_chairs):
    for n in range(5):
        services.add_member(nominating_body=cdrp_chairs, name=f"CDRP chair {n}", email=f"cdrp{n}@example.org")
    with pytest.raises(RuleBroken, match="has 5 seats and all are taken"):
        services.add_member(nominating_body=cdrp_chairs, name="Sixth", email="sixth@example.org")


def test_inactive_members_do_not_take_seats(county_council):
    MemberFactory(nominating_body=county_council, active=False)
    services.add_member(nominating_body=county_council, name="New Rep", email="new@example.org")
    assert county_council.members.filter(active=True).count() == 1


def test_an_inactive_member_can_be_recorded_on_a_full_body(county_council):
    MemberFactory(nominating_body=county_council)
    services.add_member(nominating_body=county_council, name="Former", email="former@example.org", active=False)
    assert county_council.members.count() == 2


def test_reactivating_a_member_on_a_full_body_is_refused(county_council):
    MemberFactory(nominating_body=county_council)
    former = MemberFactory(nominating_body=county_council, active=False)
    with pytest.raises(RuleBroken, match="all are taken"):
        services.update_member(member=former, active=True)
    former.refresh_from_db()
    assert not former.active


def test_moving_a_member_into_a_full_body_is_refused(county_council, police):
    MemberFactory(nominating_body=police)
    mover = MemberFactory(nominating_body=county_council)
    with pytest.raises(RuleBroken, match="The Police Service has 1 seat"):
        services.update_member(member=mover, nominating_body=police)
    mover.refresh_from_db()
    assert mover.nominating_body == county_council


def test_editing_a_member_of_a_full_body_keeps_their_seat(county_council):
    member = MemberFactory(nominating_body=county_council)
    services.update_member(member=member, role_in_body="Leader of the Council", is_elected_member=True)
    member.refresh_from_db()
    assert member.role_in_body == "Leader of the Council"
    assert member.is_elected_member


def test_seats_cannot_drop_below_active_members(cdrp_chairs):
    MemberFactory.create_batch(3, nominating_body=cdrp_chairs)
    with pytest.raises(RuleBroken, match="has 3 active members, so it needs at least 3 seats") as refusal:
        services.save_nominating_body(
            body=cdrp_chairs, partnership=cdrp_chairs.partnership, name=cdrp_chairs.name, seats=2
        )
    assert refusal.value.field == "seats"
    cdrp_chairs.refresh_from_db()
    assert cdrp_chairs.seats == 5


def test_seats_can_drop_to_the_number_of_active_members(cdrp_chairs):
    MemberFactory.create_batch(3, nominating_body=cdrp_chairs)
    services.save_nominating_body(body=cdrp_chairs, partnership=cdrp_chairs.partnership, name=cdrp_chairs.name, seats=3)
    cdrp_chairs.refresh_from_db()
    assert cdrp_chairs.seats == 3


def test_a_member_cannot_move_to_another_partnerships_body(county_council):
    elsewhere = NominatingBodyFactory(name="Rugby Borough Council")
    member = MemberFactory(nominating_body=county_council)
    with pytest.raises(RuleBroken, match="same partnership"):
        services.update_member(member=member, nominating_body=elsewhere)


def test_body_names_are_unique_within_a_partnership_whatever_the_case(county_council):
    with pytest.raises(RuleBroken, match="already has a nominating body with that name"):
        services.save_nominating_body(
            partnership=county_council.partnership, name="warwickshire county council", seats=1
        )


def test_the_same_body_name_may_sit_on_two_partnerships(county_council, other_partnership):
    body = services.save_nominating_body(partnership=other_partnership, name=county_council.name, seats=1)
    assert body.partnership == other_partnership


def test_renaming_a_body_checks_names_in_its_own_partnership(county_council, police, other_partnership):
    with pytest.raises(RuleBroken, match="already has a nominating body with that name"):
        services.save_nominating_body(body=police, partnership=other_partnership, name=county_council.name, seats=1)


@pytest.mark.parametrize("seats", [0, 51])
def test_a_body_has_between_one_and_fifty_seats(warwickshire, seats):
    with pytest.raises(RuleBroken, match="between 1 and 50 seats") as refusal:
        services.save_nominating_body(partnership=warwickshire, name="Probation", seats=seats)
    assert refusal.value.field == "seats"
    assert not warwickshire.nominating_bodies.exists()
