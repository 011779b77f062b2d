"""The secretariat sees how many residents confirmed a subscription, on the partnership's
notifications page; the count, never the addresses (the unconfirmed are not counted)."""

import pytest
from django.urls import reverse

from tests.helpers import signed_in

from .conftest import subscription


def notifications_url(partnership):
    return reverse("governance:partnership-notifications", kwargs={"slug": partnership.slug})


def test_the_secretariat_sees_the_number_of_confirmed_subscribers(client, warwickshire, other_partnership, secretariat):
    subscription(warwickshire, "rita@example.org")
    subscription(warwickshire, "sam@example.org")
    subscription(warwickshire, "pending@example.org", confirmed=False)
    subscription(other_partnership, "rugby@example.org")
    signed_in(client, secretariat)

    response = client.get(notifications_url(warwickshire))

    page = " ".join(response.content.decode().split())
    assert "2 residents have subscribed to emails of what the partnership publishes." in page
    assert "rita@example.org" not in page


def test_one_subscriber_is_counted_in_the_singular(client, warwickshire, secretariat):
    subscription(warwickshire, "rita@example.org")
    signed_in(client, secretariat)

    response = client.get(notifications_url(warwickshire))

    assert "1 resident has subscribed" in " ".join(response.content.decode().split())


@pytest.mark.parametrize("subscribers", [3, 300])
def test_counting_does_not_grow_with_the_subscribers(
    client, warwickshire, secretariat, django_assert_max_num_queries, subscribers
):
    for number in range(subscribers):
        subscription(warwickshire, f"resident{number}@example.org")
    signed_in(client, secretariat)

    with django_assert_max_num_queries(7):
        response = client.get(notifications_url(warwickshire))

    assert f"{subscribers} residents have subscribed" in " ".join(response.content.decode().split())
