"""Issue 7, a resident's email subscription, on the demo partnership: Rita asks for emails of
what Warwickshire publishes (a missing address is explained first), opens the confirmation link
from the email in the outbox and confirms it with the button, is emailed when the partnership
publishes an agenda, and unsubscribes by the link in that email. axe-core on every page."""

import pytest
from django.conf import settings
from django.utils import timezone
from playwright.sync_api import expect

from governance.demo import warwickshire as demo
from governance.models import Publication, PublicationKind, Subscription
from governance.publications.signals import publications_added
from partnership.models import Notification, Partnership
from partnership.notifications import recording
from tests.e2e.axe import assert_accessible

pytestmark = pytest.mark.e2e

RITA = "rita.resident@example.org"
AGENDA = "Agenda: Board meeting, 8 December 2026"


@pytest.fixture
def demo_partnership(db, monkeypatch, settings):
    monkeypatch.setattr(recording, "_queue_delivery", lambda: None)  # the test reads the outbox
    settings.CELERY_TASK_ALWAYS_EAGER = True  # subscribers are told by a Celery task
    assert demo.load(timezone.localdate())
    return Partnership.objects.get(slug="warwickshire-scp")


def here(live_server, link: str) -> str:
    """A link from an email, on the test's server rather than the published site."""
    assert link.startswith(settings.SITE_URL)
    return live_server.url + link[len(settings.SITE_URL) :]


def publish_an_agenda(partnership):
    now = timezone.now()
    agenda = Publication.objects.create(
        partnership=partnership,
        kind=PublicationKind.AGENDA,
        key="agenda:e2e",
        title=AGENDA,
        path=f"/p/{partnership.slug}/meetings/",
        published_at=now,
        updated_at=now,
    )
    publications_added.send(sender=Publication, partnership_id=partnership.pk, publications=[agenda])


def test_a_resident_subscribes_confirms_and_unsubscribes(page, live_server, demo_partnership):
    page.goto(f"{live_server.url}/p/warwickshire-scp/subscribe/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Get emails when something is published")
    assert_accessible(page)

    page.get_by_role("button", name="Subscribe").click()
    expect(page.get_by_role("alert")).to_contain_text("Enter your email address")
    assert_accessible(page)

    page.get_by_label("Email address").fill(RITA)
    page.get_by_role("button", name="Subscribe").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Check your email")
    expect(page.get_by_role("main")).not_to_contain_text(RITA)
    assert_accessible(page)

    confirmation = Notification.objects.get(kind="subscription_confirm", recipient_email=RITA)
    page.goto(here(live_server, confirmation.link))
    expect(page.get_by_role("heading", level=1)).to_have_text("Confirm your subscription")
    assert Subscription.objects.get(email=RITA).confirmed_at is None  # opening the link is not confirming
    assert_accessible(page)

    page.get_by_role("button", name="Confirm subscription").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Your subscription is confirmed")
    assert Subscription.objects.get(email=RITA).confirmed_at is not None
    assert_accessible(page)

    publish_an_agenda(demo_partnership)
    news = Notification.objects.get(kind="new_publications", recipient_email=RITA)
    assert AGENDA in news.body_text
    assert news.unsubscribe_url in news.body_text

    page.goto(here(live_server, news.unsubscribe_url))
    expect(page.get_by_role("heading", level=1)).to_have_text("Unsubscribe")
    assert_accessible(page)

    page.get_by_role("button", name="Unsubscribe").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("You are unsubscribed")
    assert not Subscription.objects.filter(email=RITA).exists()
    assert_accessible(page)
