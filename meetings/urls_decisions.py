"""The decision log and attendance statistics, under /partnerships/."""

from django.urls import path

from .views_attendance import attendance_statistics
from .views_decisions.log import decision_log_csv, decision_log_page

app_name = "decisions"
urlpatterns = [
    path("<slug:slug>/decisions/", decision_log_page, name="log"),
    path("<slug:slug>/decisions/decision-log.csv", decision_log_csv, name="csv"),
    path("<slug:slug>/attendance-statistics/", attendance_statistics, name="attendance"),
]
