"""Notifications in the browser (issue 6): a person reads the emails the service sent them, each
with its link to the page that fixes the problem; the secretariat sees every notification the
partnership sent, and which could not be sent."""

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.views.decorators.http import require_GET

from partnership.models import Notification, NotificationStatus
from partnership.notifications.selectors import own_notifications
from partnership.views.pagination import paginate

from ..access import get_own_notification, get_partnership_for_notifications
from ..forms_notifications import NotificationStatusForm
from ..selectors_notifications import sent_by
from ..selectors_subscriptions import confirmed_subscriber_count

PER_PAGE = 25
SAFE_SCHEMES = ("https://", "http://")


def _page(request, rows) -> dict:
    return paginate(request, rows, PER_PAGE)


def link_here(notification: Notification) -> str | None:
    """The "fix it" link, as a path on this site when it is one: the email carries the address
    the site is published at, which need not be the one the reader came in by. Anything but a
    web address is not offered."""
    link = notification.link
    site = f"{settings.SITE_URL}/"
    if link.startswith(site):
        return link[len(site) - 1 :]
    return link if link.startswith(SAFE_SCHEMES) else None


@login_required
@require_GET
def my_notifications(request):
    return render(request, "governance/notifications/mine.html", _page(request, own_notifications(request.user)))


@login_required
@require_GET
def my_notification(request, pk):
    notification = get_own_notification(request, pk)
    return render(
        request,
        "governance/notifications/notification.html",
        {"notification": notification, "link": link_here(notification)},
    )


@login_required
@require_GET
def partnership_notifications(request, slug):
    partnership = get_partnership_for_notifications(request, slug)
    form = NotificationStatusForm(request.GET if "status" in request.GET else None)
    context = {"partnership": partnership, "form": form, "subscribers": confirmed_subscriber_count(partnership)}
    if form.is_bound and not form.is_valid():
        return render(request, "governance/notifications/partnership.html", context, status=400)
    status = form.cleaned_data["status"] if form.is_bound else ""
    context |= {
        "status_label": NotificationStatus(status).label if status else "",
        **_page(request, sent_by(partnership, status=status)),
    }
    return render(request, "governance/notifications/partnership.html", context)
