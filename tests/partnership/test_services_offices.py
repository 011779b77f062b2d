"""Chair and vice chair: one of each at a time, a term of the partnership's length (ToR 5.2),
never both from the same nominating body (ToR 5.4)."""

import datetime

import pytest
import time_machine

from partnership import services
from partnership.errors import RuleBroken
from partnership.models import Office
from partnership.selectors import current_office_holders
from tests.factories import MemberFactory

MAY_2026 = datetime.date(2026, 5, 1)


@pytest.fixture
def helen(county_council):
    return MemberFactory(nominating_body=county_council, person__name="Cllr Helen Marsh")


@pytest.fixture
def mark(police):
    return MemberFactory(nominating_body=police, person__name="Ch Supt Mark Dunn")


def test_a_term_runs_for_the_partnerships_chair_term_unless_given(warwickshire, helen):
    office = services.appoint_to_office(partnership=warwickshire, member=helen, role="chair", starts_on=MAY_2026)
    assert office.ends_on == datetime.date(2028, 4, 30)


def test_a_three_year_term_where_the_partnership_says_so(warwickshire, helen):
    warwickshire.chair_term_years = 3
    warwickshire.save()
    office = services.appoint_to_office(partnership=warwickshire, member=helen, role="chair", starts_on=MAY_2026)
    assert office.ends_on == datetime.date(2029, 4, 30)


def test_a_shorter_term_can_be_given(warwickshire, helen):
    ends = datetime.date(2027, 4, 30)
    office = services.appoint_to_office(
        partnership=warwickshire, member=helen, role="chair", starts_on=MAY_2026, ends_on=ends
    )
    assert office.ends_on == ends


def test_a_term_longer_than_the_rule_is_refused(warwickshire, helen):
    with pytest.raises(RuleBroken, match=r"A term lasts at most 2 years \(ToR 5.2\)") as refusal:
        services.appoint_to_office(
            partnership=warwickshire, member=helen, role="chair", starts_on=MAY_2026, ends_on=datetime.date(2028, 5, 1)
        )
    assert refusal.value.field == "ends_on"
    assert not Office.objects.exists()


def test_a_term_ending_before_it_starts_is_refused(warwickshire, helen):
    with pytest.raises(RuleBroken, match="cannot end before it starts"):
        services.appoint_to_office(
            partnership=warwickshire, member=helen, role="chair", starts_on=MAY_2026, ends_on=datetime.date(2026, 4, 1)
        )


def test_one_chair_at_a_time(warwickshire, helen, mark):
    services.appoint_to_office(partnership=warwickshire, member=helen, role="chair", starts_on=MAY_2026)
    with pytest.raises(RuleBroken, match="there is one chair at a time") as refusal:
        services.appoint_to_office(
            partnership=warwickshire, member=mark, role="chair", starts_on=datetime.date(2027, 1, 1)
        )
    assert refusal.value.field == "starts_on"
    assert Office.objects.count() == 1


def test_one_vice_chair_at_a_time(warwickshire, helen, mark):
    services.appoint_to_office(partnership=warwickshire, member=helen, role="vice_chair", starts_on=MAY_2026)
    with pytest.raises(RuleBroken, match="there is one vice chair at a time"):
        services.appoint_to_office(
            partnership=warwickshire, member=mark, role="vice_chair", starts_on=datetime.date(2025, 6, 1)
        )


def test_the_next_chair_takes_over_the_day_after_the_term_ends(warwickshire, helen, mark):
    services.appoint_to_office(partnership=warwickshire, member=helen, role="chair", starts_on=MAY_2026)
    successor = services.appoint_to_office(
        partnership=warwickshire, member=mark, role="chair", starts_on=datetime.date(2028, 5, 1)
    )
    assert successor.ends_on == datetime.date(2030, 4, 30)


