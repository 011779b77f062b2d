from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import Acknowledgement, ConductDocument
from .models_registers import ConductBreach, GiftOrHospitality, InterestRegisterConfirmation, RegisteredInterest


@admin.register(ConductDocument)
class ConductDocumentAdmin(SimpleHistoryAdmin):
    list_display = ["title", "version", "kind", "partnership", "in_force_from"]
    list_filter = ["partnership", "kind"]
    list_select_related = ["partnership"]
    search_fields = ["title", "text"]
    date_hierarchy = "in_force_from"


@admin.register(Acknowledgement)
class AcknowledgementAdmin(SimpleHistoryAdmin):
    """Read only: a member acknowledges through acknowledge_conduct_documents, never by hand."""

    list_display = ["person", "document", "acknowledged_at"]
    list_filter = ["document__partnership", "document__kind"]
    list_select_related = ["person", "document"]
    search_fields = ["person__name", "document__title"]
    date_hierarchy = "acknowledged_at"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(RegisteredInterest)
class RegisteredInterestAdmin(SimpleHistoryAdmin):
    list_display = ["person", "category", "description", "registered_on", "ended_on"]
    list_filter = ["category"]
    list_select_related = ["person"]
    search_fields = ["person__name", "description", "organisation"]
    date_hierarchy = "registered_on"


@admin.register(InterestRegisterConfirmation)
class InterestRegisterConfirmationAdmin(SimpleHistoryAdmin):
    """Read only: a person confirms their own register through confirm_interests_up_to_date."""

    list_display = ["person", "confirmed_at"]
    list_select_related = ["person"]
    search_fields = ["person__name"]
    date_hierarchy = "confirmed_at"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(GiftOrHospitality)
class GiftOrHospitalityAdmin(SimpleHistoryAdmin):
    list_display = ["person", "partnership", "kind", "offered_by", "estimated_value", "offered_on", "accepted"]
    list_filter = ["partnership", "kind", "accepted", "registered_with_body"]
    list_select_related = ["person", "partnership"]
    search_fields = ["person__name", "offered_by", "description"]
    date_hierarchy = "offered_on"


@admin.register(ConductBreach)
class ConductBreachAdmin(SimpleHistoryAdmin):
    """Read only: withdrawal and resolution are the chair's, through the services, which also
    set the member's withdrawal from partnership business."""

    list_display = ["member", "partnership", "reported_on", "status", "withdrawal_required_at", "resolved_on"]
    list_filter = ["partnership", "status"]
    list_select_related = ["member__person", "member__nominating_body", "partnership"]
    search_fields = ["member__person__name", "description"]
    date_hierarchy = "reported_on"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
