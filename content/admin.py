"""Django admin for the guide: every model, translated fields side by side.

Deleting a row that others depend on is refused by the database relations
(on_delete=PROTECT); admin then explains which rows stand in the way. Items are
retired with their `active` flag instead.
"""

from django.contrib import admin, messages
from django.db import models as db_models
from django.db.models import Count
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from modeltranslation.admin import TranslationAdmin, TranslationTabularInline

from content import models
from content.admin_grid import TargetProfileGridMixin


def bilingual(*field_names):
    """Fieldset rows that put each field's Japanese and English versions side by side."""
    return [(f"{name}_ja", f"{name}_en") for name in field_names]


class GuideAdmin(TranslationAdmin):
    """Common ground: slugs and order first, then the bilingual texts."""

    texts: tuple = ()
    head: tuple = ("slug", "order")

    def get_fieldsets(self, request, obj=None):
        return [
            (None, {"fields": list(self.head)}),
            (_("Japanese | English"), {"fields": bilingual(*self.texts)}),
        ]


@admin.register(models.Category)
class CategoryAdmin(GuideAdmin):
    texts = ("name", "description")
    list_display = ("name", "slug", "order", "item_count")
    search_fields = ("slug", "name_ja", "name_en")
    ordering = ("order",)

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(item_count=Count("items"))

    @admin.display(description=_("number of items"), ordering="item_count")
    def item_count(self, category):
        return category.item_count


class RubricLevelInline(TranslationTabularInline):
    model = models.RubricLevel
    fields = ("level", "text_ja", "text_en")
    extra = 0
    max_num = 5
    can_delete = False
    ordering = ("level",)


class PracticeActionInline(TranslationTabularInline):
    model = models.PracticeAction
    fields = ("slug", "order", "level_from", "level_to", "hours", "text_ja", "text_en")
    extra = 0
    can_delete = False


class ToolInline(admin.TabularInline):
    model = models.Tool
    fields = ("name", "order")
    extra = 0
    can_delete = False


@admin.register(models.Item)
class ItemAdmin(GuideAdmin):
    head = ("slug", "category", "order", "active")
    texts = ("name", "description")
    inlines = (RubricLevelInline, ToolInline, PracticeActionInline)
    list_display = ("name", "category", "order", "active")
    list_editable = ("active",)
    list_filter = ("category", "active")
    list_select_related = ("category",)
    search_fields = ("slug", "name_ja", "name_en", "description_ja", "description_en")
    ordering = ("category__order", "order")
    actions = ("retire", "reactivate")

    class Media:
        css = {"all": ["css/admin_fit.css"]}  # the inlines' texts fit a 1280 px window

    @admin.action(description=_("Retire the selected items (hide them from new assessments)"))
    def retire(self, request, queryset):
        count = queryset.update(active=False)
        self.message_user(
            request,
            ngettext("%d item retired.", "%d items retired.", count) % count,
            messages.SUCCESS,
        )

    @admin.action(description=_("Reactivate the selected items"))
    def reactivate(self, request, queryset):
        count = queryset.update(active=True)
        self.message_user(
            request,
            ngettext("%d item reactivated.", "%d items reactivated.", count) % count,
            messages.SUCCESS,
        )


@admin.register(models.RubricLevel)
class RubricLevelAdmin(TranslationAdmin):
    fieldsets = [
        (None, {"fields": ["item", "level"]}),
        (_("Japanese | English"), {"fields": bilingual("text")}),
    ]
    list_display = ("item", "level", "text")
    list_filter = ("level", "item__category")
    list_select_related = ("item",)
    search_fields = ("item__slug", "item__name_ja", "item__name_en", "text_ja", "text_en")
    ordering = ("item__category__order", "item__order", "level")


@admin.register(models.Tool)
class ToolAdmin(admin.ModelAdmin):
    list_display = ("name", "item", "order")
    list_filter = ("item",)
    list_select_related = ("item",)
    search_fields = ("name",)
    ordering = ("item__category__order", "item__order", "order")


@admin.register(models.Stage)
class StageAdmin(GuideAdmin):
    head = ("slug", "order", "track", "next_stages")
    texts = ("name", "role", "responsibilities", "next_step")
    list_display = ("name", "slug", "order", "track")
    list_filter = ("track",)
    filter_horizontal = ("next_stages",)
    search_fields = ("slug", "name_ja", "name_en")
    ordering = ("order",)


