"""The site administrators' view of the register. Every model keeps its history
(django-simple-history), shown on each record's "History" page."""

from django.contrib import admin
from django.contrib.admin.utils import unquote
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django_otp.plugins.otp_totp.admin import TOTPDeviceAdmin
from django_otp.plugins.otp_totp.models import TOTPDevice
from simple_history.admin import SimpleHistoryAdmin

from .audit import record_audit_event
from .models import (
    AuditEvent,
    AuditKind,
    Member,
    NominatingBody,
    Notification,
    Office,
    Partnership,
    Person,
    SecretariatMembership,
    Substitute,
    TermsOfReference,
    User,
    WithdrawalNotice,
)


class ReadOnly:
    """Shown, with its history, but changed only through the register's pages, whose services
    hold the rules of the terms of reference (the admin would bypass them)."""

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class ReadOnlyAdmin(ReadOnly, SimpleHistoryAdmin):
    pass


@admin.register(User)
class UserAdmin(SimpleHistoryAdmin, DjangoUserAdmin):
    def user_change_password(self, request, id, form_url=""):
        """Staff setting someone's password is recorded, and so told to its owner
        (accounts/security_notices.py), like a change on the account's own page."""
        response = super().user_change_password(request, id, form_url)
        if request.method == "POST" and response.status_code == 302:
            user = self.get_object(request, unquote(id))
            record_audit_event(
                kind=AuditKind.PASSWORD_CHANGED,
                request=request,
                user=user,
                detail=f"Set in the admin by {request.user}",
            )
        return response


admin.site.unregister(TOTPDevice)


@admin.register(TOTPDevice)
class RecordedTOTPDeviceAdmin(TOTPDeviceAdmin):
    """django-otp's admin (staff set up or remove someone's authenticator app, when a phone is
    lost), with each change recorded in the audit log and so told to the account's owner."""

    def save_model(self, request, obj, form, change):
        was_confirmed = change and TOTPDevice.objects.filter(pk=obj.pk, confirmed=True).exists()
        super().save_model(request, obj, form, change)
        if obj.confirmed and not was_confirmed:
            _record_device(request, obj, AuditKind.TWO_FACTOR_ENROLLED)

    def delete_model(self, request, obj):
        super().delete_model(request, obj)
        _record_device(request, obj, AuditKind.TWO_FACTOR_REMOVED)

    def delete_queryset(self, request, queryset):
        devices = list(queryset.select_related("user"))
        super().delete_queryset(request, queryset)
        for device in devices:
            _record_device(request, device, AuditKind.TWO_FACTOR_REMOVED)


def _record_device(request, device, kind) -> None:
    record_audit_event(kind=kind, request=request, user=device.user, detail=f"In the admin by {request.user}")


@admin.register(Partnership)
class PartnershipAdmin(SimpleHistoryAdmin):
    list_display = ["name", "slug", "nation", "secretariat_email"]
    search_fields = ["name", "slug"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(SecretariatMembership)
class SecretariatMembershipAdmin(SimpleHistoryAdmin):
    list_display = ["user", "partnership"]
    list_filter = ["partnership"]
    list_select_related = ["user", "partnership"]


@admin.register(TermsOfReference)
class TermsOfReferenceAdmin(ReadOnlyAdmin):
    list_display = ["version", "partnership", "adopted_on", "next_review_on"]
    list_filter = ["partnership"]
    list_select_related = ["partnership"]


@admin.register(NominatingBody)
class NominatingBodyAdmin(ReadOnlyAdmin):
    list_display = ["name", "partnership", "seats", "is_responsible_authority"]
    list_filter = ["partnership", "is_responsible_authority"]
    list_select_related = ["partnership"]
    search_fields = ["name"]


@admin.register(Person)
class PersonAdmin(ReadOnlyAdmin):
    list_display = ["name", "email", "user"]
    search_fields = ["name", "email"]
    list_select_related = ["user"]


class SubstituteInline(ReadOnly, admin.TabularInline):
    model = Substitute
    extra = 0


@admin.register(Member)
class MemberAdmin(ReadOnlyAdmin):
    list_display = ["person", "nominating_body", "partnership", "role_in_body", "active"]
    list_filter = ["partnership", "active", "is_elected_member", "is_designated_liaison_officer"]
    list_select_related = ["person", "nominating_body", "partnership"]
    search_fields = ["person__name", "person__email", "nominating_body__name"]
    inlines = [SubstituteInline]


@admin.register(Substitute)
class SubstituteAdmin(ReadOnlyAdmin):
    list_display = ["name", "member", "active"]
    list_select_related = ["member__person", "member__nominating_body"]
    search_fields = ["name", "email"]


@admin.register(Office)
class OfficeAdmin(ReadOnlyAdmin):
    list_display = ["role", "member", "partnership", "starts_on", "ends_on"]
    list_filter = ["partnership", "role"]
    list_select_related = ["member__person", "member__nominating_body", "partnership"]


@admin.register(WithdrawalNotice)
class WithdrawalNoticeAdmin(ReadOnlyAdmin):
    list_display = ["nominating_body", "given_on", "effective_on"]
    list_select_related = ["nominating_body"]


@admin.register(Notification)
class NotificationAdmin(ReadOnly, admin.ModelAdmin):
    """What was sent, to whom and when: a record, never edited (the outbox's delivery changes it)."""

    list_display = ["subject", "recipient_email", "partnership", "kind", "status", "created_at", "sent_at", "attempts"]
    list_filter = ["status", "kind", "partnership"]
    list_select_related = ["partnership"]
    search_fields = ["subject", "recipient_email", "recipient_name"]
    date_hierarchy = "created_at"

    def get_readonly_fields(self, request, obj=None):
        # Every field shown as text: the page then builds no form at all for a row never changed.
        return [field.name for field in self.model._meta.fields]


@admin.register(AuditEvent)
class AuditEventAdmin(ReadOnly, admin.ModelAdmin):
    """The security audit log, read only: nobody adds, changes or deletes what it holds."""

    list_display = ["at", "kind", "username", "ip_address", "method", "path", "status_code"]
    list_filter = ["kind"]
    search_fields = ["username", "path", "ip_address"]
    date_hierarchy = "at"

    def get_readonly_fields(self, request, obj=None):
        return [field.name for field in self.model._meta.fields]
