"""Fields of the guide that exist in Japanese and English (django-modeltranslation).

`required` lists the texts that must exist in both languages; admin forms refuse to save
without them. The other fields (descriptions, authors) may be blank in one language and
fall back to the other.
"""

from modeltranslation.translator import TranslationOptions, register

from content import models


def both_languages(*fields):
    return {"ja": fields, "en": fields}


@register(models.Category)
class CategoryTranslation(TranslationOptions):
    fields = ("name", "description")
    required_languages = both_languages("name")


@register(models.Item)
class ItemTranslation(TranslationOptions):
    fields = ("name", "description")
    required_languages = both_languages("name")


@register(models.RubricLevel)
class RubricLevelTranslation(TranslationOptions):
    fields = ("text",)
    required_languages = both_languages("text")


@register(models.Stage)
class StageTranslation(TranslationOptions):
    fields = ("name", "role", "responsibilities", "next_step")
    required_languages = both_languages(*fields)


@register(models.LearningStep)
class LearningStepTranslation(TranslationOptions):
    fields = ("name", "goal", "note")
    required_languages = both_languages("name", "goal")


@register(models.Resource)
class ResourceTranslation(TranslationOptions):
    fields = ("title", "author", "description")
    required_languages = both_languages("title")


@register(models.InterviewQuestion)
class InterviewQuestionTranslation(TranslationOptions):
    fields = ("question", "answer_points")
    required_languages = both_languages(*fields)


@register(models.Trend)
class TrendTranslation(TranslationOptions):
    fields = ("name", "description", "why_it_matters")
    required_languages = both_languages(*fields)


@register(models.CompanyKind)
class CompanyKindTranslation(TranslationOptions):
    fields = ("name", "examples", "cto_role", "target_note")
    required_languages = both_languages("name", "examples", "cto_role")


@register(models.PracticeAction)
class PracticeActionTranslation(TranslationOptions):
    fields = ("text",)
    required_languages = both_languages("text")


@register(models.KnowledgeCheck)
class KnowledgeCheckTranslation(TranslationOptions):
    fields = ("situation",)
    required_languages = both_languages(*fields)


@register(models.KnowledgeChoice)
class KnowledgeChoiceTranslation(TranslationOptions):
    fields = ("text", "explanation")
    required_languages = both_languages(*fields)
