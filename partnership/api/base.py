"""What every viewset of the API shares: who is asking (token first, so a request without
credentials is answered 401 rather than 403), what they may see (rows of their own
partnerships only: anything else is 404), what they may change (the rules predicates), and
filtering by query parameters named after fields."""

from dataclasses import dataclass, field

from rest_framework import serializers
from rest_framework.authentication import SessionAuthentication
from rest_framework.exceptions import PermissionDenied, ValidationError
from rest_framework.filters import BaseFilterBackend
from rest_framework.permissions import SAFE_METHODS, BasePermission
from rest_framework.viewsets import GenericViewSet

from ..models import Partnership
from ..roles import visible_partnership_filter
from .tokens import ExpiringTokenAuthentication

VIEW_REGISTER = "partnership.view_register"
MANAGE_REGISTER = "partnership.manage_register"
ONLY_SECRETARIAT = "Only the partnership's secretariat can change its register."
# An id filter beyond what a 64-bit key can hold is refused (400), never sent to the database,
# which cannot bind it (SQLite: OverflowError, a 500; found by schemathesis).
LARGEST_ID = 2**63 - 1


def visible_partnerships(user):
    """The partnerships whose private register `user` may read, as a queryset to filter by."""
    return Partnership.objects.filter(visible_partnership_filter(user))


class RegisterPermission(BasePermission):
    """Reading a row needs view_register on its partnership, changing it manage_register.
    Rows of other partnerships are not in the queryset at all, so they are 404 before this."""

    message = ONLY_SECRETARIAT

    def has_permission(self, request, view):
        return bool(request.user and request.user.is_authenticated)

    def has_object_permission(self, request, view, obj):
        if request.method in SAFE_METHODS:
            return request.user.has_perm(view.view_permission, view.partnership_of(obj))
        perm, target, self.message = view.change_permission(obj)
        return request.user.has_perm(perm, target)


class VisibleRelatedField(serializers.PrimaryKeyRelatedField):
    """A row of a partnership the caller may see, by id. Any other id reads as not existing,
    so nobody learns what another partnership holds."""

    def __init__(self, *, partnership_path: str = "partnership", **kwargs):
        self.partnership_path = partnership_path
        super().__init__(**kwargs)

    def get_queryset(self):
        queryset = super().get_queryset()
        user = self.context["request"].user
        if not self.partnership_path:
            return queryset.filter(visible_partnership_filter(user))
        # distinct: a path across seats would repeat a person once per partnership.
        return queryset.filter(**{f"{self.partnership_path}__in": visible_partnerships(user)}).distinct()


@dataclass(frozen=True)
class QueryFilter:
    """`?name=value` keeps the rows whose `lookup` equals the value, checked as `kind`."""

    name: str
    lookup: str
    kind: type = int
    choices: tuple[str, ...] = field(default=())
    description: str = ""

    def parse(self, raw: str):
        if self.choices:
            return serializers.ChoiceField(choices=self.choices).run_validation(raw)
        if self.kind is bool:
            return serializers.BooleanField().run_validation(raw)
        return serializers.IntegerField(min_value=-LARGEST_ID, max_value=LARGEST_ID).run_validation(raw)

    def openapi(self) -> dict:
        schema = {"type": {bool: "boolean", int: "integer"}.get(self.kind, "string")}
        if self.choices:
            schema["enum"] = list(self.choices)
        return {"name": self.name, "in": "query", "required": False, "description": self.description, "schema": schema}


class QueryFilterBackend(BaseFilterBackend):
    """Filters by the view's `query_filters`; a value of the wrong type is 400, field by field."""

    def filter_queryset(self, request, queryset, view):
        errors = {}
        for query_filter in getattr(view, "query_filters", ()):
            raw = request.query_params.get(query_filter.name)
            if raw in (None, ""):
                continue
            try:
                value = query_filter.parse(raw)
            except ValidationError as exc:
                errors[query_filter.name] = exc.detail
            else:
                queryset = queryset.filter(**{query_filter.lookup: value})
        if errors:
            raise ValidationError(errors)
        return queryset

    def get_schema_operation_parameters(self, view):
        return [query_filter.openapi() for query_filter in getattr(view, "query_filters", ())]


class RegisterViewSet(GenericViewSet):
    """Rows of one partnership each. Subclasses say how to reach a row's partnership
    (`partnership_path` in queries, `partnership_of` for one row), and may name the
    permissions that read and change their rows."""

    authentication_classes = [ExpiringTokenAuthentication, SessionAuthentication]
    permission_classes = [RegisterPermission]
    filter_backends = [QueryFilterBackend]
    query_filters: tuple[QueryFilter, ...] = ()
    partnership_path = "partnership"
    update_serializer_class = None
    view_permission = VIEW_REGISTER
    manage_permission = MANAGE_REGISTER
    manage_refusal = ONLY_SECRETARIAT

    def get_queryset(self):
        queryset = super().get_queryset()
        if getattr(self, "swagger_fake_view", False):
            return queryset.none()
        return queryset.filter(**{f"{self.partnership_path}__in": visible_partnerships(self.request.user)})

    def get_serializer_class(self):
        if self.action in ("update", "partial_update") and self.update_serializer_class is not None:
            return self.update_serializer_class
        return super().get_serializer_class()

    def partnership_of(self, obj) -> Partnership:
        return obj.partnership

    def change_permission(self, obj) -> tuple[str, object, str]:
        """What changing `obj` through the current action needs: a permission, what it is asked
        of, and the refusal's words. An action that is not the secretariat's (the chair agreeing
        an agenda, say) overrides this."""
        return self.manage_permission, self.partnership_of(obj), self.manage_refusal

    def check_can_manage(self, partnership: Partnership) -> None:
        """For a new row: its partnership is one the caller sees (the serializer made sure);
        a member who may only read it is refused."""
        if not self.request.user.has_perm(self.manage_permission, partnership):
            raise PermissionDenied(self.manage_refusal)
