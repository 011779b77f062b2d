"""The rules of a resident's subscription: asked for, confirmed by the emailed link, told of new
publications once per batch with their own unsubscribe link, and deleted on unsubscribing."""

import datetime
from unittest import mock

import pytest
from django.conf import settings
from django.utils import timezone

from governance import services_subscriptions as subscriptions
from governance.models import Subscription
from partnership.errors import RuleBroken
from partnership.models import Notification

from .conftest import publication, subscription

pytestmark = pytest.mark.usefixtures("no_delivery")


def test_subscribing_records_an_unconfirmed_subscription_and_emails_the_confirmation_link(warwickshire):
    made = subscriptions.subscribe(partnership=warwickshire, email="  Rita.Resident@Example.org ")

    assert made.email == "rita.resident@example.org"
    assert made.confirmed_at is None
    assert len(made.token) >= 40
    email = Notification.objects.get()
    assert (email.kind, email.about, email.occasion) == (
        "subscription_confirm",
        f"partnership:{warwickshire.pk}",
        "2026-11-25",
    )
    assert email.recipient_email == "rita.resident@example.org"
    assert email.link == f"{settings.SITE_URL}/subscriptions/{made.token}/confirm/"
    assert email.subject == "Confirm your subscription to Warwickshire Safer Communities Partnership"
    assert email.link in email.body_text
    assert email.unsubscribe_url == ""


def test_a_malformed_address_is_refused_and_nothing_is_saved(warwickshire):
    with pytest.raises(RuleBroken, match="Enter an email address in the correct format, like name@example.com"):
        subscriptions.subscribe(partnership=warwickshire, email="rita at example")

    assert not Subscription.objects.exists()
    assert not Notification.objects.exists()


def test_asking_again_the_same_day_sends_nothing_more(warwickshire):
    first = subscriptions.subscribe(partnership=warwickshire, email="rita@example.org")
    again = subscriptions.subscribe(partnership=warwickshire, email="RITA@example.org")

    assert again.pk == first.pk
    assert again.token == first.token
    assert Notification.objects.count() == 1


def test_asking_again_the_next_day_sends_the_same_link_again(warwickshire):
    first = subscriptions.subscribe(partnership=warwickshire, email="rita@example.org")
    subscriptions.subscribe(
        partnership=warwickshire, email="rita@example.org", now=timezone.now() + datetime.timedelta(days=1)
    )

    links = set(Notification.objects.values_list("link", flat=True))
    assert Notification.objects.count() == 2
    assert links == {f"{settings.SITE_URL}/subscriptions/{first.token}/confirm/"}


def test_an_address_already_confirmed_is_sent_nothing(warwickshire):
    subscription(warwickshire, "rita@example.org", confirmed=True)

    subscriptions.subscribe(partnership=warwickshire, email="rita@example.org")

    assert not Notification.objects.exists()
    assert Subscription.objects.get().confirmed_at is not None


def test_the_same_address_may_subscribe_to_two_partnerships(warwickshire, other_partnership):
    one = subscriptions.subscribe(partnership=warwickshire, email="rita@example.org")
    two = subscriptions.subscribe(partnership=other_partnership, email="rita@example.org")

    assert one.token != two.token
    assert Notification.objects.count() == 2


def test_confirming_twice_keeps_the_first_date(warwickshire):
    made = subscription(warwickshire, "rita@example.org", confirmed=False)
    first = subscriptions.confirm(subscription=made).confirmed_at

    again = subscriptions.confirm(subscription=made, now=timezone.now() + datetime.timedelta(hours=3))

    assert first is not None
    assert again.confirmed_at == first


def test_a_request_older_than_seven_days_can_no_longer_be_confirmed(warwickshire):
    old = subscription(warwickshire, "old@example.org", confirmed=False, age=datetime.timedelta(days=7, minutes=1))
    fresh = subscription(warwickshire, "fresh@example.org", confirmed=False, age=datetime.timedelta(days=6))

    assert subscriptions.awaiting_confirmation(old.token) is None
    assert subscriptions.awaiting_confirmation(fresh.token) == fresh
    assert subscriptions.awaiting_confirmation("no-such-token") is None


