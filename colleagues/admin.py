"""Colleagues' rounds in admin: read-only counts, never a single rating.

Ratings, item ratings and comments are not registered at all, and invitations show no
token and not whether they were used: admin, like the owner, cannot see who rated what.
"""

from django.contrib import admin
from django.db.models import Count
from django.utils.translation import gettext_lazy as _

from colleagues.models import Invitation, Round


class _ReadOnly:
    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class InvitationInline(_ReadOnly, admin.TabularInline):
    model = Invitation
    fields = ("relationship", "created_at", "expires_at", "revoked_at")
    readonly_fields = fields
    extra = 0


@admin.register(Round)
class RoundAdmin(_ReadOnly, admin.ModelAdmin):
    list_display = ("assessment", "opened_at", "closed_at", "invited", "answered")
    list_filter = (("closed_at", admin.EmptyFieldListFilter),)
    date_hierarchy = "opened_at"
    fields = ("assessment", "display_name", "opened_at", "closed_at", "items")
    readonly_fields = fields
    inlines = (InvitationInline,)

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(
                invited_count=Count("invitations", distinct=True),
                answered_count=Count("ratings", distinct=True),
            )
        )

    @admin.display(description=_("invited"), ordering="invited_count")
    def invited(self, round_):
        return round_.invited_count

    @admin.display(description=_("answered"), ordering="answered_count")
    def answered(self, round_):
        return round_.answered_count
