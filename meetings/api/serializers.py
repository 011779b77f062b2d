"""The shapes of API.md for meetings and agenda items. Serializers check the form of the input;
every rule of the terms of reference is the service's, called from create() and update()."""

from rest_framework import serializers

from partnership.api.base import VisibleRelatedField
from partnership.api.serializers import RegisterSerializer
from partnership.models import Member, Partnership

from .. import services
from ..models import AgendaItem, Meeting


class MeetingSerializer(RegisterSerializer):
    partnership = VisibleRelatedField(queryset=Partnership.objects.all(), partnership_path="")
    presiding_member = VisibleRelatedField(
        queryset=Member.objects.all(),
        required=False,
        allow_null=True,
        help_text="Who presides when the chair is absent (ToR 5.4): one of the partnership's active members.",
    )
    agenda_due = serializers.DateField(
        read_only=True, help_text="The last day the agenda can go out on time, in working days (ToR 5.7)."
    )
    minutes_due = serializers.DateField(
        read_only=True, help_text="The last day the minutes can be circulated on time, in working days (ToR 5.8)."
    )

    class Meta:
        model = Meeting
        fields = [
            "id",
            "partnership",
            "title",
            "group",
            "date",
            "start_time",
            "end_time",
            "place",
            "online_link",
            "webcast_link",
            "is_public",
            "presiding_member",
            "agenda_due",
            "minutes_due",
            "agenda_agreed_at",
            "agenda_circulated_at",
            "agenda_circulated_late",
            "status",
        ]
        read_only_fields = ["agenda_agreed_at", "agenda_circulated_at", "agenda_circulated_late", "status"]

    def create(self, validated_data):
        return services.schedule_meeting(**validated_data)

    def update(self, instance, validated_data):
        return services.reschedule_meeting(meeting=instance, **validated_data)


class MeetingUpdateSerializer(MeetingSerializer):
    """A meeting stays in its partnership."""

    partnership = serializers.PrimaryKeyRelatedField(read_only=True)


class AgendaItemSerializer(RegisterSerializer):
    """An item of an agenda. Its place changes through `meetings/{id}/reorder/`."""

    meeting = VisibleRelatedField(queryset=Meeting.objects.select_related("partnership"))

    class Meta:
        model = AgendaItem
        fields = [
            "id",
            "meeting",
            "position",
            "title",
            "purpose",
            "description",
            "presenter",
            "leading_partners",
            "is_confidential",
            "confidential_reason",
            "is_late",
            "late_reason",
            "chair_accepted",
            "standing",
        ]
        read_only_fields = ["position", "is_late", "chair_accepted", "standing"]
        extra_kwargs = {
            "confidential_reason": {"help_text": "Why a confidential item is exempt from publication."},
            "late_reason": {"help_text": "Why an item added after the agenda went out cannot wait (ToR 5.7)."},
        }

    def create(self, validated_data):
        return services.add_agenda_item(**validated_data)

    def update(self, instance, validated_data):
        return services.update_agenda_item(item=instance, **validated_data)


class AgendaItemUpdateSerializer(AgendaItemSerializer):
    """An item stays on its meeting's agenda."""

    meeting = serializers.PrimaryKeyRelatedField(read_only=True)


class ReorderSerializer(serializers.Serializer):
    item_ids = serializers.ListField(
        child=serializers.IntegerField(), help_text="Every item of the agenda, once each, in the new order."
    )
