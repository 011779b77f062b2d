"""A member's private iCalendar feed: the page that gives out its address, and the feed."""

from django.urls import path

from . import views_feeds

app_name = "feeds"
urlpatterns = [
    path("calendar/", views_feeds.mine, name="mine"),
    # token_urlsafe keys are letters, digits, "-" and "_": exactly what a slug may hold.
    path("calendar/<slug:key>.ics", views_feeds.calendar, name="calendar"),
]
