"""Notifications as their readers see them: a person's own, and everything a partnership sent.
Each list is read in a fixed number of queries whatever its length (the page, and the
paginator's count), with the partnership joined in."""

from django.db.models import Q, QuerySet

from partnership.models import Notification, Partnership

RECENT = 3


def addressed_to(user) -> Q:
    """A notification is someone's when it went to their login, or to their person on a register
    (a member the sweep told before they ever signed in)."""
    return Q(user_id=user.pk) | Q(person__user_id=user.pk)


def own_notifications(user) -> QuerySet[Notification]:
    """The user's notifications, newest first."""
    return Notification.objects.filter(addressed_to(user)).select_related("partnership").order_by("-created_at", "-pk")


def recent_notifications(user, count: int = RECENT) -> list[Notification]:
    """The few newest, for the person's home page: one query."""
    return list(own_notifications(user)[:count])


def sent_by(partnership: Partnership, *, status: str = "") -> QuerySet[Notification]:
    """Every notification the partnership sent or means to send, newest first; only those in
    `status` when one is given."""
    rows = Notification.objects.filter(partnership=partnership).select_related("partnership")
    if status:
        rows = rows.filter(status=status)
    return rows.order_by("-created_at", "-pk")
