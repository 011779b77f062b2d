from django.urls import path

from .views import meeting_page

app_name = "meetings"
urlpatterns = [
    path("<slug:slug>/meetings/<int:pk>/", meeting_page.meeting, name="meeting"),
]