def test_a_chair_is_re_elected_for_a_new_term(warwickshire, helen):
    services.appoint_to_office(partnership=warwickshire, member=helen, role="chair", starts_on=MAY_2026)
    services.appoint_to_office(
        partnership=warwickshire, member=helen, role="chair", starts_on=datetime.date(2028, 5, 1)
    )
    assert helen.offices.count() == 2


def test_ending_a_term_early_makes_room_for_a_new_chair(warwickshire, helen, mark):
    office = services.appoint_to_office(partnership=warwickshire, member=helen, role="chair", starts_on=MAY_2026)
    services.change_office_term(office=office, starts_on=MAY_2026, ends_on=datetime.date(2026, 12, 31))
    services.appoint_to_office(partnership=warwickshire, member=mark, role="chair", starts_on=datetime.date(2027, 1, 1))
    assert Office.objects.filter(role="chair").count() == 2


def test_chair_and_vice_chair_never_from_the_same_body(warwickshire, cdrp_chairs):
    first, second = MemberFactory.create_batch(2, nominating_body=cdrp_chairs)
    services.appoint_to_office(partnership=warwickshire, member=first, role="chair", starts_on=MAY_2026)
    with pytest.raises(RuleBroken, match=r"cannot come from the same nominating body \(ToR 5.4\)") as refusal:
        services.appoint_to_office(partnership=warwickshire, member=second, role="vice_chair", starts_on=MAY_2026)
    assert refusal.value.field == "member"
    assert not Office.objects.filter(role="vice_chair").exists()


def test_the_same_member_cannot_hold_both_offices(warwickshire, helen):
    services.appoint_to_office(partnership=warwickshire, member=helen, role="chair", starts_on=MAY_2026)
    with pytest.raises(RuleBroken, match="same nominating body"):
        services.appoint_to_office(partnership=warwickshire, member=helen, role="vice_chair", starts_on=MAY_2026)


def test_same_body_is_fine_when_the_terms_do_not_overlap(warwickshire, cdrp_chairs):
    first, second = MemberFactory.create_batch(2, nominating_body=cdrp_chairs)
    services.appoint_to_office(partnership=warwickshire, member=first, role="chair", starts_on=MAY_2026)
    services.appoint_to_office(
        partnership=warwickshire, member=second, role="vice_chair", starts_on=datetime.date(2028, 5, 1)
    )
    assert Office.objects.filter(member__nominating_body=cdrp_chairs).count() == 2


def test_chair_and_vice_chair_from_different_bodies(warwickshire, helen, mark):
    services.appoint_to_office(partnership=warwickshire, member=helen, role="chair", starts_on=MAY_2026)
    services.appoint_to_office(partnership=warwickshire, member=mark, role="vice_chair", starts_on=MAY_2026)
    with time_machine.travel(datetime.date(2026, 6, 1)):
        holders = current_office_holders(warwickshire, datetime.date(2026, 6, 1))
    assert holders["chair"].member == helen
    assert holders["vice_chair"].member == mark


def test_only_the_partnerships_own_members_hold_office(warwickshire, other_partnership):
    stranger = MemberFactory(nominating_body__partnership=other_partnership)
    with pytest.raises(RuleBroken, match="elected from the partnership's own members"):
        services.appoint_to_office(partnership=warwickshire, member=stranger, role="chair", starts_on=MAY_2026)


def test_an_inactive_member_cannot_hold_office(warwickshire, county_council):
    former = MemberFactory(nominating_body=county_council, active=False)
    with pytest.raises(RuleBroken, match="is not an active member"):
        services.appoint_to_office(partnership=warwickshire, member=former, role="chair", starts_on=MAY_2026)


def test_an_office_holder_cannot_be_made_inactive(warwickshire, helen):
    with time_machine.travel(datetime.datetime(2026, 6, 1, 12, tzinfo=datetime.UTC)):
        services.appoint_to_office(partnership=warwickshire, member=helen, role="chair", starts_on=MAY_2026)
        with pytest.raises(RuleBroken, match="is chair until 30 April 2028"):
            services.update_member(member=helen, active=False)
    helen.refresh_from_db()
    assert helen.active


