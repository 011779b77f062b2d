"""A resident who unsubscribes leaves no copy of their address: the emails recorded for their
subscription to that partnership go with it. A request nobody confirmed within seven days is
discarded with its confirmation emails. Nothing else is touched: the same address's
subscription to another partnership, and every other email, stay."""

import datetime

import pytest
from django.utils import timezone

from governance import services_subscriptions as subscriptions
from governance.models import Subscription
from partnership.models import Notification
from tests.governance.portal.portal_support import notification

from .conftest import publication

pytestmark = pytest.mark.usefixtures("no_delivery")
RITA = "rita@example.org"


def confirmed(partnership, email, *, now=None):
    made = subscriptions.subscribe(partnership=partnership, email=email, now=now)
    return subscriptions.confirm(subscription=made, now=now)


def test_unsubscribing_deletes_the_emails_recorded_for_that_subscription(warwickshire, other_partnership, member):
    rita = confirmed(warwickshire, RITA)
    confirmed(other_partnership, RITA)
    confirmed(warwickshire, "sam@example.org")
    subscriptions.tell_subscribers(
        partnership_id=warwickshire.pk, publications=[publication(warwickshire, "agenda:1", "Board agenda")]
    )
    kept = notification(warwickshire, user=member, subject="Agenda due")
    assert Notification.objects.filter(partnership=warwickshire, recipient_email=RITA).count() == 2

    subscriptions.unsubscribe(token=rita.token)

    assert not Notification.objects.filter(partnership=warwickshire, recipient_email=RITA).exists()
    assert Notification.objects.filter(partnership=other_partnership, recipient_email=RITA).count() == 1
    assert Notification.objects.filter(partnership=warwickshire, recipient_email="sam@example.org").count() == 2
    assert Notification.objects.filter(pk=kept.pk).exists()


def test_an_unknown_token_deletes_no_email(warwickshire):
    confirmed(warwickshire, RITA)

    assert subscriptions.unsubscribe(token="no-such-token") is None

    assert Notification.objects.filter(recipient_email=RITA).count() == 1


def test_a_request_discarded_after_seven_days_takes_its_confirmation_emails(warwickshire, other_partnership):
    long_ago = timezone.now() - datetime.timedelta(days=8)
    subscriptions.subscribe(partnership=warwickshire, email=RITA, now=long_ago)
    subscriptions.subscribe(partnership=warwickshire, email="fresh@example.org")
    confirmed(other_partnership, RITA, now=long_ago)

    assert subscriptions.discard_unconfirmed() == 1

    assert not Subscription.objects.filter(partnership=warwickshire, email=RITA).exists()
    assert not Notification.objects.filter(partnership=warwickshire, recipient_email=RITA).exists()
    assert Notification.objects.filter(recipient_email="fresh@example.org").count() == 1
    assert Notification.objects.filter(partnership=other_partnership, recipient_email=RITA).count() == 1
