"""Residents' subscriptions: a subscription in each state, and publications to tell them of."""

import datetime

import pytest
from django.utils import timezone

from governance.models import Publication, PublicationKind, Subscription


def subscription(partnership, email, *, confirmed=True, age=datetime.timedelta(0)) -> Subscription:
    now = timezone.now()
    return Subscription.objects.create(
        partnership=partnership,
        email=email,
        created_at=now - age,
        confirmed_at=now - age if confirmed else None,
    )


def publication(partnership, key, title, *, path=None, age=datetime.timedelta(0)) -> Publication:
    """A row of the index published `age` ago, its subscribers not told yet."""
    now = timezone.now()
    return Publication.objects.create(
        partnership=partnership,
        kind=PublicationKind.AGENDA,
        key=key,
        title=title,
        path=path or f"/p/{partnership.slug}/meetings/1/#{key.replace(':', '-')}",
        published_at=now - age,
        updated_at=now - age,
    )


@pytest.fixture
def no_delivery(monkeypatch):
    """The outbox is read by the test; no worker is asked to send it."""
    from partnership.notifications import recording

    monkeypatch.setattr(recording, "_queue_delivery", lambda: None)
