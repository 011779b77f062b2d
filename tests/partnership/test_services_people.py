"""A person has one record and one login, and may hold a seat on several partnerships."""

import pytest

from partnership import services
from partnership.errors import RuleBroken
from partnership.models import Person
from tests.factories import NominatingBodyFactory


def test_the_same_email_on_two_partnerships_is_one_person(county_council, other_partnership):
    county = services.add_member(nominating_body=county_council, name="Tom Whitfield", email="tom@rugby.example.org")
    rugby_council = NominatingBodyFactory(partnership=other_partnership, name="Rugby Borough Council")
    district = services.add_member(nominating_body=rugby_council, name="Tom Whitfield", email="TOM@rugby.example.org")
    assert district.person == county.person
    assert Person.objects.count() == 1


def test_a_person_holds_one_active_seat_per_partnership(county_council, police):
    services.add_member(nominating_body=county_council, name="Helen Marsh", email="helen@example.org")
    with pytest.raises(RuleBroken, match="already holds a seat on this partnership"):
        services.add_member(nominating_body=police, name="Helen Marsh", email="helen@example.org")
    assert police.members.count() == 0


def test_name_and_email_are_required(county_council):
    with pytest.raises(RuleBroken, match="Give the member's name and email address"):
        services.add_member(nominating_body=county_council, name="", email="someone@example.org")
    assert Person.objects.count() == 0


def test_changing_email_to_someone_elses_is_refused(county_council, police):
    helen = services.add_member(nominating_body=county_council, name="Helen", email="helen@example.org")
    services.add_member(nominating_body=police, name="Mark", email="mark@example.org")
    with pytest.raises(RuleBroken, match="That email address is on the register under another name"):
        services.update_member(member=helen, email="MARK@example.org")
    helen.person.refresh_from_db()
    assert helen.person.email == "helen@example.org"


def test_renaming_a_member_renames_the_person(county_council):
    helen = services.add_member(nominating_body=county_council, name="Helen", email="helen@example.org")
    services.update_member(member=helen, name="Cllr Helen Marsh")
    helen.person.refresh_from_db()
    assert helen.person.name == "Cllr Helen Marsh"


def test_a_person_sitting_elsewhere_is_renamed_only_by_someone_keeping_both_registers(
    county_council, other_partnership, secretariat
):
    county = services.add_member(nominating_body=county_council, name="Tom Whitfield", email="tom@rugby.example.org")
    rugby_council = NominatingBodyFactory(partnership=other_partnership, name="Rugby Borough Council", seats=2)
    services.add_member(nominating_body=rugby_council, name="Tom Whitfield", email="tom@rugby.example.org")
    with pytest.raises(RuleBroken, match="also sits on another partnership") as refusal:
        services.update_member(member=county, email="tom@attacker.example.org", by=secretariat)
    assert refusal.value.field == "email"
    county.person.refresh_from_db()
    assert county.person.email == "tom@rugby.example.org"


def test_staff_may_rename_a_person_who_sits_on_several_partnerships(county_council, other_partnership, staff):
    county = services.add_member(nominating_body=county_council, name="Tom Whitfield", email="tom@rugby.example.org")
    rugby_council = NominatingBodyFactory(partnership=other_partnership, name="Rugby Borough Council")
    services.add_member(nominating_body=rugby_council, name="Tom Whitfield", email="tom@rugby.example.org")
    services.update_member(member=county, name="Cllr Tom Whitfield", by=staff)
    county.person.refresh_from_db()
    assert county.person.name == "Cllr Tom Whitfield"


def test_a_known_email_under_another_name_is_refused(county_council, police):
    services.add_member(nominating_body=county_council, name="Helen Marsh", email="helen@example.org")
    with pytest.raises(RuleBroken, match="on the register under another name"):
        services.add_member(nominating_body=police, name="Mark Dunn", email="helen@example.org")
    assert police.members.count() == 0
