"""Fields of the guide that exist in Japanese and English (django-modeltranslation)."""

from modeltranslation.translator import TranslationOptions, register

from content import models


@register(models.Category)
class CategoryTranslation(TranslationOptions):
    fields = ("name", "description")


@register(models.Item)
class ItemTranslation(TranslationOptions):
    fields = ("name", "description")


@register(models.RubricLevel)
class RubricLevelTranslation(TranslationOptions):
    fields = ("text",)


@register(models.Stage)
class StageTranslation(TranslationOptions):
    fields = ("name", "role", "responsibilities", "next_step")


@register(models.LearningStep)
class LearningStepTranslation(TranslationOptions):
    fields = ("name", "goal")


@register(models.Resource)
class ResourceTranslation(TranslationOptions):
    fields = ("title", "author", "description")


@register(models.InterviewQuestion)
class InterviewQuestionTranslation(TranslationOptions):
    fields = ("question", "answer_points")


@register(models.Trend)
class TrendTranslation(TranslationOptions):
    fields = ("name", "description", "why_it_matters")


@register(models.CompanyKind)
class CompanyKindTranslation(TranslationOptions):
    fields = ("name", "examples", "cto_role")
