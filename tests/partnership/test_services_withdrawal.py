"""A nominating body's notice of withdrawal takes effect 12 months after it is given (ToR 9)."""

import datetime

import pytest

from partnership import services
from partnership.errors import RuleBroken
from partnership.models import WithdrawalNotice


def test_notice_takes_effect_twelve_months_after_it_is_given(police):
    notice = services.give_withdrawal_notice(nominating_body=police, given_on=datetime.date(2026, 11, 25))
    assert notice.effective_on == datetime.date(2027, 11, 25)


def test_notice_given_on_29_february_takes_effect_on_28_february(police):
    notice = services.give_withdrawal_notice(nominating_body=police, given_on=datetime.date(2028, 2, 29))
    assert notice.effective_on == datetime.date(2029, 2, 28)


def test_a_longer_notice_period_is_accepted(police):
    later = datetime.date(2028, 3, 31)
    notice = services.give_withdrawal_notice(
        nominating_body=police, given_on=datetime.date(2026, 11, 25), effective_on=later
    )
    assert notice.effective_on == later


def test_a_shorter_notice_period_is_refused(police):
    with pytest.raises(RuleBroken, match=r"at least 12 months' notice \(ToR 9\).*25 November 2027") as refusal:
        services.give_withdrawal_notice(
            nominating_body=police, given_on=datetime.date(2026, 11, 25), effective_on=datetime.date(2027, 6, 1)
        )
    assert refusal.value.field == "effective_on"
    assert not WithdrawalNotice.objects.exists()


def test_the_partnerships_own_notice_period_counts(police):
    police.partnership.withdrawal_notice_months = 6
    police.partnership.save()
    notice = services.give_withdrawal_notice(nominating_body=police, given_on=datetime.date(2026, 11, 25))
    assert notice.effective_on == datetime.date(2027, 5, 25)


def test_a_second_notice_while_one_is_pending_is_refused(police):
    services.give_withdrawal_notice(nominating_body=police, given_on=datetime.date(2026, 11, 25))
    with pytest.raises(RuleBroken, match="has already given notice; it takes effect on 25 November 2027"):
        services.give_withdrawal_notice(nominating_body=police, given_on=datetime.date(2027, 1, 10))
    assert WithdrawalNotice.objects.count() == 1


def test_a_notice_in_the_year_9999_is_refused_with_a_message(police):
    with pytest.raises(RuleBroken, match="Give a date between 1900 and 2100") as refusal:
        services.give_withdrawal_notice(nominating_body=police, given_on=datetime.date(9999, 6, 1))
    assert refusal.value.field == "given_on"
    assert not WithdrawalNotice.objects.exists()
