"""The register's viewsets. Nothing is deleted through the API (a member leaves by being made
inactive, a term by being ended), so DELETE is 405 everywhere."""

from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import mixins

from ..models import Member, NominatingBody, Office, OfficeRole, Partnership
from ..roles import visible_partnership_filter
from .base import QueryFilter, RegisterPermission, RegisterViewSet
from .serializers import (
    MemberSerializer,
    MemberUpdateSerializer,
    NominatingBodySerializer,
    NominatingBodyUpdateSerializer,
    OfficeSerializer,
    OfficeTermSerializer,
    PartnershipSerializer,
    PartnershipUpdateSerializer,
)

BY_PARTNERSHIP = QueryFilter("partnership", "partnership_id", description="Only this partnership's rows.")


class ReadCreateUpdateViewSet(
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    mixins.UpdateModelMixin,
    RegisterViewSet,
):
    pass


class PartnershipPermission(RegisterPermission):
    """Staff add partnerships; a partnership's secretariat keeps its details and rule numbers."""

    def has_permission(self, request, view):
        if not super().has_permission(request, view):
            return False
        if view.action == "create":
            self.message = "Only staff can add a partnership."
            return request.user.has_perm("partnership.add_partnership")
        return True


@extend_schema_view(create=extend_schema(description="Add a partnership (staff only)."))
class PartnershipViewSet(ReadCreateUpdateViewSet):
    """Partnerships the caller belongs to (all of them, for staff), with their rule numbers."""

    queryset = Partnership.objects.all()
    serializer_class = PartnershipSerializer
    update_serializer_class = PartnershipUpdateSerializer
    permission_classes = [PartnershipPermission]
    query_filters = (QueryFilter("partnership", "pk", description="Only this partnership."),)

    def get_queryset(self):
        queryset = Partnership.objects.all()
        if getattr(self, "swagger_fake_view", False):
            return queryset.none()
        return queryset.filter(visible_partnership_filter(self.request.user))

    def partnership_of(self, obj):
        return obj


class NominatingBodyViewSet(ReadCreateUpdateViewSet):
    """The bodies that nominate members, and how many seats each has."""

    queryset = NominatingBody.objects.select_related("partnership")
    serializer_class = NominatingBodySerializer
    update_serializer_class = NominatingBodyUpdateSerializer
    query_filters = (BY_PARTNERSHIP,)

    def perform_create(self, serializer):
        self.check_can_manage(serializer.validated_data["partnership"])
        serializer.save()


class MemberViewSet(ReadCreateUpdateViewSet):
    """Seats on a partnership. A member leaves by being made inactive (`active: false`)."""

    queryset = Member.objects.select_related("partnership", "person")
    serializer_class = MemberSerializer
    update_serializer_class = MemberUpdateSerializer
    query_filters = (
        BY_PARTNERSHIP,
        QueryFilter("nominating_body", "nominating_body_id", description="Only this body's members."),
        QueryFilter("active", "active", kind=bool, description="true: sitting members; false: former members."),
    )

    def perform_create(self, serializer):
        self.check_can_manage(serializer.validated_data["nominating_body"].partnership)
        serializer.save()


class OfficeViewSet(ReadCreateUpdateViewSet):
    """Terms as chair or vice chair. A term is ended early by changing its `ends_on`."""

    queryset = Office.objects.select_related("partnership")
    serializer_class = OfficeSerializer
    update_serializer_class = OfficeTermSerializer
    query_filters = (
        BY_PARTNERSHIP,
        QueryFilter("role", "role", kind=str, choices=tuple(OfficeRole.values), description="chair or vice_chair"),
    )

    def perform_create(self, serializer):
        self.check_can_manage(serializer.validated_data["partnership"])
        serializer.save()
