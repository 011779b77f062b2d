from django.urls import path

from .views import register

app_name = "partnership"
urlpatterns = [
    path("", register.my_partnerships, name="mine"),
    path("<slug:slug>/", register.register, name="register"),
]
