from django.urls import path

from .views import public

app_name = "public"
urlpatterns = [
    path("", public.home, name="home"),
    path("p/<slug:slug>/", public.partnership_page, name="partnership"),
    path("p/<slug:slug>/members/", public.members, name="members"),
    path("accessibility/", public.accessibility, name="accessibility"),
]
