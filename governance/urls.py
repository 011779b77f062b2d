from django.urls import path

from .views import conduct

app_name = "governance"
urlpatterns = [
    path("account/codes/", conduct.acknowledge, name="acknowledge"),
    path("codes/register/<slug:slug>/", conduct.acknowledgement_register, name="acknowledgements"),
    path("codes/<int:pk>/", conduct.conduct_document, name="conduct-document"),
]
