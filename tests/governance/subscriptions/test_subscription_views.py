"""The resident's pages: subscribe, confirm by the emailed link, unsubscribe (by a button, or
by the mail client's one-click POST without a CSRF token). A GET never changes anything; the
pages never show who subscribes."""

import re

import pytest
from django.test import Client
from django.urls import reverse

from governance.models import Subscription
from partnership.models import Notification

from .conftest import subscription

pytestmark = pytest.mark.usefixtures("no_delivery")

CHECK_EMAIL = "Check your email"
UNSUBSCRIBED = "You are unsubscribed"


def text_of(response) -> str:
    return re.sub(r"\s+", " ", response.content.decode())


def subscribe_url(partnership):
    return reverse("publications:subscribe", kwargs={"slug": partnership.slug})


def confirm_url(token):
    return reverse("publications:confirm", kwargs={"token": token})


def unsubscribe_url(token):
    return reverse("publications:unsubscribe", kwargs={"token": token})


def test_the_subscribe_page_has_a_labelled_email_box(client, warwickshire):
    response = client.get(subscribe_url(warwickshire))

    assert response.status_code == 200
    page = text_of(response)
    assert "Get emails when something is published" in page
    assert re.search(r'<label for="id_email" class="govuk-label">\s*Email address', response.content.decode())
    assert "We will email you a link to confirm your subscription." in page
    assert 'autocomplete="email"' in page


def test_an_unknown_partnership_has_no_subscribe_page(client, db):
    assert client.get(reverse("publications:subscribe", kwargs={"slug": "nowhere"})).status_code == 404


def test_subscribing_says_check_your_email_and_sends_the_link(client, warwickshire):
    response = client.post(subscribe_url(warwickshire), {"email": "rita@example.org"})

    assert response.status_code == 200
    assert CHECK_EMAIL in text_of(response)
    made = Subscription.objects.get()
    assert made.confirmed_at is None
    assert Notification.objects.get().link.endswith(confirm_url(made.token))
    assert "rita@example.org" not in text_of(response)


def test_the_answer_is_the_same_for_an_address_already_subscribed(client, warwickshire):
    subscription(warwickshire, "rita@example.org", confirmed=True)
    fresh = client.post(subscribe_url(warwickshire), {"email": "someone.new@example.org"})
    known = client.post(subscribe_url(warwickshire), {"email": "rita@example.org"})

    assert known.status_code == fresh.status_code == 200
    assert text_of(known) == text_of(fresh)


@pytest.mark.parametrize(
    ("email", "message"),
    [
        ("rita at example", "Enter an email address in the correct format, like name@example.com"),
        ("", "Enter your email address"),
        ("a" * 250 + "@example.org", "Enter an email address in the correct format, like name@example.com"),
    ],
)
def test_a_bad_address_is_explained_and_nothing_is_saved(client, warwickshire, email, message):
    response = client.post(subscribe_url(warwickshire), {"email": email})

    assert response.status_code == 400
    page = text_of(response)
    assert "govuk-error-summary" in page
    assert message in page
    assert "<title>Error:" in page
    assert not Subscription.objects.exists()
    assert not Notification.objects.exists()


def test_following_the_confirmation_link_changes_nothing_until_the_button_is_pressed(client, warwickshire):
    made = subscription(warwickshire, "rita@example.org", confirmed=False)

    response = client.get(confirm_url(made.token))

    assert response.status_code == 200
    assert "Confirm subscription" in text_of(response)
    made.refresh_from_db()
    assert made.confirmed_at is None


def test_pressing_confirm_confirms_and_pressing_it_again_changes_nothing(client, warwickshire):
    made = subscription(warwickshire, "rita@example.org", confirmed=False)

    response = client.post(confirm_url(made.token), follow=True)

    assert response.status_code == 200
    assert "Your subscription is confirmed" in text_of(response)
    made.refresh_from_db()
    confirmed_at = made.confirmed_at
    assert confirmed_at is not None

    again = client.post(confirm_url(made.token), follow=True)
    assert "Your subscription is confirmed" in text_of(again)
    made.refresh_from_db()
    assert made.confirmed_at == confirmed_at


def test_confirming_needs_the_form_token(warwickshire):
    made = subscription(warwickshire, "rita@example.org", confirmed=False)

    response = Client(enforce_csrf_checks=True).post(confirm_url(made.token))

    assert response.status_code == 403
    made.refresh_from_db()
    assert made.confirmed_at is None


def test_an_unknown_confirmation_link_is_not_found(client, db):
    assert client.get(confirm_url("no-such-token")).status_code == 404
    assert client.post(confirm_url("no-such-token")).status_code == 404


def test_the_unsubscribe_link_asks_before_deleting(client, warwickshire):
    made = subscription(warwickshire, "rita@example.org")

    response = client.get(unsubscribe_url(made.token))

    assert response.status_code == 200
    page = text_of(response)
    assert "If you unsubscribe, you will get no more emails from Warwickshire Safer Communities Partnership" in page
    assert Subscription.objects.filter(pk=made.pk).exists()


def test_the_one_click_post_of_a_mail_client_unsubscribes_without_a_form_token(warwickshire):
    made = subscription(warwickshire, "rita@example.org")

    response = Client(enforce_csrf_checks=True).post(unsubscribe_url(made.token), {"List-Unsubscribe": "One-Click"})

    assert response.status_code == 200
    assert UNSUBSCRIBED in text_of(response)
    assert not Subscription.objects.exists()


@pytest.mark.parametrize("method", ["get", "post"])
def test_an_unknown_or_used_unsubscribe_link_says_unsubscribed_and_changes_nothing(client, warwickshire, method):
    kept = subscription(warwickshire, "sam@example.org")

    response = getattr(client, method)(unsubscribe_url("no-such-token"))

    assert response.status_code == 200
    assert UNSUBSCRIBED in text_of(response)
    assert list(Subscription.objects.all()) == [kept]


def test_no_page_shows_a_subscriber_address(client, warwickshire):
    made = subscription(warwickshire, "rita@example.org")
    pages = [
        client.get(subscribe_url(warwickshire)),
        client.get(confirm_url(made.token)),
        client.get(unsubscribe_url(made.token)),
    ]

    for response in pages:
        assert "rita@example.org" not in response.content.decode()


@pytest.mark.parametrize("volume", [5, 200])
def test_the_pages_take_a_fixed_number_of_queries(client, warwickshire, django_assert_max_num_queries, volume):
    for number in range(volume):
        subscription(warwickshire, f"resident{number}@example.org", confirmed=number % 2 == 0)
    pending = subscription(warwickshire, "rita@example.org", confirmed=False)
    confirmed = subscription(warwickshire, "sam@example.org")

    with django_assert_max_num_queries(2):
        client.get(subscribe_url(warwickshire))
    with django_assert_max_num_queries(8):
        client.post(subscribe_url(warwickshire), {"email": "resident1@example.org"})
    with django_assert_max_num_queries(2):
        client.get(confirm_url(pending.token))
    with django_assert_max_num_queries(5):
        client.post(confirm_url(pending.token))
    with django_assert_max_num_queries(2):
        client.get(unsubscribe_url(confirmed.token))
    with django_assert_max_num_queries(6):
        client.post(unsubscribe_url(confirmed.token))
