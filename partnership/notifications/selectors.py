"""Whose a notification is: read by the person's home page here and by governance's pages."""

from django.db.models import Q, QuerySet

from ..models_notifications import Notification

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
