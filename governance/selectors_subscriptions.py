"""What the secretariat may know of its residents' subscriptions: how many, never who."""

from partnership.models import Partnership

from .models_subscriptions import Subscription


def confirmed_subscriber_count(partnership: Partnership) -> int:
    """One query."""
    return Subscription.objects.filter(partnership=partnership, confirmed_at__isnull=False).count()
