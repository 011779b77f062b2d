"""The meeting's record through the API: attendance (ToR 3.2), declarations of interest
(ToR 7) and the decision log (ToR 5.6). Serializers check the form of the input; every rule is
the service's, who may do what is meetings/rules.py's, and a refusal is said in access.py's words.

Attendance is one row per member and meeting, so `POST attendance/` for a member who already
has a row for the meeting updates that row (answered 200 rather than 201): a system can send
the whole register without first looking up which rows exist."""

from dataclasses import dataclass

from django.shortcuts import get_object_or_404
from django.utils import timezone
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import mixins, serializers, status
from rest_framework.decorators import action
from rest_framework.exceptions import PermissionDenied
from rest_framework.response import Response

from actionplans.access import REFUSALS as PLAN_REFUSALS
from actionplans.models import Action
from partnership.api.base import QueryFilter, VisibleRelatedField, visible_partnerships
from partnership.api.serializers import RegisterSerializer
from partnership.api.views import BY_PARTNERSHIP
from partnership.models import Member

from .. import services
from ..access import REFUSALS
from ..models import (
    AgendaItem,
    Attendance,
    AttendanceStatus,
    Decision,
    DecisionMethod,
    Declaration,
    InterestKind,
    Meeting,
    Outcome,
)
from .views import MeetingsViewSet

RECORD_MEETING = "meetings.record_meeting"
KEEP_ACTIONS = "actionplans.manage_plans"  # actions arising are plan records, kept by the secretariat
RECORD_DECLARATIONS = "meetings.record_declarations"
DECLARE_OWN_INTEREST = "meetings.declare_own_interest"
ONLY_MEMBERS = "A member of the partnership, by its id in members/."


def asked_of_meeting(perm: str) -> tuple[str, str]:
    """An entry of `meeting_actions`: the permission, and access.py's refusal for it."""
    return perm, REFUSALS[perm]


class RecordViewSet(MeetingsViewSet):
    """Rows of a meeting's record: a change is asked of the meeting, not of its partnership."""

    def require(self, perm: str, target) -> None:
        if not self.request.user.has_perm(perm, target):
            raise PermissionDenied(REFUSALS[perm])

    def create_answer(self, serializer, *, existed: bool) -> Response:
        """201 for a new row, 200 when the service found the row already there and updated it."""
        serializer.save()
        return Response(serializer.data, status=status.HTTP_200_OK if existed else status.HTTP_201_CREATED)


@dataclass(frozen=True)
class ContainsFilter(QueryFilter):
    """`?name=words` keeps the rows whose `lookup` contains the words, in any case."""

    kind: type = str

    def parse(self, raw: str):
        return serializers.CharField().run_validation(raw)


# Attendance.


class AttendanceSerializer(RegisterSerializer):
    meeting = VisibleRelatedField(queryset=Meeting.objects.select_related("partnership"))
    member = VisibleRelatedField(queryset=Member.objects.select_related("person"), help_text=ONLY_MEMBERS)

    class Meta:
        model = Attendance
        fields = ["id", "meeting", "member", "status", "substitute_name"]
        validators = []  # one row per member and meeting: posting again updates the row
        extra_kwargs = {
            "substitute_name": {"help_text": "Who attended in the member's place, when status is substitute."}
        }

    def create(self, validated_data):
        return services.record_attendance(**validated_data)

    def update(self, instance, validated_data):
        return services.record_attendance(
            meeting=instance.meeting,
            member=instance.member,
            status=validated_data.get("status", instance.status),
            substitute_name=validated_data.get("substitute_name", instance.substitute_name),
        )


class AttendanceUpdateSerializer(AttendanceSerializer):
    """A row stays the member's row for its meeting; only what happened changes."""

    meeting = serializers.PrimaryKeyRelatedField(read_only=True)
    member = serializers.PrimaryKeyRelatedField(read_only=True)


class AttendanceViewSet(RecordViewSet):
    """Who attended each meeting: present, apologies, absent, or represented by a named
    substitute (ToR 3.2). Recorded by the secretariat; apologies may be sent ahead, the rest
    once the meeting has taken place."""

    queryset = Attendance.objects.select_related("meeting__partnership", "member__person")
    serializer_class = AttendanceSerializer
    update_serializer_class = AttendanceUpdateSerializer
    partnership_path = "meeting__partnership"
    query_filters = (
        QueryFilter("meeting", "meeting_id", description="Only this meeting's attendance."),
        QueryFilter("member", "member_id", description="Only this member's attendance."),
        QueryFilter(
            "status", "status", kind=str, choices=tuple(AttendanceStatus.values), description="Only this status."
        ),
    )
    meeting_actions = {
        "update": asked_of_meeting(RECORD_MEETING),
        "partial_update": asked_of_meeting(RECORD_MEETING),
    }

    def meeting_of(self, obj):
        return obj.meeting

    @extend_schema(
        responses={200: AttendanceSerializer, 201: AttendanceSerializer},
        description="Record a member's attendance (secretariat only). A member already recorded for the "
        "meeting has their row updated, answered 200; a new row is answered 201.",
    )
    def create(self, request, *args, **kwargs):
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        meeting, member = serializer.validated_data["meeting"], serializer.validated_data["member"]
        self.require(RECORD_MEETING, meeting)
        existed = Attendance.objects.filter(meeting=meeting, member=member).exists()
        return self.create_answer(serializer, existed=existed)


