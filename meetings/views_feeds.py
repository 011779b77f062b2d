"""A member's own iCalendar feed: the page that gives out its private address, and the feed
itself, read by calendar servers without a login (the key in the address is the credential)."""

import datetime

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from partnership.models import Partnership
from partnership.roles import visible_partnership_filter

from . import calendar_feed
from . import public as selectors
from .models import Meeting
from .models_feeds import CalendarFeed, new_feed_key


def issue_feed(*, user, now: datetime.datetime | None = None) -> CalendarFeed:
    """Give `user` a new feed address, replacing any old one, which stops working at once."""
    feed, _created = CalendarFeed.objects.update_or_create(
        user=user, defaults={"key": new_feed_key(), "created_at": now or timezone.now()}
    )
    return feed


def _a_year_before(day: datetime.date) -> datetime.date:
    try:
        return day.replace(year=day.year - 1)
    except ValueError:  # 29 February
        return day.replace(year=day.year - 1, day=28)


def member_events(user, *, today: datetime.date | None = None) -> list[calendar_feed.MeetingEvent]:
    """Every meeting, public or private, of the partnerships `user` may read, from a year ago
    on. Three queries whatever the number of meetings, plus the two that find the user's seats."""
    today = today or timezone.localdate()
    meetings = list(
        Meeting.objects.filter(
            partnership__in=Partnership.objects.filter(visible_partnership_filter(user)),
            date__gte=_a_year_before(today),
        )
        .select_related("partnership")
        .only("id", "title", "date", "start_time", "end_time", "place", "partnership__name", "partnership__slug")
        .order_by("date", "start_time", "pk")
    )
    history = selectors.revisions([meeting.pk for meeting in meetings])
    now = timezone.now()
    # No agenda in the description: a subscribed feed is copied to third-party calendar servers
    # (Google, Microsoft, Apple), and a confidential item's title must never reach them.
    return [
        calendar_feed.MeetingEvent(
            meeting_id=meeting.pk,
            summary=f"{meeting.partnership.name}: {meeting.title}",
            date=meeting.date,
            start_time=meeting.start_time,
            end_time=meeting.end_time,
            place=meeting.place,
            url=f"{settings.SITE_URL}{meeting.get_absolute_url()}",
            # A meeting saved without history (a bulk change) still has an event.
            saves=history.get(meeting.pk, (1, now))[0],
            last_modified=history.get(meeting.pk, (1, now))[1],
        )
        for meeting in meetings
    ]


def feed_url(feed: CalendarFeed) -> str:
    return f"{settings.SITE_URL}{reverse('feeds:calendar', kwargs={'key': feed.key})}"


@login_required
@require_http_methods(["GET", "POST"])
def mine(request):
    feed = CalendarFeed.objects.filter(user=request.user).first()
    if request.method == "POST":
        replaced = feed is not None
        issue_feed(user=request.user)
        if replaced:
            messages.success(
                request,
                _("You have a new calendar address. The old one no longer works: subscribe again with this one."),
            )
        else:
            messages.success(request, _("Your calendar address is ready."))
        return redirect("feeds:mine")
    address = feed_url(feed) if feed is not None else None
    context = {
        "feed": feed,
        "address": address,
        # webcal:// opens the calendar app and subscribes, where the device has one.
        "webcal": address.replace("https://", "webcal://", 1).replace("http://", "webcal://", 1) if address else None,
        "partnerships": Partnership.objects.filter(visible_partnership_filter(request.user)).order_by("name"),
    }
    return render(request, "meetings/feeds/mine.html", context)


@require_GET
def calendar(request, key):
    feed = CalendarFeed.objects.select_related("user").filter(key=key).first()
    # A deactivated login's address is dead, as an unknown one is; one who has lost their seats
    # still gets a calendar, empty, so a subscribed calendar drops the meetings it held.
    if feed is None or not feed.user.is_active:
        raise Http404("No such calendar")
    body = calendar_feed.build_calendar(
        name=_("%(site)s: my partnership meetings") % {"site": settings.SITE_NAME}, events=member_events(feed.user)
    )
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="meetings.ics"'
    response["Cache-Control"] = "private, no-cache"
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response
