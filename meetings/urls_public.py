from django.urls import path

from . import views_public

app_name = "public_meetings"
urlpatterns = [
    path("p/<slug:slug>/meetings/", views_public.meetings, name="list"),
    path("p/<slug:slug>/meetings/<int:pk>/", views_public.meeting, name="meeting"),
]
