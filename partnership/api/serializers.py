"""The shapes of API.md. Serializers check the form of the input (types, required fields,
that a referenced row is one the caller can see); every rule of the terms of reference is
checked by the service each create() and update() calls, never here."""

from django.db import models
from rest_framework import serializers
from rest_framework.fields import empty

from .. import services
from ..models import Member, NominatingBody, Office, Partnership, Person
from .base import VisibleRelatedField


class UnsetWhenAbsentBooleanField(serializers.BooleanField):
    """A flag left out of a form-encoded request is left unset, as in JSON. (DRF reads it as
    false, which would seat a new member as inactive, or unseat one on PUT.)"""

    default_empty_html = empty


class RegisterSerializer(serializers.ModelSerializer):
    serializer_field_mapping = {
        **serializers.ModelSerializer.serializer_field_mapping,
        models.BooleanField: UnsetWhenAbsentBooleanField,
    }


class PartnershipSerializer(RegisterSerializer):
    class Meta:
        model = Partnership
        fields = [
            "id",
            "slug",
            "name",
            "nation",
            "secretariat_email",
            "aim",
            "objectives",
            "agenda_notice_working_days",
            "minutes_working_days",
            "chair_term_years",
            "min_meetings_per_year",
            "min_public_meetings_per_year",
            "withdrawal_notice_months",
            "count_clear_days",
            "quorum",
            "absence_threshold",
        ]


class PartnershipUpdateSerializer(PartnershipSerializer):
    """Once the partnership exists its slug, part of its web addresses, stays as it is."""

    class Meta(PartnershipSerializer.Meta):
        read_only_fields = ["slug"]


class NominatingBodySerializer(RegisterSerializer):
    partnership = VisibleRelatedField(queryset=Partnership.objects.all(), partnership_path="")

    class Meta:
        model = NominatingBody
        fields = ["id", "partnership", "name", "seats", "is_responsible_authority"]
        validators = []  # the service checks names per partnership, in its own words

    def create(self, validated_data):
        validated_data.setdefault("seats", NominatingBody._meta.get_field("seats").get_default())
        return services.save_nominating_body(**validated_data)

    def update(self, instance, validated_data):
        return services.save_nominating_body(
            partnership=instance.partnership,
            body=instance,
            name=validated_data.get("name", instance.name),
            seats=validated_data.get("seats", instance.seats),
            is_responsible_authority=validated_data.get("is_responsible_authority", instance.is_responsible_authority),
        )


class NominatingBodyUpdateSerializer(NominatingBodySerializer):
    """A body stays in its partnership."""

    partnership = serializers.PrimaryKeyRelatedField(read_only=True)


class MemberSerializer(RegisterSerializer):
    """A seat. `name` and `email` are the person's; when `person` is not given, the person is
    found by email or created, so one individual keeps one record across partnerships."""

    nominating_body = VisibleRelatedField(queryset=NominatingBody.objects.select_related("partnership"))
    person = VisibleRelatedField(
        queryset=Person.objects.all(),
        partnership_path="seats__partnership",
        required=False,
        help_text="The individual, when they already hold a seat you can see; otherwise give name and email.",
    )
    name = serializers.CharField(max_length=200, required=False)
    email = serializers.EmailField(max_length=254, required=False)

    class Meta:
        model = Member
        fields = [
            "id",
            "partnership",
            "nominating_body",
            "person",
            "name",
            "email",
            "role_in_body",
            "is_senior",
            "is_elected_member",
            "is_designated_liaison_officer",
            "active",
        ]
        read_only_fields = ["partnership"]
        validators = []  # one seat per person is the service's rule, with its message

    def create(self, validated_data):
        return services.add_member(**validated_data)

    def update(self, instance, validated_data):
        return services.update_member(member=instance, by=self.context["request"].user, **validated_data)


class MemberUpdateSerializer(MemberSerializer):
    """A seat stays with its person; name and email change the person's record."""

    person = serializers.PrimaryKeyRelatedField(read_only=True)


class OfficeSerializer(RegisterSerializer):
    """A term as chair or vice chair; without `ends_on` it runs the full term."""

    partnership = VisibleRelatedField(queryset=Partnership.objects.all(), partnership_path="")
    member = VisibleRelatedField(queryset=Member.objects.select_related("person", "nominating_body"))

    class Meta:
        model = Office
        fields = ["id", "partnership", "member", "role", "starts_on", "ends_on"]
        extra_kwargs = {"ends_on": {"required": False, "help_text": "Leave out for a full term."}}
        validators = []  # one holder at a time is the service's rule, with its message

    def create(self, validated_data):
        return services.appoint_to_office(**validated_data)

    def update(self, instance, validated_data):
        return services.change_office_term(
            office=instance,
            starts_on=validated_data.get("starts_on", instance.starts_on),
            ends_on=validated_data.get("ends_on", instance.ends_on),
        )


class OfficeTermSerializer(OfficeSerializer):
    """Only a term's dates change (ending it early, or correcting it); a new holder or role is
    a new appointment."""

    partnership = serializers.PrimaryKeyRelatedField(read_only=True)
    member = serializers.PrimaryKeyRelatedField(read_only=True)

    class Meta(OfficeSerializer.Meta):
        read_only_fields = ["role"]
