"""The quarterly performance report's pages (ToR 6.1)."""

from django.urls import path

from .views import reports

app_name = "actionplan-reports"
urlpatterns = [
    path("<slug:slug>/plans/report/", reports.report, name="report"),
]
