"""Minutes through the API (ToR 5.8): the secretariat starts them, whoever chaired the meeting
approves them, the secretariat circulates them (late when after `minutes_due`) and records
that a later meeting confirmed them. Each action is the service the web pages call.

Draft and approved minutes are read by the secretariat and whoever chaired
(meetings.view_draft_minutes); the partnership's other members see them once circulated, as
the minutes page does (READ_BY_MEMBERS). Minutes not yet circulated are left out of their list,
and asking for them by id is refused with the reason."""

from contextlib import contextmanager

from django.db.models import Exists, OuterRef, Q
from django.utils import timezone
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.decorators import action
from rest_framework.permissions import SAFE_METHODS
from rest_framework.response import Response

from partnership.api.base import QueryFilter, RegisterPermission, VisibleRelatedField
from partnership.api.serializers import RegisterSerializer
from partnership.errors import RuleBroken
from partnership.models import Office, OfficeRole
from partnership.roles import secretariat_partnership_ids

from .. import services
from ..access import REFUSALS
from ..models import Meeting, Minutes, MinutesStatus
from ..views_minutes.fetch import READ_BY_MEMBERS
from .record import RecordViewSet, asked_of_meeting

VIEW_DRAFT_MINUTES = "meetings.view_draft_minutes"


def readable_minutes(user) -> Q:
    """meetings.view_draft_minutes (rules.py) as a query, so a list costs the same however many
    drafts it holds: circulated and confirmed minutes for all who read the partnership; drafts
    and approved minutes for its secretariat (and staff) and for whoever chaired, that is the
    member named to preside or else the chair in office on the meeting's day. The tests hold
    it to the rule."""
    if user.is_superuser:
        return Q()
    chair_that_day = Office.objects.filter(
        partnership=OuterRef("meeting__partnership"),
        role=OfficeRole.CHAIR,
        starts_on__lte=OuterRef("meeting__date"),
        ends_on__gte=OuterRef("meeting__date"),
        member__person__user=user,
    )
    chaired = Q(meeting__presiding_member__person__user=user) | (
        Q(meeting__presiding_member__isnull=True) & Exists(chair_that_day)
    )
    secretariat = Q(meeting__partnership__in=secretariat_partnership_ids(user))
    return Q(status__in=READ_BY_MEMBERS) | secretariat | chaired


@contextmanager
def fields_named(names: dict[str, str]):
    """A service's refusal told with the API's name for the field it is about."""
    try:
        yield
    except RuleBroken as broken:
        raise RuleBroken(broken.message, field=names.get(broken.field, broken.field)) from broken


class MinutesSerializer(RegisterSerializer):
    meeting = VisibleRelatedField(
        queryset=Meeting.objects.select_related("partnership"), help_text="The meeting they are the minutes of."
    )
    approved_by = serializers.PrimaryKeyRelatedField(
        source="approved_as",
        read_only=True,
        allow_null=True,
        help_text="The member who chaired the meeting and approved the minutes (an id in members/).",
    )

    class Meta:
        model = Minutes
        fields = [
            "id",
            "meeting",
            "status",
            "version",
            "approved_at",
            "approved_by",
            "circulated_at",
            "is_late",
            "confirmed_at",
            "confirmed_at_meeting",
        ]
        read_only_fields = [
            "status",
            "version",
            "approved_at",
            "circulated_at",
            "is_late",
            "confirmed_at",
            "confirmed_at_meeting",
        ]
        extra_kwargs = {
            "version": {"help_text": "How many times the chair has approved them; each approval is kept."},
            "confirmed_at_meeting": {"help_text": "The later meeting that confirmed them as a true record."},
        }

    def create(self, validated_data):
        return services.start_minutes(meeting=validated_data["meeting"])


class ConfirmationSerializer(serializers.Serializer):
    meeting = VisibleRelatedField(
        queryset=Meeting.objects.select_related("partnership"),
        help_text='The later meeting of the same partnership whose "Minutes of the last meeting" item confirmed them.',
    )