def test_moving_the_chair_into_the_vice_chairs_body_is_refused(warwickshire, helen, mark, cdrp_chairs):
    services.appoint_to_office(partnership=warwickshire, member=helen, role="chair", starts_on=MAY_2026)
    services.appoint_to_office(partnership=warwickshire, member=mark, role="vice_chair", starts_on=MAY_2026)
    mark.nominating_body.seats = 2
    mark.nominating_body.save()
    with pytest.raises(RuleBroken, match="would put both offices in one body"):
        services.update_member(member=helen, nominating_body=mark.nominating_body)
    helen.refresh_from_db()
    assert helen.nominating_body != mark.nominating_body


def test_the_chair_is_whoever_holds_the_office_today(warwickshire, helen, mark):
    services.appoint_to_office(partnership=warwickshire, member=helen, role="chair", starts_on=MAY_2026)
    services.appoint_to_office(partnership=warwickshire, member=mark, role="chair", starts_on=datetime.date(2028, 5, 1))
    assert current_office_holders(warwickshire, datetime.date(2028, 4, 30))["chair"].member == helen
    assert current_office_holders(warwickshire, datetime.date(2028, 5, 1))["chair"].member == mark
    assert "chair" not in current_office_holders(warwickshire, datetime.date(2026, 4, 30))


def test_a_past_term_of_a_former_member_can_be_corrected(warwickshire, helen):
    office = services.appoint_to_office(
        partnership=warwickshire, member=helen, role="chair", starts_on=datetime.date(2020, 5, 1)
    )
    helen.active = False
    helen.save()
    services.change_office_term(office=office, starts_on=datetime.date(2020, 5, 1), ends_on=datetime.date(2021, 4, 30))
    office.refresh_from_db()
    assert office.ends_on == datetime.date(2021, 4, 30)


def test_a_former_chair_may_join_the_body_of_a_former_vice_chair(warwickshire, helen, mark):
    services.appoint_to_office(
        partnership=warwickshire, member=helen, role="chair", starts_on=datetime.date(2020, 5, 1)
    )
    services.appoint_to_office(
        partnership=warwickshire, member=mark, role="vice_chair", starts_on=datetime.date(2020, 5, 1)
    )
    mark.nominating_body.seats = 2
    mark.nominating_body.save()
    services.update_member(member=helen, nominating_body=mark.nominating_body)
    helen.refresh_from_db()
    assert helen.nominating_body == mark.nominating_body


def test_a_former_members_term_cannot_be_stretched_into_the_future(warwickshire, helen):
    office = services.appoint_to_office(
        partnership=warwickshire,
        member=helen,
        role="chair",
        starts_on=datetime.date(2020, 5, 1),
        ends_on=datetime.date(2021, 4, 30),
    )
    helen.active = False
    helen.save()
    with pytest.raises(RuleBroken, match="is not an active member"):
        services.change_office_term(
            office=office,
            starts_on=datetime.date(2020, 5, 1),
            ends_on=datetime.date(2022, 4, 30),
            today=datetime.date(2021, 6, 1),
        )
    office.refresh_from_db()
    assert office.ends_on == datetime.date(2021, 4, 30)


@pytest.mark.parametrize(
    ("starts_on", "ends_on"), [(datetime.date(9999, 1, 1), None), (MAY_2026, datetime.date(1066, 10, 14))]
)
def test_dates_out_of_reason_are_refused_with_a_message(warwickshire, helen, starts_on, ends_on):
    with pytest.raises(RuleBroken, match="Give a date between 1900 and 2100"):
        services.appoint_to_office(
            partnership=warwickshire, member=helen, role="chair", starts_on=starts_on, ends_on=ends_on
        )
    assert not Office.objects.exists()
