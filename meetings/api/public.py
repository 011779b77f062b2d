"""What anyone may read without logging in: a partnership's published meetings with their
public agendas, and its public meetings as an iCalendar feed. Both read from the selectors,
which never fetch a confidential item's words."""

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, PolymorphicProxySerializer, extend_schema, extend_schema_field
from rest_framework import serializers
from rest_framework.generics import ListAPIView
from rest_framework.permissions import AllowAny
from rest_framework.renderers import BaseRenderer, JSONRenderer
from rest_framework.response import Response
from rest_framework.views import APIView

from partnership.access import public_partnership_or_404
from partnership.models import Partnership

from .. import calendar_feed
from .. import public as selectors
from ..models import Meeting, MeetingStatus


class OpenAgendaItemSerializer(serializers.Serializer):
    position = serializers.IntegerField()
    confidential = serializers.BooleanField(help_text="false")
    title = serializers.CharField()
    purpose = serializers.CharField(help_text="decision, discussion or information")
    description = serializers.CharField()
    presenter = serializers.CharField()
    leading_partners = serializers.CharField()
    is_late = serializers.BooleanField()


class WithheldAgendaItemSerializer(serializers.Serializer):
    """A confidential item: only its place on the agenda and why it is exempt."""

    position = serializers.IntegerField()
    confidential = serializers.BooleanField(help_text="true")
    reason = serializers.CharField(help_text="The exemption, for example 'Exempt: personal information'.")


@extend_schema_field(
    PolymorphicProxySerializer(
        component_name="PublicAgendaItem",
        serializers=[OpenAgendaItemSerializer, WithheldAgendaItemSerializer],
        resource_type_field_name=None,
    )
)
class PublicAgendaItemField(serializers.Field):
    def to_representation(self, value):
        shape = WithheldAgendaItemSerializer if value["confidential"] else OpenAgendaItemSerializer
        return shape(value).data


class PublicDecisionSerializer(serializers.Serializer):
    number = serializers.IntegerField(help_text="Its number in the partnership's decision log.")
    text = serializers.CharField()
    method = serializers.CharField(help_text="consensus or vote")
    outcome = serializers.CharField(help_text="agreed, carried or lost")
    votes_for = serializers.IntegerField()
    votes_against = serializers.IntegerField()
    abstentions = serializers.IntegerField()


class PublicMinuteItemSerializer(serializers.Serializer):
    """An item of the public summary; items taken in private are left out altogether."""

    position = serializers.IntegerField()
    title = serializers.CharField()
    discussion = serializers.CharField(help_text="The minute of the item, as sanitised HTML.")
    decisions = PublicDecisionSerializer(many=True)


class PublishedMinutesSerializer(serializers.Serializer):
    confirmed_on = serializers.DateField(help_text="When the board confirmed them as a true record.")
    items = PublicMinuteItemSerializer(many=True)


class PublishedMeetingSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    title = serializers.CharField()
    group = serializers.CharField()
    date = serializers.DateField()
    start_time = serializers.TimeField()
    end_time = serializers.TimeField(allow_null=True)
    place = serializers.CharField()
    webcast_link = serializers.URLField()
    status = serializers.CharField()
    agenda_circulated_at = serializers.DateTimeField(help_text="When the agenda was published.")
    url = serializers.URLField(help_text="The meeting's page on the public site.")
    agenda_items = serializers.ListField(child=PublicAgendaItemField())
    minutes = PublishedMinutesSerializer(
        allow_null=True, help_text="The public summary of the minutes; null until confirmed at a later meeting."
    )


class PublicView:
    authentication_classes = []
    permission_classes = [AllowAny]

    def get_partnership(self) -> Partnership:
        return public_partnership_or_404(self.kwargs["slug"])


class PublishedMeetingsView(PublicView, ListAPIView):
    """A partnership's published meetings (held in public, agenda circulated), with their
    agendas; a confidential item shows only its place and the reason it is exempt. Minutes
    confirmed at a later meeting come as their public summary, without confidential items."""

    serializer_class = PublishedMeetingSerializer
    queryset = Meeting.objects.none()  # for the schema only: list() reads through the selectors

    def list(self, request, *args, **kwargs):
        partnership = self.get_partnership()
        page = self.paginate_queryset(selectors.published_meetings(partnership))
        agendas = selectors.public_agendas([meeting["id"] for meeting in page])
        # Confirming minutes closes their meeting: only closed meetings can have them published.
        closed = [meeting["id"] for meeting in page if meeting["status"] == MeetingStatus.CLOSED]
        minutes = selectors.published_minute_summaries(closed)
        for meeting in page:
            meeting["agenda_items"] = agendas.get(meeting["id"], [])
            meeting["minutes"] = minutes.get(meeting["id"])
            meeting["url"] = calendar_feed.public_meeting_url(partnership.slug, meeting["id"])
        return self.get_paginated_response(self.get_serializer(page, many=True).data)


class ICalendarRenderer(BaseRenderer):
    media_type = "text/calendar"
    format = "ics"
    charset = "utf-8"

    def render(self, data, accepted_media_type=None, renderer_context=None):
        return data


class PublicMeetingsCalendarView(PublicView, APIView):
    renderer_classes = [ICalendarRenderer]

    @extend_schema(
        operation_id="public_partnerships_meetings_calendar",
        responses={
            (200, "text/calendar"): OpenApiResponse(OpenApiTypes.BINARY, description="An iCalendar (RFC 5545) file."),
            404: OpenApiResponse(description="No partnership has this slug."),
        },
        description=(
            "The partnership's public meetings as iCalendar: each published meeting with the public "
            "lines of its agenda, and each planned one with its title, time and place. One event per "
            "meeting, with a UID that never changes, so a subscribed calendar follows it when it moves."
        ),
    )
    def get(self, request, slug):
        partnership = self.get_partnership()
        body = selectors.public_calendar(partnership)
        return Response(
            body,
            content_type="text/calendar; charset=utf-8",
            headers={"Content-Disposition": f'inline; filename="{partnership.slug}-meetings.ics"'},
        )

    def handle_exception(self, exc):
        # An error is told in JSON, as everywhere in the API, not as a calendar.
        self.request.accepted_renderer, self.request.accepted_media_type = JSONRenderer(), JSONRenderer.media_type
        return super().handle_exception(exc)
