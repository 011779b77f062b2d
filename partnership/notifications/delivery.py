"""Sending recorded notifications, each once. A worker claims a row with one conditional update
(only one claimant can win it), sends it, then marks it sent. A claim left by a worker that died
before sending is taken again after `NOTIFICATION_CLAIM_TIMEOUT` seconds; a failed send is tried
again later, and given up after `MAX_ATTEMPTS`.

The one case that could send twice is a worker killed in the instant between the mail server
accepting a message and the row being marked sent; every other fault sends late, never twice.
A message that cannot be sent for any reason (the mail server, a bad header, a bug) is put back
to wait, so one bad row never blocks the rest of the outbox."""

import datetime
import logging
from dataclasses import dataclass, field

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db.models import F, Q
from django.utils import timezone

from ..models_notifications import Notification, NotificationStatus

MAX_ATTEMPTS = 5
logger = logging.getLogger(__name__)


@dataclass
class Delivery:
    sent: list[Notification] = field(default_factory=list)
    failed: list[Notification] = field(default_factory=list)


def _claim_timeout() -> datetime.timedelta:
    return datetime.timedelta(seconds=settings.NOTIFICATION_CLAIM_TIMEOUT)


def _abandoned(now: datetime.datetime) -> Q:
    """Claimed by a worker that has not finished in time: it died."""
    return Q(status=NotificationStatus.SENDING, claimed_at__lt=now - _claim_timeout())


def claimable(now: datetime.datetime) -> Q:
    """Waiting to be sent, or abandoned by a worker with tries left."""
    return Q(status=NotificationStatus.PENDING) | (_abandoned(now) & Q(attempts__lt=MAX_ATTEMPTS))


def give_up_abandoned(now: datetime.datetime) -> int:
    """Rows whose every try died with its worker are marked as not sent, for the secretariat to see."""
    return Notification.objects.filter(_abandoned(now), attempts__gte=MAX_ATTEMPTS).update(
        status=NotificationStatus.FAILED, claimed_at=None, last_error="The worker sending it stopped on every try."
    )


def _claim(pk: int, now: datetime.datetime) -> Notification | None:
    """Claim the row if it can be claimed at `now`, stamped with `now`: a claim made late in a
    long batch is stamped with its own time, so no other worker takes it for abandoned. None
    when it cannot be claimed, or was deleted once claimed (a resident who unsubscribed)."""
    claimed = Notification.objects.filter(claimable(now), pk=pk).update(
        status=NotificationStatus.SENDING, claimed_at=now, attempts=F("attempts") + 1
    )
    if not claimed:
        return None
    return Notification.objects.select_related("partnership").filter(pk=pk).first()


def _headers(notification: Notification) -> dict[str, str]:
    """A resident's subscription can be left in one click from the mail client (RFC 8058)."""
    if not notification.unsubscribe_url:
        return {}
    return {
        "List-Unsubscribe": f"<{notification.unsubscribe_url}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    }


def _message(notification: Notification) -> EmailMultiAlternatives:
    message = EmailMultiAlternatives(
        subject=notification.subject,
        body=notification.body_text,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[notification.recipient_email],
        reply_to=[notification.partnership.secretariat_email],
        headers=_headers(notification),
    )
    message.attach_alternative(notification.body_html, "text/html")
    return message


def deliver(pk: int, *, now: datetime.datetime | None = None) -> tuple[Notification | None, bool]:
    """Send one notification if it can be claimed. Returns the row (None when another worker has
    it or it is sent) and whether it went."""
    notification = _claim(pk, now or timezone.now())
    if notification is None:
        return None, False
    try:
        _message(notification).send()
    except Exception as error:  # any failure: this row waits, the rest of the outbox goes on
        logger.warning("Notification %s not sent: %s", pk, error, exc_info=True)
        gave_up = notification.attempts >= MAX_ATTEMPTS
        status = NotificationStatus.FAILED if gave_up else NotificationStatus.PENDING
        Notification.objects.filter(pk=pk, status=NotificationStatus.SENDING).update(
            status=status, claimed_at=None, last_error=f"{type(error).__name__}: {error}"[:2000]
        )
        notification.status = status
        return notification, False
    sent_at = timezone.now()
    Notification.objects.filter(pk=pk).update(status=NotificationStatus.SENT, sent_at=sent_at, last_error="")
    notification.status, notification.sent_at = NotificationStatus.SENT, sent_at
    return notification, True


def deliver_waiting(*, now: datetime.datetime | None = None) -> Delivery:
    """Send every notification waiting, oldest first. Each is claimed at the time it is reached,
    not the time the batch began."""
    now = now or timezone.now()
    give_up_abandoned(now)
    waiting = Notification.objects.filter(claimable(now)).order_by("pk").values_list("pk", flat=True)
    result = Delivery()
    for pk in list(waiting):
        notification, went = deliver(pk, now=max(now, timezone.now()))
        if notification is None:
            continue
        (result.sent if went else result.failed).append(notification)
    return result


def waiting_exists(*, now: datetime.datetime | None = None) -> bool:
    return Notification.objects.filter(claimable(now or timezone.now())).exists()
