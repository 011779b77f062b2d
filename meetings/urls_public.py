from django.urls import path

from . import views_public

app_name = "public_meetings"
urlpatterns = [
    path("p/<slug:slug>/meetings/", views_public.meetings, name="list"),
    path("p/<slug:slug>/meetings/<int:pk>/", views_public.meeting, name="meeting"),
    path("p/<slug:slug>/meetings/<int:pk>/pack/", views_public.pack, name="pack"),
    path("p/<slug:slug>/meetings/<int:pk>/minutes/pdf/", views_public.minutes_pdf, name="minutes-pdf"),
    path("p/<slug:slug>/meetings/<int:pk>/papers/<int:file_pk>/", views_public.paper_file, name="paper-file"),
    path("p/<slug:slug>/meetings.ics", views_public.calendar, name="calendar"),
    path("p/<slug:slug>/decisions/", views_public.decisions, name="decisions"),
]
