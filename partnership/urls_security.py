"""An account's security page, its sessions, its password (changed or reset by email), and the
staff's audit log."""

from django.contrib.auth import views as auth_views
from django.urls import path

from .accounts import views_security as views
from .views.audit_log import audit_log

urlpatterns = [
    path("accounts/security/", views.account_security, name="account-security"),
    path("accounts/sessions/", views.account_sessions, name="account-sessions"),
    path("accounts/sessions/end-others/", views.end_other_sessions, name="account-sessions-end-others"),
    path("accounts/sessions/<int:pk>/end/", views.end_one_session, name="account-session-end"),
    path("accounts/password/", views.PasswordChangeView.as_view(), name="password_change"),
    path(
        "accounts/password/done/",
        auth_views.PasswordChangeDoneView.as_view(),
        name="password_change_done",
    ),
    path("accounts/password-reset/", views.PasswordResetView.as_view(), name="password_reset"),
    path("accounts/password-reset/sent/", views.PasswordResetDoneView.as_view(), name="password_reset_done"),
    path(
        "accounts/password-reset/<uidb64>/<token>/",
        views.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path(
        "accounts/password-reset/done/",
        auth_views.PasswordResetCompleteView.as_view(),
        name="password_reset_complete",
    ),
    path("audit/", audit_log, name="audit-log"),
]
