"""The shapes of API.md for action plans. Serializers check the form of the input; every rule
is the service's, called from create() and update()."""

from django.db import transaction
from rest_framework import serializers

from partnership.api.base import VisibleRelatedField
from partnership.api.serializers import RegisterSerializer
from partnership.models import Member, NominatingBody, Partnership

from .. import services
from ..models import Action, ActionPlan, Milestone, MilestoneStatus, Section

DUE_FIELDS = ("due", "is_ongoing", "due_text")


STATUS_HELP = (
    "not_started, on_track, at_risk or done; overdue (past its due date and not done) is worked out, and cannot be set."
)


class MilestoneStatusField(serializers.ChoiceField):
    """All five statuses, so the schema lists overdue, which is read (MilestoneStatusEnum, named
    in ENUM_NAME_OVERRIDES); the service refuses overdue when it is written, in its own words."""

    def __init__(self, **kwargs):
        super().__init__(
            choices=MilestoneStatus.choices,
            help_text=STATUS_HELP,
            error_messages={"invalid_choice": "Record the status as not started, on track, at risk or done."},
            **kwargs,
        )


class ActionPlanSerializer(RegisterSerializer):
    partnership = VisibleRelatedField(queryset=Partnership.objects.all(), partnership_path="")

    class Meta:
        model = ActionPlan
        fields = ["id", "partnership", "title", "description", "starts_on", "ends_on"]
        validators = []  # a title already used is the service's to refuse, in its words

    def create(self, validated_data):
        return services.create_plan(**validated_data)

    def update(self, instance, validated_data):
        return services.update_plan(plan=instance, **validated_data)


class ActionPlanUpdateSerializer(ActionPlanSerializer):
    """A plan stays in its partnership."""

    partnership = serializers.PrimaryKeyRelatedField(read_only=True)


class ImportSerializer(serializers.Serializer):
    file = serializers.FileField(
        allow_empty_file=True,  # refused by the reader, in its words
        help_text="The plan as a CSV file or an Excel workbook (.xlsx), with a header row.",
    )


class RefusedRowSerializer(serializers.Serializer):
    row = serializers.IntegerField(help_text="The row's number, as the spreadsheet numbers it.")
    reason = serializers.CharField()


class ImportResultSerializer(serializers.Serializer):
    created = serializers.IntegerField(help_text="How many actions were created.")
    sections = serializers.IntegerField(help_text="How many sections were created.")
    flagged = serializers.IntegerField(help_text="How many actions have a date the secretariat should set.")
    milestones = serializers.IntegerField(help_text="How many milestones were created, from the milestone column.")
    linked = serializers.IntegerField(
        help_text="How many actions were linked to the member or nominating body their owner names."
    )
    refused = RefusedRowSerializer(many=True, help_text="Every row not imported, with why.")


class ActionSerializer(RegisterSerializer):
    plan = VisibleRelatedField(queryset=ActionPlan.objects.select_related("partnership"))
    section = VisibleRelatedField(
        queryset=Section.objects.all(), partnership_path="plan__partnership", required=False, allow_null=True
    )
    owner_member = VisibleRelatedField(
        queryset=Member.objects.all(),
        required=False,
        allow_null=True,
        help_text="The member responsible, when the owner is one of the partnership's members.",
    )
    owner_body = VisibleRelatedField(
        queryset=NominatingBody.objects.all(),
        required=False,
        allow_null=True,
        help_text="The nominating body responsible, when the owner is one.",
    )

    class Meta:
        model = Action
        fields = [
            "id",
            "plan",
            "section",
            "position",
            "reference",
            "title",
            "method",
            "owner",
            "owner_member",
            "owner_body",
            "resources",
            "outcomes",
            "evaluation",
            "wp_reference",
            "milestone_text",
            "due",
            "due_text",
            "is_ongoing",
            "due_needs_checking",
        ]
        read_only_fields = ["position", "due_needs_checking"]
        extra_kwargs = {
            "due": {"help_text": 'The date it is due by; none when ongoing. "April 2007" is read as 30 April 2007.'},
            "due_needs_checking": {
                "help_text": "The words of `due_text` could not be read as a date: the secretariat should set one."
            },
        }

    def create(self, validated_data):
        return services.add_action(**validated_data)

    def update(self, instance, validated_data):
        """A new date, or "ongoing", settles when the action is due and clears the importer's flag."""
        due = {name: validated_data.pop(name) for name in DUE_FIELDS if name in validated_data}
        with transaction.atomic():
            action = services.update_action(action=instance, **validated_data) if validated_data else instance
            is_ongoing = due.get("is_ongoing", False)
            new_due = due.get("due", None if is_ongoing else instance.due)
            changed = (new_due, is_ongoing) != (instance.due, instance.is_ongoing)
            if ("due" in due or "is_ongoing" in due) and changed:
                action = services.set_action_due(
                    action=action, due=new_due, is_ongoing=is_ongoing, due_text=due.get("due_text")
                )
            elif "due_text" in due:
                action = services.update_action(action=action, due_text=due["due_text"])
        return action


class ActionUpdateSerializer(ActionSerializer):
    """An action stays on its plan."""

    plan = serializers.PrimaryKeyRelatedField(read_only=True)


class MilestoneSerializer(RegisterSerializer):
    action = VisibleRelatedField(
        queryset=Action.objects.select_related("plan__partnership"), partnership_path="plan__partnership"
    )
    status = MilestoneStatusField(default=MilestoneStatus.NOT_STARTED)

    class Meta:
        model = Milestone
        fields = ["id", "action", "title", "due", "status", "completed_on"]
        extra_kwargs = {"completed_on": {"help_text": "The day a done milestone was done; today unless given."}}

    def to_representation(self, instance):
        data = super().to_representation(instance)
        data["status"] = instance.current_status
        return data

    def create(self, validated_data):
        return services.add_milestone(**validated_data)

    def update(self, instance, validated_data):
        return services.update_milestone(milestone=instance, **validated_data)


class MilestoneUpdateSerializer(MilestoneSerializer):
    """A milestone stays under its action."""

    action = serializers.PrimaryKeyRelatedField(read_only=True)
    status = MilestoneStatusField(required=False)
