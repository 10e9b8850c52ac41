"""Admin for the knowledge checks: a question with its four choices on one page.

The formset refuses to save a question without exactly one best answer and four
choices. How a question performs (difficulty, discrimination, flags) is shown read-only
beside it once it has enough answers; a flagged question is withdrawn from selection and
restored from the question-quality list, which says why.
"""

from django.contrib import admin
from django.core.exceptions import ValidationError
from django.forms.models import BaseInlineFormSet
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin, TranslationStackedInline

from content.knowledge_checks import CHOICES_PER_CHECK, KnowledgeCheck, KnowledgeChoice


class ChoiceFormSet(BaseInlineFormSet):
    def clean(self):
        super().clean()
        kept = [
            form.cleaned_data
            for form in self.forms
            if form.cleaned_data and not form.cleaned_data.get("DELETE")
        ]
        if len(kept) != CHOICES_PER_CHECK:
            raise ValidationError(_("A question has exactly four choices."))
        if sum(1 for data in kept if data.get("correct")) != 1:
            raise ValidationError(_("Mark exactly one choice as the best answer."))


class ChoiceInline(TranslationStackedInline):
    model = KnowledgeChoice
    formset = ChoiceFormSet
    fields = ("order", "correct", ("text_ja", "text_en"), ("explanation_ja", "explanation_en"))
    extra = 0
    min_num = CHOICES_PER_CHECK
    max_num = CHOICES_PER_CHECK
    can_delete = False


@admin.register(KnowledgeCheck)
class KnowledgeCheckAdmin(TranslationAdmin):
    inlines = (ChoiceInline,)
    fieldsets = [
        (None, {"fields": ["slug", "item", "order", "level", "active"]}),
        (_("Japanese | English"), {"fields": [("situation_ja", "situation_en")]}),
        (_("How it performs"), {"fields": ["performance"]}),
    ]
    readonly_fields = ("performance",)
    list_display = (
        "slug",
        "item",
        "level",
        "active",
        "in_selection",
        "responses",
        "difficulty",
        "flags",
    )
    list_filter = ("item__category", "level", "active")
    list_select_related = ("item", "quality")
    search_fields = ("slug", "situation_ja", "situation_en")
    ordering = ("item__category__order", "item__order", "order")

    class Media:
        css = {"all": ["css/admin_fit.css"]}

    @staticmethod
    def _quality(check):
        return getattr(check, "quality", None)

    @admin.display(description=_("responses"))
    def responses(self, check):
        quality = self._quality(check)
        return quality.responses if quality else 0

    @admin.display(description=_("share answered right"))
    def difficulty(self, check):
        quality = self._quality(check)
        return "—" if quality is None or quality.difficulty is None else f"{quality.difficulty:.0%}"

    @admin.display(description=_("flags"))
    def flags(self, check):
        quality = self._quality(check)
        return (quality.flags.replace(",", ", ") if quality else "") or "—"

    @admin.display(boolean=True, description=_("in selection"))
    def in_selection(self, check):
        # Withdrawn by its figures (calibration.retirement); restored in "question quality".
        quality = self._quality(check)
        return check.active and (quality is None or quality.withdrawn_at is None)

    @admin.display(description=_("figures"))
    def performance(self, check):
        quality = self._quality(check)
        if quality is None or quality.difficulty is None:
            return _("Not judged yet: figures appear once enough people have answered.")
        discrimination = "—" if quality.discrimination is None else f"{quality.discrimination:+.2f}"
        return _(
            "%(responses)d answers; %(difficulty)s answered right; discrimination "
            "%(discrimination)s; flags: %(flags)s"
        ) % {
            "responses": quality.responses,
            "difficulty": f"{quality.difficulty:.0%}",
            "discrimination": discrimination,
            "flags": quality.flags.replace(",", ", ") or "—",
        }
