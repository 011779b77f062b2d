"""The secretariat sees how many residents confirmed a subscription, on the partnership's
notifications page; the count, never the addresses (the unconfirmed are not counted). The
residents subscribe through the service, so the emails sent to them are in the outbox: neither
the page, nor its list of what could not be sent, nor the portal's count of it shows them."""

import pytest
from django.urls import reverse
from django.utils import timezone

from governance import services_subscriptions as subscriptions
from partnership.models import Notification, NotificationStatus
from tests.governance.portal.portal_support import notification
from tests.helpers import signed_in

from .conftest import publication, subscription

pytestmark = pytest.mark.usefixtures("no_delivery")


def notifications_url(partnership, query=""):
    return reverse("governance:partnership-notifications", kwargs={"slug": partnership.slug}) + query


def subscribed(partnership, email, *, confirmed=True):
    made = subscriptions.subscribe(partnership=partnership, email=email)
    if confirmed:
        subscriptions.confirm(subscription=made)
    return made


def page_of(client, url) -> str:
    response = client.get(url)
    assert response.status_code == 200
    return " ".join(response.content.decode().split())


def test_the_secretariat_sees_the_number_of_confirmed_subscribers_never_who(
    client, warwickshire, other_partnership, secretariat
):
    subscribed(warwickshire, "rita@example.org")
    subscribed(warwickshire, "sam@example.org")
    subscribed(warwickshire, "pending@example.org", confirmed=False)
    subscribed(other_partnership, "rugby@example.org")
    subscriptions.tell_subscribers(
        partnership_id=warwickshire.pk, publications=[publication(warwickshire, "agenda:1", "Board agenda")]
    )
    assert Notification.objects.filter(recipient_email="rita@example.org").count() == 2  # confirm, then news
    signed_in(client, secretariat)

    page = page_of(client, notifications_url(warwickshire))

    assert "2 residents have subscribed to emails of what the partnership publishes." in page
    for address in ("rita@example.org", "sam@example.org", "pending@example.org"):
        assert address not in page
    assert "Confirm your subscription" not in page
    assert "New from" not in page
    assert "The partnership has not sent any notifications yet." in page
    assert "The emails sent to them are not listed here, so that their addresses stay private." in page


def test_a_subscriber_email_that_could_not_be_sent_is_not_listed_nor_counted_as_failed(
    client, warwickshire, secretariat
):
    subscribed(warwickshire, "rita@example.org", confirmed=False)
    Notification.objects.update(
        status=NotificationStatus.FAILED, last_error="550 5.1.1 <rita@example.org>: Recipient address rejected"
    )
    notification(warwickshire, status=NotificationStatus.FAILED, subject="Agenda due")
    signed_in(client, secretariat)

    failed = page_of(client, notifications_url(warwickshire, "?status=failed"))
    home = page_of(client, reverse("governance:home"))

    assert "rita@example.org" not in failed
    assert "1 notification: could not be sent" in failed
    assert "Agenda due" in failed
    assert "Look into notifications that could not be sent: 1 could not be sent" in home


def test_the_site_administrators_list_shows_no_subscriber_address(client, staff, warwickshire, member):
    subscribed(warwickshire, "rita@example.org")
    notification(warwickshire, user=member, subject="Milestone due: Publish the plan")
    client.force_login(staff)

    listing = client.get(reverse("admin:partnership_notification_changelist"))
    searched = client.get(reverse("admin:partnership_notification_changelist"), {"q": "rita"})
    confirmation = Notification.objects.get(recipient_email="rita@example.org")
    detail = client.get(reverse("admin:partnership_notification_change", args=[confirmation.pk]))

    assert listing.status_code == 200
    assert "Milestone due: Publish the plan" in listing.content.decode()
    assert "rita@example.org" not in listing.content.decode()
    assert "rita@example.org" not in searched.content.decode()
    assert "Confirm your subscription" not in listing.content.decode()
    assert "rita@example.org" not in detail.content.decode()


def test_one_subscriber_is_counted_in_the_singular(client, warwickshire, secretariat):
    subscribed(warwickshire, "rita@example.org")
    signed_in(client, secretariat)

    assert "1 resident has subscribed" in page_of(client, notifications_url(warwickshire))


@pytest.mark.parametrize("subscribers", [3, 300])
def test_counting_does_not_grow_with_the_subscribers(
    client, warwickshire, secretariat, django_assert_max_num_queries, subscribers
):
    for number in range(subscribers):
        subscription(warwickshire, f"resident{number}@example.org")
    subscriptions.tell_subscribers(
        partnership_id=warwickshire.pk,
        publications=[publication(warwickshire, "agenda:1", "Board agenda")],
        now=timezone.now(),
    )
    signed_in(client, secretariat)

    with django_assert_max_num_queries(7):
        response = client.get(notifications_url(warwickshire))

    assert f"{subscribers} residents have subscribed" in " ".join(response.content.decode().split())
