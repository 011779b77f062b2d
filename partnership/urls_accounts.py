"""Signing in and out, two-factor authentication. Placeholders until the two-factor work lands."""

from django.contrib.auth import views as auth_views
from django.http import HttpResponse
from django.urls import path


def _placeholder(request, *args, **kwargs):
    return HttpResponse("Not built yet", status=501)


urlpatterns = [
    path("login/", auth_views.LoginView.as_view(), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("two-factor/", _placeholder, name="two-factor-verify"),
    path("two-factor/set-up/", _placeholder, name="two-factor-setup"),
    path("two-factor/remove/", _placeholder, name="two-factor-remove"),
]
