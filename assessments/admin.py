"""Assessments in admin: read-only, for support and aggregate figures."""

from django.contrib import admin
from django.db.models import Count, Q
from django.utils.translation import gettext_lazy as _

from assessments.models import Answer, Assessment


class AnswerInline(admin.TabularInline):
    model = Answer
    fields = ("item", "level", "note", "updated_at")
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(Assessment)
class AssessmentAdmin(admin.ModelAdmin):
    list_display = (
        "id",
        "owner",
        "current_stage",
        "target_stage",
        "status",
        "answer_count",
        "created_at",
        "completed_at",
    )
    list_filter = ("status", "target_stage", "current_stage")
    list_select_related = ("owner", "current_stage", "target_stage")
    search_fields = ("owner__username", "owner__email")
    date_hierarchy = "created_at"
    readonly_fields = (
        "id",
        "owner",
        "current_stage",
        "target_stage",
        "status",
        "created_at",
        "updated_at",
        "completed_at",
        "snapshot",
    )
    exclude = ("resume_token_hash",)
    inlines = (AnswerInline,)

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(answer_count=Count("answers"))

    @admin.display(description=_("number of answers"), ordering="answer_count")
    def answer_count(self, assessment):
        return assessment.answer_count

    def changelist_view(self, request, extra_context=None):
        """Aggregate figures above the list: assessments by status and by target stage."""
        by_target = (
            Assessment.objects.values("target_stage__order", "target_stage__name")
            .annotate(
                drafts=Count("pk", filter=Q(status=Assessment.Status.DRAFT)),
                completed=Count("pk", filter=Q(status=Assessment.Status.COMPLETED)),
            )
            .order_by("target_stage__order")
        )
        extra_context = {**(extra_context or {}), "figures_by_target": list(by_target)}
        return super().changelist_view(request, extra_context=extra_context)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
