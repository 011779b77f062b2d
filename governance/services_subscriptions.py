"""What a resident does with an email subscription to a partnership's publications, and what
the service sends them. Asking to subscribe never says whether the address was already on the
list; nothing is sent to an address until its owner confirms it by the emailed link; every
email carries the subscriber's own one-click unsubscribe link; unsubscribing deletes the row."""

import datetime
import hashlib
from collections import defaultdict
from collections.abc import Sequence

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.db.models import Exists, OuterRef, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from partnership.errors import RuleBroken
from partnership.models import Notification, Partnership
from partnership.notifications.recording import Notice, Recipient, record

from .models_publications import Publication
from .models_subscriptions import Subscription
from .selectors_subscriptions import KIND_CONFIRM, KIND_NEW_PUBLICATIONS, emails_to_resident

CONFIRM_WITHIN = datetime.timedelta(days=7)


BAD_EMAIL = gettext_lazy("Enter an email address in the correct format, like name@example.com")


def absolute_url(path: str) -> str:
    return f"{settings.SITE_URL}{path}"


def unsubscribe_url(subscription: Subscription) -> str:
    return absolute_url(reverse("publications:unsubscribe", kwargs={"token": subscription.token}))


def _clean_email(email: str) -> str:
    email = (email or "").strip().lower()
    try:
        validate_email(email)
    except ValidationError as error:
        raise RuleBroken(str(BAD_EMAIL), field="email") from error
    return email


def _about(partnership_id: int) -> str:
    return f"partnership:{partnership_id}"


def _confirmation_notice(subscription: Subscription, partnership: Partnership, now: datetime.datetime) -> Notice:
    return Notice(
        partnership_id=partnership.pk,
        partnership_name=partnership.name,
        kind=KIND_CONFIRM,
        about=_about(partnership.pk),
        occasion=timezone.localdate(now).isoformat(),  # asked again the same day: nothing more is sent
        recipients=(Recipient(email=subscription.email),),
        subject=_("Confirm your subscription to %(partnership)s") % {"partnership": partnership.name},
        paragraphs=(
            _(
                "Someone asked for emails to this address when %(partnership)s publishes an agenda, a paper, "
                "minutes, a decision or its plan."
            )
            % {"partnership": partnership.name},
            _(
                "Nothing will be sent until you confirm. If it was not you, ignore this email: the request is "
                "deleted after 7 days."
            ),
        ),
        link=reverse("publications:confirm", kwargs={"token": subscription.token}),
        link_text=_("Confirm your subscription"),
    )


@transaction.atomic
def subscribe(*, partnership: Partnership, email: str, now: datetime.datetime | None = None) -> Subscription:
    """Add the address unconfirmed and email it the confirmation link (once a day at most). An
    address already confirmed is left as it is and sent nothing."""
    now = now or timezone.now()
    email = _clean_email(email)
    subscription, created = Subscription.objects.get_or_create(
        partnership=partnership, email=email, defaults={"created_at": now}
    )
    if subscription.is_confirmed:
        return subscription
    if not created:  # asked again: the seven days to confirm start again
        Subscription.objects.filter(pk=subscription.pk).update(created_at=now)
        subscription.created_at = now
    record([_confirmation_notice(subscription, partnership, now)], now=now)
    return subscription


def _unconfirmed_expired(now: datetime.datetime):
    return Subscription.objects.filter(confirmed_at__isnull=True, created_at__lt=now - CONFIRM_WITHIN)


def subscription_for(token: str) -> Subscription | None:
    """The subscription the token is for, its partnership loaded; None for an unknown token."""
    return Subscription.objects.select_related("partnership").filter(token=token).first()


def awaiting_confirmation(token: str, *, now: datetime.datetime | None = None) -> Subscription | None:
    """The subscription the confirmation link is for, while it may still be confirmed (a
    confirmed one may be confirmed again, which changes nothing); None for an unknown token or
    a request more than seven days old."""
    now = now or timezone.now()
    subscription = subscription_for(token)
    if subscription is None or (not subscription.is_confirmed and subscription.created_at < now - CONFIRM_WITHIN):
        return None
    return subscription


@transaction.atomic
def confirm(*, subscription: Subscription, now: datetime.datetime | None = None) -> Subscription:
    """Confirm the address; confirming again keeps the first date."""
    now = now or timezone.now()
    Subscription.objects.filter(pk=subscription.pk, confirmed_at__isnull=True).update(confirmed_at=now)
    subscription.refresh_from_db(fields=["confirmed_at"])
    return subscription


@transaction.atomic
def unsubscribe(*, token: str) -> Subscription | None:
    """Delete the subscription the token is for at once, and the emails recorded for it. An
    unknown or already used token changes nothing. Returns what was deleted (its partnership
    loaded), or None."""
    subscription = subscription_for(token)
    if subscription is not None:
        emails_to_resident(partnership_id=subscription.partnership_id, email=subscription.email).delete()
        subscription.delete()
    return subscription


