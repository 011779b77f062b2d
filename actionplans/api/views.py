"""Action plans, their actions and milestones, for the partnership's own people. Members read
them; the secretariat keeps them; an action's owner also sets its milestones' status. Every
change goes through actionplans/services; nothing is deleted but an action with no progress."""

from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import mixins
from rest_framework.decorators import action
from rest_framework.parsers import FormParser, MultiPartParser
from rest_framework.response import Response

from partnership.api.base import QueryFilter
from partnership.api.views import ReadCreateUpdateViewSet

from .. import services
from ..importing import import_plan, preview_import
from ..importing.reading import MAX_BYTES
from ..models import Action, ActionPlan, Milestone
from .serializers import (
    ActionPlanSerializer,
    ActionPlanUpdateSerializer,
    ActionSerializer,
    ActionUpdateSerializer,
    ImportResultSerializer,
    ImportSerializer,
    MilestoneSerializer,
    MilestoneUpdateSerializer,
)

ONLY_SECRETARIAT = "Only the partnership's secretariat can change its action plans."
ONLY_OWNER = "Only the member who owns the action, or the partnership's secretariat, can change its milestone's status."
OWNER_MAY_CHANGE = {"status", "completed_on"}  # of a milestone, besides the secretariat


class PlansViewSet(ReadCreateUpdateViewSet):
    view_permission = "actionplans.view_plans"
    manage_permission = "actionplans.manage_plans"
    manage_refusal = ONLY_SECRETARIAT


class ActionPlanViewSet(PlansViewSet):
    """A partnership's action plans. Their actions are at `actions/?plan=`."""

    queryset = ActionPlan.objects.select_related("partnership")
    serializer_class = ActionPlanSerializer
    update_serializer_class = ActionPlanUpdateSerializer
    query_filters = (QueryFilter("partnership", "partnership_id", description="Only this partnership's plans."),)

    def perform_create(self, serializer):
        self.check_can_manage(serializer.validated_data["partnership"])
        serializer.save()

    @extend_schema(
        request={"multipart/form-data": ImportSerializer},
        responses={
            201: ImportResultSerializer,
            400: OpenApiResponse(description="No file, or a file that is not a spreadsheet the plan can come from."),
        },
        description=(
            "Add the rows of a CSV or XLSX table to the plan (secretariat only): sections from lettered rows, "
            'actions from the others, headers matched by their wording. "April 2007" is read as the end of that '
            'month, "Ongoing" as no date; dates that cannot be read keep their words and are flagged. A milestone '
            "column gives each action a milestone, due on the date its words mention. An owner naming exactly one "
            "current member or nominating body is linked to it. Rows that cannot be imported are listed with why; "
            "the others are all saved, or none."
        ),
    )
    @action(
        detail=True,
        methods=["post"],
        url_path="import",
        parser_classes=[MultiPartParser, FormParser],
        filter_backends=[],
    )
    def import_rows(self, request, pk=None):
        plan = self.get_object()
        upload = ImportSerializer(data=request.data)
        upload.is_valid(raise_exception=True)
        # One byte past the limit is enough for the reader to refuse a file that is too large.
        preview = preview_import(upload.validated_data["file"].read(MAX_BYTES + 1))
        result = import_plan(plan, preview, by=request.user)
        body = {
            "created": result.created,
            "sections": result.sections,
            "flagged": result.flagged,
            "milestones": result.milestones,
            "linked": result.linked,
            "refused": [{"row": refused.row, "reason": refused.reason} for refused in preview.refused],
        }
        return Response(ImportResultSerializer(body).data, status=201)


class ActionViewSet(mixins.DestroyModelMixin, PlansViewSet):
    """The rows of the plans. An action with progress reported on it stays (DELETE is 400)."""

    queryset = Action.objects.select_related("plan__partnership")
    serializer_class = ActionSerializer
    update_serializer_class = ActionUpdateSerializer
    partnership_path = "plan__partnership"
    query_filters = (
        QueryFilter("partnership", "plan__partnership_id", description="Only this partnership's actions."),
        QueryFilter("plan", "plan_id", description="Only this plan's actions."),
        QueryFilter("section", "section_id", description="Only this section's actions."),
        QueryFilter("owner_member", "owner_member_id", description="Only the actions this member owns."),
        QueryFilter(
            "due_needs_checking",
            "due_needs_checking",
            kind=bool,
            description="true: the actions whose date the importer could not read.",
        ),
    )

    def get_queryset(self):
        return super().get_queryset().order_by("plan_id", "position", "pk")

    def partnership_of(self, obj):
        return obj.plan.partnership

    def perform_create(self, serializer):
        self.check_can_manage(serializer.validated_data["plan"].partnership)
        serializer.save()

    def perform_destroy(self, instance):
        services.remove_action(action=instance)


class MilestoneViewSet(PlansViewSet):
    """The milestones of each action, with their status; overdue is worked out, never set."""

    queryset = Milestone.objects.select_related("action__plan__partnership")
    serializer_class = MilestoneSerializer
    update_serializer_class = MilestoneUpdateSerializer
    partnership_path = "action__plan__partnership"
    query_filters = (
        QueryFilter("partnership", "action__plan__partnership_id", description="Only this partnership's milestones."),
        QueryFilter("plan", "action__plan_id", description="Only this plan's milestones."),
        QueryFilter("action", "action_id", description="Only this action's milestones."),
    )

    def get_queryset(self):
        return super().get_queryset().order_by("action_id", "due", "pk")

    def partnership_of(self, obj):
        return obj.action.plan.partnership

    def change_permission(self, obj):
        """The action's owner may change a milestone's status (and the day it was done)."""
        if self.action in ("update", "partial_update") and set(self.request.data) <= OWNER_MAY_CHANGE | {"id"}:
            return "actionplans.update_own_action", obj.action, ONLY_OWNER
        return super().change_permission(obj)

    def perform_create(self, serializer):
        self.check_can_manage(serializer.validated_data["action"].plan.partnership)
        serializer.save()
