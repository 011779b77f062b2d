"""Residents' email subscriptions to what a partnership publishes. An address is told nothing
until its owner confirms it by the link emailed to it; the same secret token is the one-click
unsubscribe link in every email. Unsubscribing deletes the row, and no history is kept: a
resident who leaves must leave no copy of their address behind (so, unlike the governance
records, a subscription has no HistoricalRecords)."""

import secrets

from django.db import models
from django.utils.translation import gettext_lazy as _

from partnership.models import Partnership


def new_token() -> str:
    return secrets.token_urlsafe(32)


class Subscription(models.Model):
    bookkeeping = True  # partnership/records_version.py: residents' addresses, shown on no page
    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="subscriptions")
    email = models.EmailField(_("email address"), help_text=_("Kept in lower case."))
    token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    created_at = models.DateTimeField()
    confirmed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["partnership", "email"]
        constraints = [
            models.UniqueConstraint(fields=["partnership", "email"], name="one_subscription_per_address"),
        ]
        indexes = [models.Index(fields=["partnership", "confirmed_at"], name="subscription_confirmed")]

    def __str__(self):
        return f"{self.email} to {self.partnership_id}"

    @property
    def is_confirmed(self) -> bool:
        return self.confirmed_at is not None
