"""Recording notifications: the decision to tell someone is written down, in the caller's
transaction, before anything is sent. A notice already recorded under the same key is skipped,
so whoever decides again (the next sweep, a second worker) adds nothing."""

import datetime
from collections.abc import Iterable
from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone

from ..models import Person
from ..models_notifications import Notification

TEMPLATE = "partnership/email/notification"


@dataclass(frozen=True)
class Recipient:
    email: str
    name: str = ""
    person_id: int | None = None
    user_id: int | None = None
    unsubscribe_url: str = ""  # a resident's subscription: their own one-click unsubscribe link

    @property
    def key(self) -> str:
        return self.email.strip().lower()


@dataclass(frozen=True)
class Notice:
    """One thing to tell some people: what it is (`kind`), about which record (`about`), for
    which occasion (a deadline's date, the week of an overdue milestone), and the page that
    fixes it (`link`, a path on this site)."""

    partnership_id: int
    partnership_name: str
    kind: str
    about: str
    occasion: str
    recipients: tuple[Recipient, ...]
    subject: str
    paragraphs: tuple[str, ...]
    link: str
    link_text: str
    why: str = ""


def person_recipient(person: Person) -> Recipient:
    return Recipient(email=person.email, name=person.name, person_id=person.pk, user_id=person.user_id)


def user_recipient(user) -> Recipient:
    person = getattr(user, "person", None)
    return Recipient(
        email=user.email,
        name=user.get_full_name() or user.username,
        person_id=person.pk if person is not None else None,
        user_id=user.pk,
    )


def _key(notice: Notice, recipient: Recipient) -> tuple[str, str, str, str]:
    return (notice.kind, notice.about, notice.occasion, recipient.key)


def _recorded_keys(notices: list[Notice]) -> set[tuple[str, str, str, str]]:
    """Keys already in the outbox among those of `notices`: one query."""
    kinds = {notice.kind for notice in notices}
    abouts = {notice.about for notice in notices}
    rows = Notification.objects.filter(kind__in=kinds, about__in=abouts).values_list(
        "kind", "about", "occasion", "recipient_email"
    )
    return set(rows)


def render(notice: Notice, recipient: Recipient, now: datetime.datetime) -> Notification:
    link = f"{settings.SITE_URL}{notice.link}"
    context = {"notice": notice, "recipient": recipient, "link": link}
    return Notification(
        partnership_id=notice.partnership_id,
        kind=notice.kind,
        about=notice.about,
        occasion=notice.occasion,
        recipient_email=recipient.key,
        recipient_name=recipient.name,
        person_id=recipient.person_id,
        user_id=recipient.user_id,
        subject=" ".join(notice.subject.split())[:300],  # one line: a newline in a title is a bad header
        body_text=render_to_string(f"{TEMPLATE}.txt", context),
        body_html=render_to_string(f"{TEMPLATE}.html", context),
        link=link,
        unsubscribe_url=recipient.unsubscribe_url,
        created_at=now,
    )


def record(notices: Iterable[Notice], *, now: datetime.datetime | None = None) -> list[Notification]:
    """Write each notice not yet recorded, one row per recipient, and queue their sending once
    the caller's transaction commits. Returns the rows this call wrote. Three queries, whatever
    the number of notices."""
    now = now or timezone.now()
    notices = list(notices)
    if not notices:
        return []
    recorded = _recorded_keys(notices)
    new = []
    for notice in notices:
        for recipient in notice.recipients:
            key = _key(notice, recipient)
            if not recipient.key or key in recorded:
                continue
            recorded.add(key)
            new.append(render(notice, recipient, now))
    if not new:
        return []
    # A concurrent sweep may have written some of these since the read: the constraint skips them.
    Notification.objects.bulk_create(new, ignore_conflicts=True)
    transaction.on_commit(_queue_delivery)
    written = Notification.objects.filter(
        kind__in={row.kind for row in new}, about__in={row.about for row in new}, created_at=now
    )
    return sorted(written, key=lambda row: row.pk)


def _queue_delivery() -> None:
    from ..tasks import deliver_notifications  # the task module imports the delivery, not this one

    deliver_notifications.delay()