@transaction.atomic
def discard_unconfirmed(*, now: datetime.datetime | None = None) -> int:
    """Delete the requests nobody confirmed within seven days, and the emails that asked them
    to confirm. Returns how many requests."""
    expired = _unconfirmed_expired(now or timezone.now())
    asked = expired.filter(partnership_id=OuterRef("partnership_id"), email=OuterRef("recipient_email"))
    Notification.objects.filter(kind=KIND_CONFIRM).filter(Exists(asked)).delete()
    deleted, _by_model = expired.delete()
    return deleted


def batch_key(publications: Sequence[Publication]) -> str:
    """The same publications give the same key, so a batch sent again records nothing more."""
    keys = "\n".join(sorted(publication.key for publication in publications))
    return "batch:" + hashlib.sha256(keys.encode()).hexdigest()[:40]


def _new_publications_notice(subscription: Subscription, publications, occasion: str) -> Notice:
    partnership = subscription.partnership
    leave = unsubscribe_url(subscription)
    return Notice(
        partnership_id=partnership.pk,
        partnership_name=partnership.name,
        kind=KIND_NEW_PUBLICATIONS,
        about=_about(partnership.pk),
        occasion=occasion,
        recipients=(Recipient(email=subscription.email, unsubscribe_url=leave),),
        subject=_("New from %(partnership)s") % {"partnership": partnership.name},
        paragraphs=(
            _("%(partnership)s has published:") % {"partnership": partnership.name},
            *(f"{publication.title}\n{absolute_url(publication.path)}" for publication in publications),
        ),
        link=reverse("public:partnership", kwargs={"slug": partnership.slug}),
        link_text=_("See everything %(partnership)s publishes") % {"partnership": partnership.name},
        why=_("You get these emails because you subscribed to %(partnership)s. To stop them, unsubscribe: %(link)s")
        % {"partnership": partnership.name, "link": leave},
    )


def _untold_locked(which: Q) -> dict[int, list[Publication]]:
    """The rows of the index `which` picks whose subscribers were not told, by partnership, in
    order, locked until the transaction ends. A run that holds the lock tells them; one that
    waited for it finds them told (PostgreSQL reads the rows again after the wait; SQLite lets one
    transaction write at a time). Rows gone from the index are not found, so not told."""
    untold = (
        Publication.objects.select_for_update()
        .filter(which, subscribers_told_at__isnull=True)
        .order_by("pk")  # the order the sync locks them in too, so the two never deadlock
        .only("pk", "partnership_id", "key", "title", "path")
    )
    by_partnership: dict[int, list[Publication]] = defaultdict(list)
    for publication in untold:
        by_partnership[publication.partnership_id].append(publication)
    return by_partnership


@transaction.atomic
def _tell_untold(which: Q, now: datetime.datetime) -> list[Notification]:
    """One email to each confirmed subscriber of each partnership with untold news, listing it,
    each with its own unsubscribe link; the news is marked told, even where nobody subscribed
    (nothing is owed then). Run twice at once (the task and the sweep), it tells each resident
    once. A fixed number of queries, whatever the number of partnerships, publications and
    subscribers."""
    untold = _untold_locked(which)
    if not untold:
        return []
    subscribers = Subscription.objects.filter(partnership_id__in=untold, confirmed_at__isnull=False).select_related(
        "partnership"
    )
    occasions = {partnership_id: batch_key(news) for partnership_id, news in untold.items()}
    notices = [
        _new_publications_notice(
            subscription, untold[subscription.partnership_id], occasions[subscription.partnership_id]
        )
        for subscription in subscribers
    ]
    sent = record(notices, now=now)
    told = [publication.pk for news in untold.values() for publication in news]
    Publication.objects.filter(pk__in=told).update(subscribers_told_at=now)
    return sent


def tell_subscribers(
    *, partnership_id: int, publications: Sequence[Publication], now: datetime.datetime | None = None
) -> list[Notification]:
    """Tell the partnership's confirmed subscribers those of `publications` nobody has told them
    of yet (the task's work, once they were added to the index)."""
    ids = [publication.pk for publication in publications]
    if not ids:
        return []
    return _tell_untold(Q(partnership_id=partnership_id, pk__in=ids), now or timezone.now())


def tell_subscribers_of_untold(*, since: datetime.datetime, now: datetime.datetime | None = None) -> int:
    """Tell every partnership's subscribers what it published since `since` that nobody told them
    of: the news of a task lost with a Redis restart (the sweep's work). Returns how many emails
    were recorded."""
    now = now or timezone.now()
    return len(_tell_untold(Q(published_at__gte=since, published_at__lte=now), now))
