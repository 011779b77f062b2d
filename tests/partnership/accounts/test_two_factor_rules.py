"""Who must use two-factor authentication: staff, secretariat officers, and the chair and vice
chair in office, wherever TWO_FACTOR_REQUIRED is on; everyone else is offered it."""

import datetime

import pytest
from django.contrib.auth.models import AnonymousUser
from django.utils import timezone

from partnership.accounts.two_factor import two_factor_required_for
from partnership.models import OfficeRole
from tests.factories import MemberFactory, OfficeFactory, PersonFactory, UserFactory


@pytest.fixture
def required(settings):
    settings.TWO_FACTOR_REQUIRED = True


def today():
    return timezone.localdate()


@pytest.mark.usefixtures("required")
@pytest.mark.parametrize("who", ["staff", "secretariat", "chair"])
def test_staff_secretariat_and_chair_must(request, who):
    assert two_factor_required_for(request.getfixturevalue(who), today()) is True


@pytest.mark.usefixtures("required")
def test_vice_chair_in_office_must(police):
    user = UserFactory(username="vic.vice")
    member = MemberFactory(nominating_body=police, person=PersonFactory(user=user))
    OfficeFactory(member=member, role=OfficeRole.VICE_CHAIR)

    assert two_factor_required_for(user, today()) is True


@pytest.mark.usefixtures("required")
def test_a_chair_whose_term_has_ended_is_offered_it_only(county_council):
    user = UserFactory(username="former.chair")
    member = MemberFactory(nominating_body=county_council, person=PersonFactory(user=user))
    OfficeFactory(
        member=member, starts_on=today() - datetime.timedelta(days=800), ends_on=today() - datetime.timedelta(days=1)
    )

    assert two_factor_required_for(user, today()) is False


@pytest.mark.usefixtures("required")
def test_a_chair_is_judged_on_the_day_asked(chair):
    assert two_factor_required_for(chair, today() - datetime.timedelta(days=365)) is False


@pytest.mark.usefixtures("required")
def test_a_member_is_offered_it_only(member):
    assert two_factor_required_for(member, today()) is False


@pytest.mark.usefixtures("required")
def test_nobody_signed_in_is_asked_nothing(db):
    assert two_factor_required_for(AnonymousUser(), today()) is False


@pytest.mark.parametrize("who", ["staff", "secretariat", "chair"])
def test_nobody_must_where_it_is_off(request, who, django_assert_num_queries):
    user = request.getfixturevalue(who)

    with django_assert_num_queries(0):
        assert two_factor_required_for(user, today()) is False


@pytest.mark.usefixtures("required")
def test_staff_are_answered_without_a_query(staff, django_assert_num_queries):
    with django_assert_num_queries(0):
        assert two_factor_required_for(staff, today()) is True
