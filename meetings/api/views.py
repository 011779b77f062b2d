"""Meetings and agenda items for the partnership's own people. Meetings are not deleted
through the API (DELETE is 405); an agenda item is removed until the agenda goes out."""

from django.utils import timezone
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema, inline_serializer
from rest_framework import mixins, serializers, status
from rest_framework.decorators import action
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response

from partnership.api.base import QueryFilter
from partnership.api.kept_lists import KeptListMixin
from partnership.api.renderers import PDFRenderer
from partnership.api.views import BY_PARTNERSHIP, ReadCreateUpdateViewSet
from partnership.documents import retry_later

from .. import services
from ..models import AgendaItem, Meeting, MeetingStatus, PackStatus
from ..pack.packs import members_pack
from ..pack.serving import pdf_or_progress
from .serializers import (
    AgendaItemSerializer,
    AgendaItemUpdateSerializer,
    MeetingSerializer,
    MeetingUpdateSerializer,
    ReorderSerializer,
)

ONLY_SECRETARIAT = "Only the partnership's secretariat can change its meetings and agendas."
ONLY_THE_CHAIR = "Only the chair, or whoever presides at this meeting in the chair's absence, can do this (ToR 5.4)."


class MeetingsViewSet(ReadCreateUpdateViewSet):
    view_permission = "meetings.view_meetings"
    manage_permission = "meetings.manage_meetings"
    manage_refusal = ONLY_SECRETARIAT
    # action -> (permission asked of the meeting, refusal), for actions beyond the register's.
    meeting_actions: dict[str, tuple[str, str]] = {}

    def meeting_of(self, obj) -> Meeting:
        raise NotImplementedError

    def partnership_of(self, obj):
        return self.meeting_of(obj).partnership

    def change_permission(self, obj):
        if self.action in self.meeting_actions:
            perm, refusal = self.meeting_actions[self.action]
            return perm, self.meeting_of(obj), refusal
        return super().change_permission(obj)


