"""The security audit log: every sign-in, failed sign-in and refused access, kept as written.

The application only ever adds rows: saving an existing row or deleting one raises, through the
model and through querysets alike, and on PostgreSQL a trigger refuses UPDATE and DELETE too
(migration partnership 0012). Staff read it; nobody edits it."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class AuditKind(models.TextChoices):
    LOGIN = "login", _("Signed in")
    LOGIN_FAILED = "login_failed", _("Failed sign-in")
    LOCKED_OUT = "locked_out", _("Locked out after repeated failures")
    LOGOUT = "logout", _("Signed out")
    TWO_FACTOR_FAILED = "two_factor_failed", _("Wrong two-factor code")
    TWO_FACTOR_ENROLLED = "two_factor_enrolled", _("Two-factor authentication set up")
    TWO_FACTOR_REMOVED = "two_factor_removed", _("Two-factor authentication removed")
    PASSWORD_CHANGED = "password_changed", _("Password changed")
    PASSWORD_RESET_REQUESTED = "password_reset_requested", _("Password reset asked for")
    SESSION_ENDED = "session_ended", _("Session ended by its owner")
    ACCESS_REFUSED = "access_refused", _("Access refused")


class AuditLogIsAppendOnlyError(Exception):
    """Raised when code tries to change or delete what the audit log holds."""


class AuditEventQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise AuditLogIsAppendOnlyError("The audit log cannot be changed.")

    def delete(self):
        raise AuditLogIsAppendOnlyError("The audit log cannot be deleted from.")


class AuditEvent(models.Model):
    bookkeeping = True  # partnership/records_version.py: writing it changes no page
    at = models.DateTimeField(db_index=True)
    kind = models.CharField(max_length=30, choices=AuditKind.choices)
    # Who: the signed-in user if there was one, and the username as typed (for failed sign-ins).
    # Deleting an account leaves its rows as written (no constraint, nothing cascades or is
    # cleared): the log is not the application's to change.
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        related_name="+",
    )
    username = models.CharField(max_length=150, blank=True)
    # From where.
    ip_address = models.GenericIPAddressField(null=True, blank=True)
    user_agent = models.CharField(max_length=300, blank=True)
    # What: the request, and the answer it got.
    method = models.CharField(max_length=10, blank=True)
    path = models.CharField(max_length=500, blank=True)
    status_code = models.PositiveSmallIntegerField(null=True, blank=True)
    detail = models.CharField(max_length=300, blank=True)

    objects = AuditEventQuerySet.as_manager()

    class Meta:
        ordering = ["-at", "-pk"]
        indexes = [models.Index(fields=["kind", "-at"]), models.Index(fields=["user", "-at"])]

    def __str__(self):
        return f"{self.at:%Y-%m-%d %H:%M:%S} {self.get_kind_display()} {self.username or '-'}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise AuditLogIsAppendOnlyError("The audit log cannot be changed.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AuditLogIsAppendOnlyError("The audit log cannot be deleted from.")
