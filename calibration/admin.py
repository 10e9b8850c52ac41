"""Admin: how each knowledge-check question performs, read-only but for one act: putting
a question the figures withdrew back into selection (calibration.retirement).

People's sittings are not listed here: admins see the questions' figures, never who
answered what.
"""

from django.contrib import admin, messages
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from calibration.models import CheckQuality
from calibration.quality import ALL_RIGHT, ALL_WRONG, HIGH_RATERS_MISS
from calibration.retirement import question_restore

FLAG_NAMES = {
    ALL_RIGHT: _("everyone answers right"),
    ALL_WRONG: _("everyone answers wrong"),
    HIGH_RATERS_MISS: _("high raters miss it more"),
}


def flag_names(flags):
    """The comma-separated flags in words."""
    return ", ".join(str(FLAG_NAMES.get(flag, flag)) for flag in flags.split(",") if flag)


def selection_status(quality):
    """Whether the question is asked, and if not, why (shown in both admins)."""
    if quality is None:
        return _("in selection")
    if quality.withdrawn_at is not None:
        return _("withdrawn from selection on %(date)s: %(why)s") % {
            "date": date_format(quality.withdrawn_at, "DATE_FORMAT"),
            "why": flag_names(quality.withdrawn_for),
        }
    if quality.restored_at is not None:
        return _("in selection; restored on %(date)s after being withdrawn: %(why)s") % {
            "date": date_format(quality.restored_at, "DATE_FORMAT"),
            "why": flag_names(quality.withdrawn_for),
        }
    return _("in selection")


class WithdrawnFilter(admin.SimpleListFilter):
    title = _("selection")
    parameter_name = "withdrawn"

    def lookups(self, request, model_admin):
        return [("yes", _("withdrawn")), ("no", _("in selection"))]

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.filter(withdrawn_at__isnull=False)
        if self.value() == "no":
            return queryset.filter(withdrawn_at__isnull=True)
        return queryset


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
        "selection",
        "computed_at",
    )
    list_filter = (WithdrawnFilter, FlaggedFilter)
    actions = ("restore_to_selection",)
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
        return flag_names(quality.flags) or "—"

    @admin.display(description=_("selection"))
    def selection(self, quality):
        return selection_status(quality)

    @admin.action(description=_("Restore the chosen questions to selection"))
    def restore_to_selection(self, request, queryset):
        restored = 0
        for quality in queryset.filter(withdrawn_at__isnull=False):
            question_restore(quality=quality)
            restored += 1
        self.message_user(
            request,
            ngettext(
                "%(count)d question restored: it is asked again and judged afresh.",
                "%(count)d questions restored: they are asked again and judged afresh.",
                restored,
            )
            % {"count": restored},
            messages.SUCCESS,
        )
