"""Root URLs: the wiring file may import every app (DESIGN.md)."""

from django.contrib import admin
from django.urls import include, path
from django.views.generic import RedirectView

from partnership.accounts.views_login import admin_sign_in

urlpatterns = [
    path("", include("partnership.urls_public")),
    path("", include("meetings.urls_public")),
    path("", include("meetings.urls_feeds")),
    path("", include("actionplans.urls_public")),
    path("", include("governance.urls_publications")),
    path("partnerships/", include("partnership.urls_register")),
    path("partnerships/", include("meetings.urls")),
    path("partnerships/", include("meetings.urls_work_programme")),
    path("", include("meetings.urls_mine")),
    path("partnerships/", include("meetings.urls_papers")),
    path("partnerships/", include("meetings.urls_record")),
    path("partnerships/", include("meetings.urls_minutes")),
    path("partnerships/", include("meetings.urls_decisions")),
    path("partnerships/", include("meetings.urls_actions_arising")),
    path("partnerships/", include("meetings.urls_writing")),
    path("partnerships/", include("actionplans.urls")),
    path("partnerships/", include("actionplans.urls_reports")),
    path("", include("actionplans.urls_mine")),
    path("", include("governance.urls")),
    path("api/v1/", include("partnership.urls_api")),
    path("accounts/", include("partnership.urls_accounts")),
    path("", include("partnership.urls_security")),
    path("admin/login/", admin_sign_in),  # the admin signs in through the same door
    # and changes its password on the account's page, which ends the other sessions and says so
    path("admin/password_change/", RedirectView.as_view(pattern_name="password_change")),
    path("admin/", admin.site.urls),
    path("i18n/", include("django.conf.urls.i18n")),
]