# Declarations of interest.


class DeclarationSerializer(RegisterSerializer):
    agenda_item = VisibleRelatedField(
        queryset=AgendaItem.objects.select_related("meeting__partnership", "meeting__presiding_member__person"),
        partnership_path="meeting__partnership",
        help_text="The item the interest is in; the declaration's meeting is the item's.",
    )
    member = VisibleRelatedField(
        queryset=Member.objects.select_related("person"),
        help_text="Who has the interest. A member declares their own; the secretariat or the chair records "
        "any member's.",
    )

    class Meta:
        model = Declaration
        fields = [
            "id",
            "meeting",
            "agenda_item",
            "member",
            "kind",
            "category",
            "nature",
            "participation_agreed",
            "participation_reason",
            "declared_at",
        ]
        read_only_fields = ["meeting", "participation_agreed", "declared_at"]
        validators = []  # one declaration per item and member is the service's rule, with its message
        extra_kwargs = {
            "participation_reason": {
                "help_text": "With a prejudicial interest: why the board agreed the member may still take part "
                "(ToR 7). Left empty, the member withdraws from the item."
            },
        }

    def create(self, validated_data):
        return services.declare_interest(**validated_data, by=self.context["request"].user, now=timezone.now())


class ParticipationSerializer(serializers.Serializer):
    reason = serializers.CharField(help_text="Why the board agreed the member may take part despite the interest.")


class DeclarationViewSet(mixins.DestroyModelMixin, RecordViewSet):
    """Interests declared in agenda items, at or before the start of the item (ToR 7). A member
    declares their own; the secretariat or the chair records anyone's. A declaration made in
    error is deleted (its history keeps it) while the record is open."""

    queryset = Declaration.objects.select_related("meeting__partnership", "meeting__presiding_member__person")
    serializer_class = DeclarationSerializer
    partnership_path = "meeting__partnership"
    http_method_names = ["get", "post", "delete", "head", "options"]
    query_filters = (
        QueryFilter("meeting", "meeting_id", description="Only this meeting's declarations."),
        QueryFilter("agenda_item", "agenda_item_id", description="Only this item's declarations."),
        QueryFilter("member", "member_id", description="Only this member's declarations."),
        QueryFilter(
            "kind", "kind", kind=str, choices=tuple(InterestKind.values), description="personal or prejudicial"
        ),
    )
    meeting_actions = {
        "destroy": asked_of_meeting(RECORD_DECLARATIONS),
        "agree_participation": asked_of_meeting(RECORD_DECLARATIONS),
    }

    def meeting_of(self, obj):
        return obj.meeting

    def perform_create(self, serializer):
        meeting = serializer.validated_data["agenda_item"].meeting
        declarant = serializer.validated_data["member"]
        user = self.request.user
        own = declarant.person.user_id == user.pk and user.has_perm(DECLARE_OWN_INTEREST, meeting)
        if not own:
            self.require(RECORD_DECLARATIONS, meeting)
        serializer.save()

    def perform_destroy(self, instance):
        services.withdraw_declaration(declaration=instance)

    @extend_schema(
        request=ParticipationSerializer,
        responses=DeclarationSerializer,
        description="Record that the board agreed a member with a prejudicial interest may take part in the "
        "item, and why (ToR 7); the secretariat or the chair records it.",
    )
    @action(detail=True, methods=["post"], url_path="agree-participation")
    def agree_participation(self, request, pk=None):
        declaration = self.get_object()
        body = ParticipationSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        declaration = services.agree_participation(declaration=declaration, reason=body.validated_data["reason"])
        return Response(self.get_serializer(declaration).data)


# Decisions.


class DecisionSerializer(RegisterSerializer):
    agenda_item = VisibleRelatedField(
        queryset=AgendaItem.objects.select_related("meeting__partnership"),
        partnership_path="meeting__partnership",
        allow_null=True,
        help_text="The item it was decided on; null for a decision taken in writing.",
    )
    voters = VisibleRelatedField(
        queryset=Member.objects.select_related("person"),
        many=True,
        required=False,
        help_text="For a vote: the members who voted, as many as the votes counted. A member with a "
        "prejudicial interest in the item is never one (ToR 7).",
    )
    taken_in_writing = serializers.BooleanField(read_only=True)
    actions = serializers.PrimaryKeyRelatedField(
        many=True,
        read_only=True,
        help_text="The actions in actions/ the decision gave rise to; linked with POST decisions/{id}/actions/.",
    )

    class Meta:
        model = Decision
        fields = [
            "id",
            "number",
            "partnership",
            "agenda_item",
            "written_proposal",
            "taken_in_writing",
            "decided_on",
            "text",
            "method",
            "votes_for",
            "votes_against",
            "abstentions",
            "voters",
            "outcome",
            "actions",
        ]
        read_only_fields = ["number", "partnership", "written_proposal", "decided_on", "outcome"]
        validators = []
        extra_kwargs = {
            "outcome": {
                "help_text": "agreed (by consensus), or carried or lost by simple majority of the votes "
                "cast; a tie is lost (ToR 5.6)."
            },
        }

    def validate_agenda_item(self, item):
        if item is None:
            raise serializers.ValidationError(
                "Say which agenda item it was decided on; a decision in writing is the members' responses."
            )
        return item

    def create(self, validated_data):
        return services.record_decision(**validated_data)

    def update(self, instance, validated_data):
        current = {
            "text": instance.text,
            "method": instance.method,
            "votes_for": instance.votes_for,
            "votes_against": instance.votes_against,
            "abstentions": instance.abstentions,
            "voters": instance.voters.all(),
        }
        return services.correct_decision(decision=instance, **{**current, **validated_data})


