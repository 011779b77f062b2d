from django.urls import path

from . import views_mine

app_name = "my_actions"
urlpatterns = [
    path("actions/", views_mine.my_actions, name="list"),
    path("actions/<int:pk>/progress/", views_mine.action_progress, name="progress"),
]
