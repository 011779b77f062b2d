"""The action plans API's routes, registered on the API's one router (partnership/urls_api.py)."""

from .api.views import ActionPlanViewSet, ActionViewSet, MilestoneViewSet

routes = [
    ("action-plans", ActionPlanViewSet, "action-plan"),
    ("actions", ActionViewSet, "action"),
    ("milestones", MilestoneViewSet, "milestone"),
]
urlpatterns = []