class MeetingViewSet(KeptListMixin, MeetingsViewSet):
    """A partnership's meetings, with their deadlines in working days; the list is kept for
    each caller until a record changes (KeptListMixin)."""

    # The partnership's closure days are read once per page, not once per meeting's deadlines.
    queryset = Meeting.objects.select_related("partnership", "presiding_member__person").prefetch_related(
        "partnership__closure_days"
    )
    serializer_class = MeetingSerializer
    update_serializer_class = MeetingUpdateSerializer
    query_filters = (
        BY_PARTNERSHIP,
        QueryFilter(
            "status",
            "status",
            kind=str,
            choices=tuple(MeetingStatus.values),
            description="Only meetings at this stage.",
        ),
        QueryFilter(
            "is_public", "is_public", kind=bool, description="true: meetings held in public; false: private ones."
        ),
        QueryFilter("year", "date__year", description="Only meetings in this year, for example 2027."),
    )
    meeting_actions = {
        "circulate_agenda": ("meetings.circulate_agenda", "Only the partnership's secretariat circulates the agenda."),
        "agree_agenda": ("meetings.agree_agenda", ONLY_THE_CHAIR),
        "reorder": ("meetings.change_agenda", ONLY_SECRETARIAT),
    }

    def meeting_of(self, obj):
        return obj

    def perform_create(self, serializer):
        self.check_can_manage(serializer.validated_data["partnership"])
        serializer.save()

    @extend_schema(
        request=None,
        responses=MeetingSerializer,
        description="Send the agreed agenda to the members (secretariat only); late when after `agenda_due`.",
    )
    @action(detail=True, methods=["post"], url_path="circulate-agenda")
    def circulate_agenda(self, request, pk=None):
        meeting = services.circulate_agenda(meeting=self.get_object(), by=request.user, now=timezone.now())
        return Response(self.get_serializer(meeting).data)

    @extend_schema(
        request=None,
        responses=MeetingSerializer,
        description="The chair (or the presiding member) agrees the agenda before it goes out.",
    )
    @action(detail=True, methods=["post"], url_path="agree-agenda")
    def agree_agenda(self, request, pk=None):
        meeting = services.agree_agenda(meeting=self.get_object(), by=request.user, now=timezone.now())
        return Response(self.get_serializer(meeting).data)

    @extend_schema(
        request=None,
        responses={
            (200, "application/pdf"): OpenApiResponse(
                OpenApiTypes.BINARY, description="The agenda pack: agenda, each paper's cover sheet, PDF papers."
            ),
            (202, "application/json"): OpenApiResponse(
                inline_serializer(
                    "AgendaPackProgress",
                    {
                        # Not a ChoiceField: its enum would collide with the meetings' "status" in the schema.
                        "status": serializers.CharField(
                            help_text=f"{PackStatus.QUEUED} (waiting to be made) or {PackStatus.BUILDING}."
                        ),
                        "progress": serializers.IntegerField(help_text="Per cent done."),
                        "detail": serializers.CharField(),
                    },
                ),
                description="The pack is being made: ask again after `Retry-After` seconds.",
            ),
            404: OpenApiResponse(description="No meeting with this id that the caller may read."),
        },
        parameters=[
            OpenApiParameter(
                "Retry-After",
                OpenApiTypes.INT,
                OpenApiParameter.HEADER,
                response=[202],
                description="Seconds to wait before asking again.",
            )
        ],
        description=(
            "The members' agenda pack as one PDF, confidential items included, for anyone who may read the "
            "meeting. It is kept until the agenda or its papers change; while it is being made the answer "
            "is 202 with its progress."
        ),
    )
    @action(detail=True, methods=["get"], renderer_classes=[JSONRenderer, PDFRenderer], filter_backends=[])
    def pack(self, request, pk=None):
        meeting = self.get_object()
        pdf, agenda_pack = pdf_or_progress(meeting, members_pack(meeting), cache_control="private, no-cache")
        if pdf is not None:
            return pdf
        progress = {"status": agenda_pack.status, "progress": agenda_pack.progress, "detail": "The pack is being made."}
        return retry_later(Response(progress, status=status.HTTP_202_ACCEPTED))

    @extend_schema(
        request=ReorderSerializer,
        responses=AgendaItemSerializer(many=True),
        description="Put the agenda in the order given, which names every item once; answers the items in order.",
    )
    @action(detail=True, methods=["post"], filter_backends=[], pagination_class=None)
    def reorder(self, request, pk=None):
        meeting = self.get_object()
        order = ReorderSerializer(data=request.data)
        order.is_valid(raise_exception=True)
        items = services.reorder_agenda(meeting=meeting, item_ids=order.validated_data["item_ids"])
        return Response(AgendaItemSerializer(items, many=True, context=self.get_serializer_context()).data)


class AgendaItemViewSet(mixins.DestroyModelMixin, MeetingsViewSet):
    """The items of each agenda, in order. An item added after the agenda went out is late."""

    queryset = AgendaItem.objects.select_related("meeting__partnership", "meeting__presiding_member__person")
    serializer_class = AgendaItemSerializer
    update_serializer_class = AgendaItemUpdateSerializer
    partnership_path = "meeting__partnership"
    query_filters = (QueryFilter("meeting", "meeting_id", description="Only this meeting's agenda."),)
    meeting_actions = {"accept": ("meetings.accept_late_item", ONLY_THE_CHAIR)}

    def meeting_of(self, obj):
        return obj.meeting

    def perform_create(self, serializer):
        self.check_can_manage(serializer.validated_data["meeting"].partnership)
        serializer.save()

    def perform_destroy(self, instance):
        services.remove_agenda_item(item=instance)

    @extend_schema(
        request=None,
        responses=AgendaItemSerializer,
        description="The chair (or the presiding member) accepts a late item (ToR 5.7).",
    )
    @action(detail=True, methods=["post"])
    def accept(self, request, pk=None):
        item = services.accept_late_item(item=self.get_object(), by=request.user, now=timezone.now())
        return Response(self.get_serializer(item).data)
