"""Organisations in admin: who belongs where, open invitations, and what is shared (read-only:
consent is the member's to give or withdraw, never an operator's)."""

from django.contrib import admin

from organisations.models import Membership, Organisation, OrganisationInvitation, SharedAssessment


class MembershipInline(admin.TabularInline):
    model = Membership
    fields = ("user", "role", "named_in_small_groups", "joined_at")
    readonly_fields = ("user", "named_in_small_groups", "joined_at")
    extra = 0
    can_delete = False


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ("name", "created_at")
    search_fields = ("name",)
    inlines = (MembershipInline,)


@admin.register(OrganisationInvitation)
class InvitationAdmin(admin.ModelAdmin):
    list_display = ("organisation", "role", "email", "created_at", "expires_at", "revoked_at")
    list_select_related = ("organisation",)
    readonly_fields = (
        "organisation",
        "role",
        "email",
        "created_by",
        "created_at",
        "accepted_at",
        "accepted_by",
    )
    exclude = ("token_hash",)


@admin.register(SharedAssessment)
class SharedAssessmentAdmin(admin.ModelAdmin):
    list_display = ("organisation", "membership", "completed_at", "shared_at", "is_latest")
    list_select_related = ("organisation", "membership__user")
    readonly_fields = (
        "organisation",
        "membership",
        "assessment",
        "completed_at",
        "target_stage",
        "shared_at",
        "is_latest",
    )

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
