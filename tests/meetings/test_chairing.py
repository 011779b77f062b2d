"""Who chaired a meeting (ToR 5.4, 5.8): the member named to preside in the chair's absence, or
else the member in the chair's office on the meeting's day; never the vice chair while the chair
chaired, and never a chair who took office afterwards."""

import datetime

import pytest
from django.contrib.auth.models import AnonymousUser

from meetings import services
from meetings.chairing import chair_on, chaired_by_user, is_chair_on, who_chaired
from meetings.models import Meeting
from partnership.models import Member, Office, OfficeRole
from tests.factories import MemberFactory, NominatingBodyFactory, OfficeFactory, PersonFactory, UserFactory

MEETING_DAY = datetime.date(2027, 6, 15)


def member_of(user) -> Member:
    return Member.objects.get(person__user=user)


@pytest.fixture
def vice_chair(member):
    """Mo Member (The Police Service) is vice chair; Carol Chair (the County Council) chairs."""
    OfficeFactory(member=member_of(member), role=OfficeRole.VICE_CHAIR, starts_on=datetime.date(2026, 8, 1))
    return member


@pytest.fixture
def next_chair(warwickshire, chair):
    """Carol Chair stands down on 30 June 2027; Fay Fireman (Fire Authority) takes the chair on 1 July."""
    Office.objects.filter(member=member_of(chair)).update(ends_on=datetime.date(2027, 6, 30))
    fire = NominatingBodyFactory(partnership=warwickshire, name="Fire Authority")
    fay = MemberFactory(nominating_body=fire, person=PersonFactory(name="Fay Fireman", user=UserFactory()))
    OfficeFactory(member=fay, starts_on=datetime.date(2027, 7, 1))
    return fay.person.user


def fresh(meeting: Meeting) -> Meeting:
    """Who chaired is cached on the object, so each question asks a newly fetched meeting."""
    return Meeting.objects.get(pk=meeting.pk)


def test_the_chair_on_a_day_is_whoever_held_the_office_then(chair, next_chair, warwickshire):
    assert chair_on(warwickshire.pk, MEETING_DAY).person.name == "Carol Chair"
    assert chair_on(warwickshire.pk, datetime.date(2027, 7, 1)).person.name == "Fay Fireman"
    assert chair_on(warwickshire.pk, datetime.date(2026, 8, 1)) is None


def test_only_the_chair_of_the_day_is_chair(chair, vice_chair, secretariat, next_chair, warwickshire):
    assert is_chair_on(chair, warwickshire.pk, MEETING_DAY)
    assert not is_chair_on(chair, warwickshire.pk, datetime.date(2027, 7, 1))
    assert is_chair_on(next_chair, warwickshire.pk, datetime.date(2027, 7, 1))
    for user in (vice_chair, secretariat, next_chair, AnonymousUser()):
        assert not is_chair_on(user, warwickshire.pk, MEETING_DAY)


def test_the_chair_in_office_on_the_day_chaired_when_nobody_presided(meeting, chair, vice_chair, next_chair):
    assert who_chaired(fresh(meeting)) == member_of(chair)
    assert chaired_by_user(fresh(meeting), chair)
    for user in (vice_chair, next_chair, AnonymousUser()):
        assert not chaired_by_user(fresh(meeting), user)


def test_whoever_presided_chaired_and_the_chair_did_not(meeting, chair, vice_chair):
    services.reschedule_meeting(meeting=meeting, presiding_member=member_of(vice_chair))
    assert who_chaired(fresh(meeting)) == member_of(vice_chair)
    assert chaired_by_user(fresh(meeting), vice_chair)
    assert not chaired_by_user(fresh(meeting), chair)


def test_nobody_chaired_a_meeting_with_no_chair_in_office(meeting, vice_chair):
    assert who_chaired(fresh(meeting)) is None
    assert not chaired_by_user(fresh(meeting), vice_chair)


def test_who_chaired_is_asked_of_the_database_once_per_meeting(meeting, chair, django_assert_num_queries):
    meeting = fresh(meeting)
    with django_assert_num_queries(1):
        assert who_chaired(meeting).nominating_body.name == "Warwickshire County Council"
        assert chaired_by_user(meeting, chair)
