"""Members in admin: the profile edited on the user's own page."""

from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin

from accounts import services
from accounts.models import Profile


class ProfileInline(admin.StackedInline):
    model = Profile
    fields = ("display_name", "preferred_language", "created_at", "updated_at")
    readonly_fields = ("created_at", "updated_at")
    can_delete = False  # the profile goes with the account, never alone
    min_num = max_num = 1


User = get_user_model()
admin.site.unregister(User)


@admin.register(User)
class MemberAdmin(UserAdmin):
    inlines = (ProfileInline,)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        # A user added without touching the profile form still gets their one profile.
        services.profile_get_or_create(user=form.instance)
