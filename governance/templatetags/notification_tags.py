"""Notifications in the browser: a notification's state in words."""

from django import template
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from partnership.models import Notification, NotificationStatus

register = template.Library()


def _when(moment) -> str:
    """2 December 2026 at 8:05am, in the partnership's time."""
    local = timezone.localtime(moment)
    noon = pgettext("before noon", "am") if local.hour < 12 else pgettext("after noon", "pm")
    return _("%(date)s at %(time)s") % {"date": date_format(local, "j F Y"), "time": date_format(local, "g:i") + noon}


@register.filter
def status_in_words(notification: Notification) -> str:
    """What happened to the email, as its reader would say it. A failed attempt goes back to
    waiting, with its error kept, until delivery gives up: that is "we will try again"."""
    if notification.status == NotificationStatus.SENT and notification.sent_at:
        return _("Sent %(when)s") % {"when": _when(notification.sent_at)}
    if notification.status == NotificationStatus.FAILED:
        return _("Could not be sent")
    if notification.status == NotificationStatus.PENDING and notification.attempts:
        return _("Could not be sent: we will try again")
    return notification.get_status_display()