def test_unconfirmed_requests_older_than_seven_days_are_discarded(warwickshire):
    subscription(warwickshire, "old@example.org", confirmed=False, age=datetime.timedelta(days=8))
    subscription(warwickshire, "fresh@example.org", confirmed=False, age=datetime.timedelta(days=6))
    subscription(warwickshire, "loyal@example.org", confirmed=True, age=datetime.timedelta(days=400))

    assert subscriptions.discard_unconfirmed() == 1

    assert set(Subscription.objects.values_list("email", flat=True)) == {"fresh@example.org", "loyal@example.org"}


def test_the_discarding_task_is_on_the_schedule():
    from governance.schedule import SCHEDULE
    from governance.tasks import discard_unconfirmed_subscriptions

    assert "governance.tasks.discard_unconfirmed_subscriptions" in {entry.task for entry in SCHEDULE}
    assert discard_unconfirmed_subscriptions.name == "governance.tasks.discard_unconfirmed_subscriptions"


def test_unsubscribing_deletes_the_subscription_and_an_unknown_token_changes_nothing(warwickshire):
    gone = subscription(warwickshire, "rita@example.org")
    kept = subscription(warwickshire, "sam@example.org")

    assert subscriptions.unsubscribe(token=gone.token).email == "rita@example.org"
    assert subscriptions.unsubscribe(token=gone.token) is None
    assert subscriptions.unsubscribe(token="no-such-token") is None

    assert list(Subscription.objects.all()) == [kept]


def test_each_confirmed_subscriber_gets_one_email_listing_what_is_new(warwickshire, other_partnership):
    rita = subscription(warwickshire, "rita@example.org")
    sam = subscription(warwickshire, "sam@example.org")
    subscription(warwickshire, "unconfirmed@example.org", confirmed=False)
    subscription(other_partnership, "rugby@example.org")
    batch = [
        publication(warwickshire, "agenda:1", "Agenda: Board meeting, 8 December 2026"),
        publication(warwickshire, "paper:2", "Paper: Serious violence duty"),
    ]

    sent = subscriptions.tell_subscribers(partnership_id=warwickshire.pk, publications=batch)

    assert {email.recipient_email for email in sent} == {"rita@example.org", "sam@example.org"}
    for email, subscribed in zip(sorted(sent, key=lambda row: row.recipient_email), (rita, sam), strict=True):
        leave = f"{settings.SITE_URL}/subscriptions/{subscribed.token}/unsubscribe/"
        assert (email.kind, email.about) == ("new_publications", f"partnership:{warwickshire.pk}")
        assert email.unsubscribe_url == leave
        assert leave in email.body_text
        assert f'<a href="{leave}"' in email.body_html, "the HTML email's unsubscribe link is a link"
        assert f'<a href="{settings.SITE_URL}/p/warwickshire-scp/meetings/1/#paper-2"' in email.body_html
        assert "Agenda: Board meeting, 8 December 2026" in email.body_text
        assert f"{settings.SITE_URL}/p/warwickshire-scp/meetings/1/#paper-2" in email.body_text
        assert email.subject == "New from Warwickshire Safer Communities Partnership"


def test_a_batch_sent_again_adds_nothing(warwickshire):
    subscription(warwickshire, "rita@example.org")
    batch = [publication(warwickshire, "agenda:1", "Agenda"), publication(warwickshire, "paper:2", "Paper")]
    subscriptions.tell_subscribers(partnership_id=warwickshire.pk, publications=batch)

    again = subscriptions.tell_subscribers(partnership_id=warwickshire.pk, publications=list(reversed(batch)))

    assert again == []
    assert Notification.objects.count() == 1
    later = [publication(warwickshire, "minutes:3", "Minutes")]
    assert len(subscriptions.tell_subscribers(partnership_id=warwickshire.pk, publications=later)) == 1


