"""The database itself refuses what the services refuse, for code that bypasses them."""

import datetime

import pytest
from django.db import IntegrityError, transaction

from partnership.models import Member, Office
from tests.factories import MemberFactory, OfficeFactory, PersonFactory

MAY_2026 = datetime.date(2026, 5, 1)


def _refused(create):
    with pytest.raises(IntegrityError), transaction.atomic():
        create()


def test_no_active_member_past_the_seats(county_council):
    MemberFactory(nominating_body=county_council)
    _refused(lambda: MemberFactory(nominating_body=county_council))
    assert Member.objects.filter(nominating_body=county_council).count() == 1


def test_no_reactivation_past_the_seats(county_council):
    MemberFactory(nominating_body=county_council)
    former = MemberFactory(nominating_body=county_council, active=False)
    _refused(lambda: Member.objects.filter(pk=former.pk).update(active=True))
    former.refresh_from_db()
    assert not former.active


def test_no_fewer_seats_than_active_members(cdrp_chairs):
    MemberFactory.create_batch(2, nominating_body=cdrp_chairs)
    cdrp_chairs.seats = 1
    _refused(cdrp_chairs.save)
    cdrp_chairs.refresh_from_db()
    assert cdrp_chairs.seats == 5


def test_inactive_members_and_free_seats_are_accepted(cdrp_chairs):
    MemberFactory.create_batch(5, nominating_body=cdrp_chairs)
    MemberFactory(nominating_body=cdrp_chairs, active=False, person=PersonFactory())
    assert cdrp_chairs.members.count() == 6


def test_no_overlapping_chairs(county_council, police):
    OfficeFactory(member=MemberFactory(nominating_body=county_council), starts_on=MAY_2026)
    other = MemberFactory(nominating_body=police)
    _refused(lambda: OfficeFactory(member=other, starts_on=datetime.date(2027, 1, 1)))
    assert Office.objects.count() == 1


def test_successive_chairs_are_accepted(county_council, police):
    OfficeFactory(member=MemberFactory(nominating_body=county_council), starts_on=MAY_2026)
    OfficeFactory(member=MemberFactory(nominating_body=police), starts_on=datetime.date(2028, 5, 1))
    assert Office.objects.count() == 2


def test_no_chair_and_vice_chair_from_one_body(cdrp_chairs):
    first, second = MemberFactory.create_batch(2, nominating_body=cdrp_chairs)
    OfficeFactory(member=first, starts_on=MAY_2026)
    _refused(lambda: OfficeFactory(member=second, role="vice_chair", starts_on=MAY_2026))
    assert Office.objects.count() == 1


def test_chair_and_vice_chair_from_two_bodies_are_accepted(county_council, police):
    OfficeFactory(member=MemberFactory(nominating_body=county_council), starts_on=MAY_2026)
    OfficeFactory(member=MemberFactory(nominating_body=police), role="vice_chair", starts_on=MAY_2026)
    assert Office.objects.count() == 2


def test_a_member_sits_on_the_partnership_of_their_body(county_council, other_partnership):
    _refused(lambda: MemberFactory(nominating_body=county_council, partnership=other_partnership))
    assert not Member.objects.exists()


def test_an_office_is_held_on_the_partnership_of_its_member(county_council, other_partnership):
    holder = MemberFactory(nominating_body=county_council)
    _refused(lambda: OfficeFactory(member=holder, partnership=other_partnership, starts_on=MAY_2026))
    assert not Office.objects.exists()


def test_a_body_stays_with_its_partnership(county_council, other_partnership):
    county_council.partnership = other_partnership
    _refused(county_council.save)
    county_council.refresh_from_db()
    assert county_council.partnership.slug == "warwickshire-scp"
