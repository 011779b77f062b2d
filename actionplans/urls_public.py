"""The published summary of a partnership's plans, for anyone, without signing in."""

from django.urls import path

from . import views_public

app_name = "public_plans"
urlpatterns = [
    path("p/<slug:slug>/plan/", views_public.plans, name="list"),
    path("p/<slug:slug>/plan/<int:pk>/", views_public.plan, name="plan"),
]
