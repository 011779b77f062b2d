"""What the secretariat may know of its residents' subscriptions: how many, never who. The
emails sent to residents (asking them to confirm, telling them what is new) carry their address,
so no page or list of the secretariat's shows them: `to_members_only` leaves them out."""

from django.db.models import QuerySet

from partnership.models import Notification, Partnership

from .models_subscriptions import Subscription

KIND_CONFIRM = "subscription_confirm"
KIND_NEW_PUBLICATIONS = "new_publications"
# Every kind of email sent to a resident's address rather than to a member or officer.
RESIDENT_KINDS = (KIND_CONFIRM, KIND_NEW_PUBLICATIONS)


def confirmed_subscriber_count(partnership: Partnership) -> int:
    """One query."""
    return Subscription.objects.filter(partnership=partnership, confirmed_at__isnull=False).count()


def to_members_only(notifications: QuerySet[Notification]) -> QuerySet[Notification]:
    """The notifications, without those sent to residents who subscribed."""
    return notifications.exclude(kind__in=RESIDENT_KINDS)


def emails_to_resident(*, partnership_id: int, email: str) -> QuerySet[Notification]:
    """The emails recorded for one resident's subscription to one partnership."""
    return Notification.objects.filter(partnership_id=partnership_id, recipient_email=email, kind__in=RESIDENT_KINDS)
