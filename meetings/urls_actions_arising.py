"""Actions arising from a decision, taken at a meeting or in writing; under /partnerships/."""

from django.urls import path

from .views_record import actions_arising

DECISION = "<slug:slug>/decisions/<int:decision_pk>/actions/"

app_name = "actions_arising"
urlpatterns = [
    path(f"{DECISION}new/", actions_arising.add_action_arising, name="add"),
    path(f"{DECISION}link/", actions_arising.link_action, name="link"),
    path(f"{DECISION}<int:action_pk>/unlink/", actions_arising.unlink_action, name="unlink"),
]
