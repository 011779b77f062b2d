"""The action plans API's routes, registered on the API's one router (partnership/urls_api.py),
and the paths beside it."""

from django.urls import path

from .api.reports import QuarterlyReportView
from .api.views import ActionPlanViewSet, ActionViewSet, MilestoneViewSet

routes = [
    ("action-plans", ActionPlanViewSet, "action-plan"),
    ("actions", ActionViewSet, "action"),
    ("milestones", MilestoneViewSet, "milestone"),
]
urlpatterns = [
    path("partnerships/<int:pk>/quarterly-report/", QuarterlyReportView.as_view(), name="quarterly-report"),
]
