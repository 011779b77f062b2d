"""Notifications a partnership sent, as the secretariat sees them (a person's own are read in
partnership/notifications/selectors.py): a fixed number of queries whatever the number (the page,
and the paginator's count), with the partnership joined in. The emails sent to residents who
subscribed are never among them: the secretariat knows how many subscribe, never who
(governance/selectors_subscriptions.py)."""

from django.db.models import QuerySet

from partnership.models import Notification, Partnership

from .selectors_subscriptions import to_members_only


def sent_by(partnership: Partnership, *, status: str = "") -> QuerySet[Notification]:
    """Every notification the partnership sent or means to send to its members and officers,
    newest first; only those in `status` when one is given."""
    rows = to_members_only(Notification.objects.filter(partnership=partnership)).select_related("partnership")
    if status:
        rows = rows.filter(status=status)
    return rows.order_by("-created_at", "-pk")
