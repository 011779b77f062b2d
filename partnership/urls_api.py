from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView
from rest_framework.routers import DefaultRouter

from actionplans.urls_api import routes as plan_routes
from meetings.urls_api import routes as meeting_routes

from .api.views import MemberViewSet, NominatingBodyViewSet, OfficeViewSet, PartnershipViewSet

router = DefaultRouter()
# The API speaks JSON (API.md): no `.json` twin of every route, whose custom actions took no
# `format` argument and answered 500 (found by the permission matrix).
router.include_format_suffixes = False
router.register("partnerships", PartnershipViewSet, basename="partnership")
router.register("nominating-bodies", NominatingBodyViewSet, basename="nominating-body")
router.register("members", MemberViewSet, basename="member")
router.register("offices", OfficeViewSet, basename="office")
for prefix, viewset, basename in [*plan_routes, *meeting_routes]:
    router.register(prefix, viewset, basename=basename)

urlpatterns = [
    path("", include(router.urls)),
    path("", include("meetings.urls_api")),
    path("", include("actionplans.urls_api")),
    path("schema/", SpectacularAPIView.as_view(), name="api-schema"),
]