def test_nothing_is_sent_to_an_address_that_unsubscribed(warwickshire):
    rita = subscription(warwickshire, "rita@example.org")
    subscriptions.unsubscribe(token=rita.token)

    sent = subscriptions.tell_subscribers(
        partnership_id=warwickshire.pk, publications=[publication(warwickshire, "agenda:1", "Agenda")]
    )

    assert sent == []
    assert not Notification.objects.exists()


def test_the_signal_tells_subscribers(warwickshire, settings):
    from governance.publications.signals import publications_added

    settings.CELERY_TASK_ALWAYS_EAGER = True  # subscribers are told by a Celery task
    subscription(warwickshire, "rita@example.org")
    new = [publication(warwickshire, "agenda:1", "Agenda: Board meeting")]

    publications_added.send(sender=None, partnership_id=warwickshire.pk, publications=new)

    assert Notification.objects.get().kind == "new_publications"


def test_the_receiver_only_enqueues_the_task_that_tells_subscribers(warwickshire):
    from governance import tasks
    from governance.publications.signals import publications_added

    subscription(warwickshire, "rita@example.org")
    new = [publication(warwickshire, "agenda:1", "Agenda"), publication(warwickshire, "paper:2", "Paper")]

    with mock.patch.object(tasks.tell_subscribers_of_publications, "delay") as delay:
        publications_added.send(sender=None, partnership_id=warwickshire.pk, publications=new)

    delay.assert_called_once_with(warwickshire.pk, [row.pk for row in new])
    assert not Notification.objects.exists()  # not told in the process that indexed them
    assert tasks.tell_subscribers_of_publications.acks_late


def test_a_queue_out_of_reach_is_logged_and_does_not_fail_the_sync(warwickshire, caplog):
    from governance import tasks
    from governance.publications.signals import publications_added

    new = [publication(warwickshire, "agenda:1", "Agenda")]

    with mock.patch.object(tasks.tell_subscribers_of_publications, "delay", side_effect=OSError("no broker")):
        publications_added.send(sender=None, partnership_id=warwickshire.pk, publications=new)

    assert "Could not enqueue" in caplog.text


def test_the_task_run_again_tells_each_subscriber_once(warwickshire):
    from governance.tasks import tell_subscribers_of_publications

    subscription(warwickshire, "rita@example.org")
    new = [publication(warwickshire, "agenda:1", "Agenda"), publication(warwickshire, "paper:2", "Paper")]
    ids = [row.pk for row in new]

    assert tell_subscribers_of_publications(warwickshire.pk, ids) == 1
    assert tell_subscribers_of_publications(warwickshire.pk, ids) == 0
    email = Notification.objects.get()
    assert "Agenda" in email.body_text
    assert "Paper" in email.body_text


def test_the_task_tells_nothing_of_rows_another_partnership_owns_or_gone_since(warwickshire):
    from governance.tasks import tell_subscribers_of_publications
    from tests.factories import PartnershipFactory

    subscription(warwickshire, "rita@example.org")
    elsewhere = publication(PartnershipFactory(), "agenda:9", "Somebody else's agenda")

    assert tell_subscribers_of_publications(warwickshire.pk, [elsewhere.pk, 123456]) == 0
    assert not Notification.objects.exists()


@pytest.mark.parametrize("subscribers", [5, 50])
def test_telling_subscribers_takes_a_fixed_number_of_queries(warwickshire, django_assert_max_num_queries, subscribers):
    for number in range(subscribers):
        subscription(warwickshire, f"resident{number}@example.org")
    batch = [publication(warwickshire, f"paper:{number}", f"Paper {number}") for number in range(20)]

    with django_assert_max_num_queries(8):  # with locking the untold rows and marking them told
        sent = subscriptions.tell_subscribers(partnership_id=warwickshire.pk, publications=batch)

    assert len(sent) == subscribers
