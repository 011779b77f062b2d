"""The account holder is told by email whenever their password or their second factor changes,
with when and from where, so that someone who did not make the change finds out at once and can
reset the password (a security officer's first question of a sign-in system). Told from what the
audit log records, so every way of making such a change tells them: the account's own pages, a
reset link, and staff in the admin (partnership/admin.py records theirs; the admin's own
password page is the account's). Sent after the change commits; a mail server that does not
answer (EMAIL_TIMEOUT) is logged and the change stands."""

import logging

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.db.models.signals import post_save
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ..models_audit import AuditEvent, AuditKind
from ..models_sessions import browser_in_words

logger = logging.getLogger(__name__)

NOTICES = {  # what the audit log records -> the email's subject
    AuditKind.PASSWORD_CHANGED: _("Your password was changed"),
    AuditKind.TWO_FACTOR_ENROLLED: _("Two-factor authentication was set up on your account"),
    AuditKind.TWO_FACTOR_REMOVED: _("Two-factor authentication was removed from your account"),
}


def security_notice(event: AuditEvent) -> tuple[str, str]:
    """The subject and text of the email telling `event`'s account holder what happened."""
    subject = f"{settings.SITE_NAME}: {NOTICES[event.kind]}"
    text = render_to_string(
        "accounts/email/security_notice.txt",
        {
            "event": event,
            # The browser by name only: the user agent's own words are whatever its sender chose.
            "browser": browser_in_words(event.user_agent),
            "what": NOTICES[event.kind],
            "at": timezone.localtime(event.at),
            "service_name": settings.SITE_NAME,
            "site_url": settings.SITE_URL,
        },
    )
    return subject, text


def _send(event: AuditEvent) -> None:
    subject, text = security_notice(event)
    try:
        send_mail(subject, text, settings.DEFAULT_FROM_EMAIL, [event.user.email])
    except Exception:  # each email backend raises its own errors
        logger.exception("Could not email %s about their account's security (%s)", event.user_id, event.kind)


def _tell_account_holder(sender, instance: AuditEvent, created: bool, **kwargs) -> None:
    if created and instance.kind in NOTICES and instance.user is not None and instance.user.email:
        transaction.on_commit(lambda: _send(instance))


def connect() -> None:
    post_save.connect(_tell_account_holder, sender=AuditEvent, dispatch_uid="partnership.accounts.security_notices")
