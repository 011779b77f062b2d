from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import Acknowledgement, ConductDocument


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
