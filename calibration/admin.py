"""Admin: how each knowledge-check question performs, read-only.

People's sittings are not listed here: admins see the questions' figures, never who
answered what.
"""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from calibration.models import CheckQuality
from calibration.quality import ALL_RIGHT, ALL_WRONG, HIGH_RATERS_MISS

FLAG_NAMES = {
    ALL_RIGHT: _("everyone answers right"),
    ALL_WRONG: _("everyone answers wrong"),
    HIGH_RATERS_MISS: _("high raters miss it more"),
}


class FlaggedFilter(admin.SimpleListFilter):
    title = _("flag")
    parameter_name = "flag"

    def lookups(self, request, model_admin):
        return [(key, name) for key, name in FLAG_NAMES.items()]

    def queryset(self, request, queryset):
        if self.value() in FLAG_NAMES:
            return queryset.filter(flags__contains=self.value())  # a comma-separated text
        return queryset


@admin.register(CheckQuality)
class CheckQualityAdmin(admin.ModelAdmin):
    list_display = (
        "knowledge_check",
        "item",
        "probed_level",
        "responses",
        "difficulty_shown",
        "discrimination_shown",
        "flags_shown",
        "computed_at",
    )
    list_filter = (FlaggedFilter,)
    list_select_related = ("knowledge_check__item",)
    search_fields = ("knowledge_check__slug",)
    ordering = ("knowledge_check__item__category__order", "knowledge_check__item__order")

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.display(description=_("item"))
    def item(self, quality):
        return quality.knowledge_check.item.name

    @admin.display(description=_("probed level"))
    def probed_level(self, quality):
        return quality.knowledge_check.level

    @admin.display(description=_("share answered right"))
    def difficulty_shown(self, quality):
        return "—" if quality.difficulty is None else f"{quality.difficulty:.0%}"

    @admin.display(description=_("discrimination"))
    def discrimination_shown(self, quality):
        return "—" if quality.discrimination is None else f"{quality.discrimination:+.2f}"

    @admin.display(description=_("flags"))
    def flags_shown(self, quality):
        flags = [flag for flag in quality.flags.split(",") if flag]
        return ", ".join(str(FLAG_NAMES.get(flag, flag)) for flag in flags) or "—"
