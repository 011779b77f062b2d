"""A member's private iCalendar feed: one secret address per login, replaced on request (the
old address then stops working). The key is the only credential a calendar server holds."""

import secrets

from django.conf import settings
from django.db import models


def new_feed_key() -> str:
    return secrets.token_urlsafe(32)


class CalendarFeed(models.Model):
    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="calendar_feed")
    key = models.CharField(max_length=64, unique=True, default=new_feed_key)
    created_at = models.DateTimeField()

    def __str__(self):
        return f"Calendar feed of {self.user}"
