"""The site administrators' view of the conduct records. Breaches of the Code are not here at
all: they are confidential to the partnership's secretariat and chair, not even a site
administrator (governance/rules.py), so neither the breach nor its history is registered. The
notifications' list leaves out the emails sent to residents who subscribed: their addresses are
nobody's to read, the site administrators' included (governance/selectors_subscriptions.py)."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from partnership.admin import NotificationAdmin, ReadOnlyAdmin
from partnership.models import Notification

from .models import Acknowledgement, ConductDocument
from .models_registers import GiftOrHospitality, InterestRegisterConfirmation, RegisteredInterest
from .selectors_subscriptions import to_members_only


class MembersNotificationAdmin(NotificationAdmin):
    """Partnership's list of what was sent, without any email to a subscribed resident."""

    def get_queryset(self, request):
        return to_members_only(super().get_queryset(request))


admin.site.unregister(Notification)
admin.site.register(Notification, MembersNotificationAdmin)


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
class RegisteredInterestAdmin(ReadOnlyAdmin):
    """Read only: a person keeps their own register through the services, which the admin would
    bypass."""

    list_display = ["person", "category", "description", "registered_on", "ended_on"]
    list_filter = ["category"]
    list_select_related = ["person"]
    search_fields = ["person__name", "description", "organisation"]
    date_hierarchy = "registered_on"


@admin.register(InterestRegisterConfirmation)
class InterestRegisterConfirmationAdmin(ReadOnlyAdmin):
    """Read only: a person confirms their own register through confirm_interests_up_to_date."""

    list_display = ["person", "confirmed_at"]
    list_select_related = ["person"]
    search_fields = ["person__name"]
    date_hierarchy = "confirmed_at"


@admin.register(GiftOrHospitality)
class GiftOrHospitalityAdmin(ReadOnlyAdmin):
    """Read only: a person records the offers made to them through record_gift_or_hospitality."""

    list_display = ["person", "partnership", "kind", "offered_by", "estimated_value", "offered_on", "accepted"]
    list_filter = ["partnership", "kind", "accepted", "registered_with_body"]
    list_select_related = ["person", "partnership"]
    search_fields = ["person__name", "offered_by", "description"]
    date_hierarchy = "offered_on"