class MinutesPermission(RegisterPermission):
    """Reading minutes not yet circulated needs meetings.view_draft_minutes on their meeting;
    the rest is the register's."""

    def has_object_permission(self, request, view, obj):
        if request.method in SAFE_METHODS and obj.status not in READ_BY_MEMBERS:
            self.message = REFUSALS[VIEW_DRAFT_MINUTES]
            return request.user.has_perm(VIEW_DRAFT_MINUTES, obj.meeting)
        return super().has_object_permission(request, view, obj)


class MinutesViewSet(RecordViewSet):
    """The minutes of each meeting and where they are in their life: draft, approved by the
    chair, circulated to members, confirmed as a true record at a later meeting."""

    queryset = Minutes.objects.select_related("meeting__partnership", "meeting__presiding_member__person").order_by(
        "meeting__date", "meeting__start_time", "pk"
    )
    serializer_class = MinutesSerializer
    permission_classes = [MinutesPermission]
    partnership_path = "meeting__partnership"
    http_method_names = ["get", "post", "head", "options"]  # minutes change through their actions only
    query_filters = (
        QueryFilter("partnership", "meeting__partnership_id", description="Only this partnership's minutes."),
        QueryFilter("meeting", "meeting_id", description="Only this meeting's minutes."),
        QueryFilter(
            "status", "status", kind=str, choices=tuple(MinutesStatus.values), description="Only minutes at this stage."
        ),
    )
    meeting_actions = {
        "approve": asked_of_meeting("meetings.approve_minutes"),
        "circulate": asked_of_meeting("meetings.circulate_minutes"),
        "confirm": asked_of_meeting("meetings.confirm_minutes"),
    }

    def meeting_of(self, obj):
        return obj.meeting

    def get_queryset(self):
        queryset = super().get_queryset()
        if self.action == "list":
            queryset = queryset.filter(readable_minutes(self.request.user))
        return queryset

    @extend_schema(
        responses={200: MinutesSerializer, 201: MinutesSerializer},
        description="Start the minutes of a meeting that has taken place (secretariat only), with a minute "
        "for each agenda item: 201. Started already, they are answered as they are, with a minute added "
        "for any item added since: 200.",
    )
    def create(self, request, *args, **kwargs):
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        meeting = serializer.validated_data["meeting"]
        self.require("meetings.draft_minutes", meeting)
        return self.create_answer(serializer, existed=Minutes.objects.filter(meeting=meeting).exists())

    @extend_schema(
        request=None,
        responses=MinutesSerializer,
        description="Approve draft minutes: only the person who chaired the meeting (the chair, or the "
        "presiding member in the chair's absence) can (ToR 5.8). Each approval is kept as a version.",
    )
    @action(detail=True, methods=["post"])
    def approve(self, request, pk=None):
        minutes = services.approve_minutes(minutes=self.get_object(), by=request.user, now=timezone.now())
        return Response(self.get_serializer(minutes).data)

    @extend_schema(
        request=None,
        responses=MinutesSerializer,
        description="Send approved minutes to the members (secretariat only); late when after the meeting's "
        "`minutes_due` (ToR 5.8).",
    )
    @action(detail=True, methods=["post"])
    def circulate(self, request, pk=None):
        minutes = services.circulate_minutes(minutes=self.get_object(), by=request.user, now=timezone.now())
        return Response(self.get_serializer(minutes).data)

    @extend_schema(
        request=ConfirmationSerializer,
        responses=MinutesSerializer,
        description="Record that a later meeting of the partnership confirmed circulated minutes as a true "
        "record (secretariat only); the meeting they record is then closed.",
    )
    @action(detail=True, methods=["post"])
    def confirm(self, request, pk=None):
        minutes = self.get_object()
        body = ConfirmationSerializer(data=request.data, context=self.get_serializer_context())
        body.is_valid(raise_exception=True)
        with fields_named({"at_meeting": "meeting"}):
            minutes = services.confirm_minutes(
                minutes=minutes, at_meeting=body.validated_data["meeting"], by=request.user, now=timezone.now()
            )
        return Response(self.get_serializer(minutes).data)