@admin.register(models.TargetLevel)
class TargetLevelAdmin(TargetProfileGridMixin, admin.ModelAdmin):
    list_display = ("stage", "item", "expected", "importance", "core")
    list_editable = ("expected", "importance", "core")
    list_filter = ("stage", "core", "item__category", "expected", "importance")
    list_select_related = ("stage", "item")
    search_fields = ("item__slug", "item__name_ja", "item__name_en")
    ordering = ("stage__order", "item__category__order", "item__order")


@admin.register(models.LearningStep)
class LearningStepAdmin(GuideAdmin):
    texts = ("name", "goal", "note")
    list_display = ("name", "slug", "order")
    search_fields = ("slug", "name_ja", "name_en")
    ordering = ("order",)


class ResourceItemInline(admin.TabularInline):
    """Each item the resource builds, with its fit and the levels it serves for that item."""

    model = models.ResourceItem
    fields = ("item", "fit", "level_from", "level_to")
    autocomplete_fields = ("item",)
    extra = 0


@admin.register(models.Resource)
class ResourceAdmin(GuideAdmin):
    head = (
        "slug",
        "kind",
        "step",
        "order",
        "provenance",
        "year",
        "effort_hours",
        ("level_from", "level_to"),
        "url",
    )
    texts = ("title", "author", "description")
    inlines = (ResourceItemInline,)
    list_display = ("title", "kind", "author", "provenance", "effort_hours", "band", "step")
    list_filter = ("kind", "provenance", "step", "links__fit", "items__category")
    list_select_related = ("step",)
    search_fields = ("slug", "title_ja", "title_en", "author_ja", "author_en")
    ordering = ("step__order", "order")
    formfield_overrides = {db_models.URLField: {"assume_scheme": "https"}}

    @admin.display(description=_("levels"))
    def band(self, resource):
        if resource.level_from is None:
            return "—"
        return f"{resource.level_from} → {resource.level_to}"


@admin.register(models.PracticeAction)
class PracticeActionAdmin(GuideAdmin):
    head = ("slug", "item", "order", ("level_from", "level_to"), "hours")
    texts = ("text",)
    list_display = ("text", "item", "level_from", "level_to", "hours")
    list_filter = ("level_from", "level_to", "item__category")
    list_select_related = ("item",)
    search_fields = ("slug", "text_ja", "text_en", "item__name_ja", "item__name_en")
    ordering = ("item__category__order", "item__order", "level_from", "order")


@admin.register(models.InterviewQuestion)
class InterviewQuestionAdmin(GuideAdmin):
    head = ("slug", "order", "items")
    texts = ("question", "answer_points")
    list_display = ("question", "order")
    list_filter = ("items__category",)
    search_fields = ("slug", "question_ja", "question_en", "answer_points_ja", "answer_points_en")
    filter_horizontal = ("items",)
    ordering = ("order",)


@admin.register(models.Trend)
class TrendAdmin(GuideAdmin):
    head = ("slug", "order", "items")
    texts = ("name", "description", "why_it_matters")
    list_display = ("name", "order")
    search_fields = ("slug", "name_ja", "name_en")
    filter_horizontal = ("items",)
    ordering = ("order",)


@admin.register(models.CompanyKind)
class CompanyKindAdmin(GuideAdmin):
    texts = ("name", "examples", "cto_role", "target_note")
    list_display = ("name", "order", "override_count")
    search_fields = ("slug", "name_ja", "name_en")
    ordering = ("order",)

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(override_count=Count("overrides"))

    @admin.display(description=_("target overrides"), ordering="override_count")
    def override_count(self, kind):
        return kind.override_count


@admin.register(models.TargetOverride)
class TargetOverrideAdmin(admin.ModelAdmin):
    """Single overrides; the grid (Target profile → "Edit as a grid", a kind chosen) edits many."""

    list_display = ("company_kind", "stage", "item", "expected", "importance")
    list_filter = ("company_kind", "stage", "item__category")
    list_select_related = ("company_kind", "stage", "item")
    search_fields = ("item__slug", "item__name_ja", "item__name_en")
    ordering = ("company_kind__order", "stage__order", "item__category__order", "item__order")


# The knowledge checks have their own module; importing it registers their admin.
from content import admin_checks  # noqa: E402,F401
