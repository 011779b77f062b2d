"""Signing in and out, and two-factor authentication."""

from django.contrib.auth import views as auth_views
from django.urls import path

from .accounts import views_two_factor
from .accounts.views_login import SignInView

urlpatterns = [
    path("login/", SignInView.as_view(), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("two-factor/", views_two_factor.verify, name="two-factor-verify"),
    path("two-factor/set-up/", views_two_factor.set_up, name="two-factor-setup"),
    path("two-factor/remove/", views_two_factor.remove, name="two-factor-remove"),
]
