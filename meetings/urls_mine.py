from django.urls import path

from . import views_mine

app_name = "my_meetings"
urlpatterns = [path("meetings/", views_mine.my_meetings, name="list")]
