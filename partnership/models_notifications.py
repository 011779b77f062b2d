"""The outbox: every email the application decides to send, kept so it is sent exactly once.

A notification's key is what it is about, which occasion (the deadline, the week of an overdue
milestone) and to whom. The row is written in the same transaction that decides to send it; a
unique constraint on the key makes "sent once" a fact of the database, so a sweep run twice, or
by two workers at once, records nothing twice. A worker then claims the row, sends it, and marks
it sent."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .models import Partnership, Person


class NotificationStatus(models.TextChoices):
    PENDING = "pending", _("Waiting to be sent")
    SENDING = "sending", _("Being sent")
    SENT = "sent", _("Sent")
    FAILED = "failed", _("Could not be sent")


class Notification(models.Model):
    bookkeeping = True  # partnership/records_version.py: the outbox changes no page
    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="notifications")
    kind = models.CharField(max_length=60, help_text="What rule or event it is about, e.g. agenda_due_soon.")
    about = models.CharField(max_length=120, help_text="The record it is about, e.g. meeting:12.")
    occasion = models.CharField(max_length=60, help_text="Which deadline or repeat, e.g. 2026-12-01.")
    recipient_email = models.EmailField(help_text="Kept in lower case: part of the key.")
    recipient_name = models.CharField(max_length=200, blank=True)
    person = models.ForeignKey(Person, null=True, blank=True, on_delete=models.SET_NULL, related_name="notifications")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="notifications"
    )
    subject = models.CharField(max_length=300)
    body_text = models.TextField()
    body_html = models.TextField()
    link = models.URLField(max_length=500, help_text="The page that fixes the problem.")
    unsubscribe_url = models.URLField(
        max_length=500,
        blank=True,
        help_text="For a resident's subscription: the one-click unsubscribe link (RFC 8058) sent in its headers.",
    )
    status = models.CharField(max_length=10, choices=NotificationStatus.choices, default=NotificationStatus.PENDING)
    created_at = models.DateTimeField()
    claimed_at = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    last_error = models.TextField(blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "about", "occasion", "recipient_email"], name="notification_sent_once"
            ),
        ]
        indexes = [models.Index(fields=["status", "claimed_at"], name="notification_outbox")]

    def __str__(self):
        return f"{self.subject} to {self.recipient_email}"
