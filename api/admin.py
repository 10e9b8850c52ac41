"""API tokens in admin: listed and revocable, never readable (only their hash is kept)."""

from django.contrib import admin

from api.models import ApiToken


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    list_display = ("name", "user", "prefix", "created_at", "last_used_at", "revoked_at")
    list_select_related = ("user",)
    readonly_fields = ("user", "name", "prefix", "created_at", "last_used_at")
    exclude = ("token_hash",)

    def has_add_permission(self, request):
        return False