class DecisionUpdateSerializer(DecisionSerializer):
    """A decision stays with its item and its number; the rest is corrected."""

    agenda_item = serializers.PrimaryKeyRelatedField(read_only=True, allow_null=True)


class ActionLinkSerializer(serializers.Serializer):
    action = VisibleRelatedField(
        queryset=Action.objects.select_related("plan"),
        partnership_path="plan__partnership",
        help_text="An action on one of the decision's partnership's plans, by its id in actions/.",
    )


class DecisionViewSet(RecordViewSet):
    """The partnership's numbered decision log: decisions at meetings, by consensus or by a vote
    decided by simple majority of the votes cast (ToR 5.6), and decisions taken in writing.
    The secretariat records and corrects decisions made at meetings."""

    queryset = Decision.objects.select_related(
        "partnership", "agenda_item__meeting__partnership", "agenda_item__meeting__presiding_member__person"
    ).prefetch_related("voters", "actions")
    serializer_class = DecisionSerializer
    update_serializer_class = DecisionUpdateSerializer
    view_permission = "meetings.view_decision_log"
    query_filters = (
        BY_PARTNERSHIP,
        QueryFilter("meeting", "agenda_item__meeting_id", description="Only decisions taken at this meeting."),
        QueryFilter("agenda_item", "agenda_item_id", description="Only decisions on this item."),
        QueryFilter("outcome", "outcome", kind=str, choices=tuple(Outcome.values), description="Only this outcome."),
        QueryFilter(
            "method", "method", kind=str, choices=tuple(DecisionMethod.values), description="consensus or vote"
        ),
        ContainsFilter("search", "text__icontains", description="Only decisions whose words contain this."),
    )
    meeting_actions = {
        "update": asked_of_meeting(RECORD_MEETING),
        "partial_update": asked_of_meeting(RECORD_MEETING),
    }

    def meeting_of(self, obj):
        return obj.agenda_item.meeting

    def partnership_of(self, obj):
        return obj.partnership

    def change_permission(self, obj):
        if self.action in ("link_action", "unlink_action"):
            return KEEP_ACTIONS, obj.partnership, PLAN_REFUSALS[KEEP_ACTIONS]
        if obj.agenda_item is None:
            # Taken in writing: the secretariat is told by the service why it cannot be corrected here.
            return self.manage_permission, obj.partnership, self.manage_refusal
        return super().change_permission(obj)

    def perform_create(self, serializer):
        self.require(RECORD_MEETING, serializer.validated_data["agenda_item"].meeting)
        serializer.save()

    def _answer(self, decision: Decision, status_code: int = status.HTTP_200_OK) -> Response:
        fresh = self.get_queryset().get(pk=decision.pk)
        return Response(self.get_serializer(fresh).data, status=status_code)

    @extend_schema(
        request=ActionLinkSerializer,
        responses={201: DecisionSerializer},
        description="Record that an action on one of the partnership's plans arose from the decision (the "
        "secretariat only). Refused when the decision was lost or the action is already linked. Open to "
        "changes after the minutes are approved: the actions are plan records, not the minutes.",
    )
    @action(detail=True, methods=["post"], url_path="actions")
    def link_action(self, request, pk=None):
        decision = self.get_object()
        body = ActionLinkSerializer(data=request.data, context=self.get_serializer_context())
        body.is_valid(raise_exception=True)
        services.link_action(decision=decision, action=body.validated_data["action"], by=request.user)
        return self._answer(decision, status.HTTP_201_CREATED)

    @extend_schema(
        request=None,
        responses={
            200: DecisionSerializer,
            404: OpenApiResponse(description="No such decision or action that the caller may read."),
        },
        description="The action is no longer listed as arising from the decision (the secretariat only); it "
        "stays on its plan.",
    )
    @action(detail=True, methods=["delete"], url_path=r"actions/(?P<action_id>[0-9]+)")
    def unlink_action(self, request, pk=None, action_id=None):
        decision = self.get_object()
        linked = get_object_or_404(Action, pk=action_id, plan__partnership__in=visible_partnerships(request.user))
        services.unlink_action(decision=decision, action=linked, by=request.user)
        return self._answer(decision)
