"""The meetings API's routes. `routes` are registered on the API's one router (so they are
listed at /api/v1/ with the register's); `urlpatterns` are the public read, without login."""

from django.urls import path

from .api.minutes import MinutesViewSet
from .api.public import PublicMeetingsCalendarView, PublishedMeetingsView
from .api.record import AttendanceViewSet, DecisionViewSet, DeclarationViewSet
from .api.views import AgendaItemViewSet, MeetingViewSet

routes = [
    ("meetings", MeetingViewSet, "meeting"),
    ("agenda-items", AgendaItemViewSet, "agenda-item"),
    ("attendance", AttendanceViewSet, "attendance"),
    ("declarations", DeclarationViewSet, "declaration"),
    ("decisions", DecisionViewSet, "decision"),
    ("minutes", MinutesViewSet, "minutes"),
]

urlpatterns = [
    path(
        "public/partnerships/<slug:slug>/meetings/",
        PublishedMeetingsView.as_view(),
        name="public-meetings",
    ),
    path(
        "public/partnerships/<slug:slug>/meetings.ics",
        PublicMeetingsCalendarView.as_view(),
        name="public-meetings-calendar",
    ),
]
