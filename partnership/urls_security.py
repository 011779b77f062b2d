"""An account's security page, sessions, passwords and the audit log. Placeholders until built."""

from django.http import HttpResponse
from django.urls import path


def _placeholder(request, *args, **kwargs):
    return HttpResponse("Not built yet", status=501)


urlpatterns = [
    path("accounts/security/", _placeholder, name="account-security"),
    path("accounts/sessions/", _placeholder, name="account-sessions"),
    path("accounts/sessions/end-others/", _placeholder, name="account-sessions-end-others"),
    path("accounts/password/", _placeholder, name="password_change"),
    path("accounts/password/done/", _placeholder, name="password_change_done"),
    path("accounts/password-reset/", _placeholder, name="password_reset"),
    path("accounts/password-reset/sent/", _placeholder, name="password_reset_done"),
    path("accounts/password-reset/<uidb64>/<token>/", _placeholder, name="password_reset_confirm"),
    path("accounts/password-reset/done/", _placeholder, name="password_reset_complete"),
    path("audit/", _placeholder, name="audit-log"),
]
