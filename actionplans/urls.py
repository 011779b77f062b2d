from django.urls import path

from .views import dates_check, editing, exporting, importing, owners, plans, publication

app_name = "actionplans"
PLAN = "<slug:slug>/plans/<int:pk>/"
urlpatterns = [
    path("<slug:slug>/plans/", plans.plans, name="list"),
    path("<slug:slug>/plans/new/", plans.create, name="plan-add"),
    path(PLAN, plans.plan, name="plan"),
    path(PLAN + "edit/", editing.change_plan, name="plan-edit"),
    path(PLAN + "publish/", publication.publish, name="plan-publish"),
    path(PLAN + "withdraw/", publication.withdraw, name="plan-withdraw"),
    path(PLAN + "owners/", owners.link_owners, name="owners"),
    path(PLAN + "sections/new/", editing.add_section, name="section-add"),
    path(PLAN + "sections/<int:section_pk>/", editing.change_section, name="section-edit"),
    path(PLAN + "sections/<int:section_pk>/up/", plans.move_section, {"up": True}, name="section-up"),
    path(PLAN + "sections/<int:section_pk>/down/", plans.move_section, {"up": False}, name="section-down"),
    path(PLAN + "actions/new/", editing.add_action, name="action-add"),
    path(PLAN + "actions/<int:action_pk>/", editing.change_action, name="action-edit"),
    path(PLAN + "actions/<int:action_pk>/date/", editing.set_due, name="action-due"),
    path(PLAN + "dates/", dates_check.check_dates, name="dates-check"),
    path(PLAN + "actions/<int:action_pk>/remove/", plans.remove_action, name="action-remove"),
    path(PLAN + "actions/<int:action_pk>/milestones/new/", editing.add_milestone, name="milestone-add"),
    path(PLAN + "milestones/<int:milestone_pk>/", editing.change_milestone, name="milestone-edit"),
    path(PLAN + "export.csv", exporting.plan_csv, name="export-csv"),
    path(PLAN + "export.xlsx", exporting.plan_xlsx, name="export-xlsx"),
    path(PLAN + "import/", importing.upload, name="import"),
    path(PLAN + "import/<str:token>/", importing.preview, name="import-preview"),
    path(PLAN + "import/<str:token>/discard/", importing.discard, name="import-discard"),
]
