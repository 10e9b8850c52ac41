"""The real guide, loaded: every list of the guide is there, in both languages.

The one test file that states the guide's figures (31 items in 5 categories, 7 stages, 217
cells of the target profile): checking the data file against them is what it is for.
Every other test takes its counts from tests.real_guide.
"""

import pytest
from modeltranslation.translator import translator

from content.guide_schema import LANGUAGES
from content.models import (
    Category,
    CompanyKind,
    InterviewQuestion,
    Item,
    LearningStep,
    Resource,
    Stage,
    TargetLevel,
    Trend,
)
from tests.real_guide import ItemSlug, StageSlug, parsed_guide

pytestmark = pytest.mark.usefixtures("guide")

LADDER = [
    "junior-developer",
    "senior-developer",
    "tech-lead",
    "engineering-manager",
    "solutions-architect",
    "vp-engineering",
    "cto",
]
# Texts the guide may leave out: not every resource has a named author or a blurb.
OPTIONAL_TEXTS = {(Resource, "author"), (Resource, "description"), (LearningStep, "note")}


def test_it_has_31_items_in_5_categories():
    counts = {c.slug: c.items.count() for c in Category.objects.order_by("order")}
    assert counts == {
        "hard-skills": 7,
        "soft-skills": 5,
        "tools": 7,
        "responsibilities": 7,
        "collaboration": 5,
    }
    assert Item.objects.count() == 31
    assert Item.objects.filter(active=False).count() == 0


def test_it_has_the_7_stages_of_the_ladder_in_order():
    assert list(Stage.objects.order_by("order").values_list("slug", flat=True)) == LADDER


def test_the_tests_slug_constants_name_the_data_files_stages_and_items():
    assert StageSlug.all() == LADDER
    assert ItemSlug.all() == [item["slug"] for item in parsed_guide()["items"]]


def test_every_stage_has_a_cell_for_every_item():
    assert TargetLevel.objects.count() == 217 == Stage.objects.count() * Item.objects.count()
    for stage in Stage.objects.all():
        assert set(stage.target_levels.values_list("item_id", flat=True)) == set(
            Item.objects.values_list("pk", flat=True)
        ), stage.slug


def test_it_has_the_learning_path_questions_trends_and_employers():
    assert LearningStep.objects.count() == 6
    assert InterviewQuestion.objects.count() == 15
    assert Trend.objects.count() == 6
    assert CompanyKind.objects.count() == 4
    assert Resource.objects.count() > 0
    assert not LearningStep.objects.filter(resources=None).exists(), "a step without material"


def _translated_fields():
    for model in translator.get_registered_models():
        if model._meta.app_label != "content":
            continue
        for field in translator.get_options_for_model(model).get_field_names():
            yield model, field


def test_the_translation_registry_covers_every_content_model_with_text():
    models = {model for model, _ in _translated_fields()}
    assert {Category, Item, Stage, LearningStep, Resource, InterviewQuestion, Trend} <= models
    assert CompanyKind in models


def test_every_text_exists_in_japanese_and_english():
    missing = []
    for model, field in _translated_fields():
        for row in model.objects.all():
            values = {lang: (getattr(row, f"{field}_{lang}") or "").strip() for lang in LANGUAGES}
            if (model, field) in OPTIONAL_TEXTS and not any(values.values()):
                continue  # optional, and left out in both languages
            missing += [
                f"{model.__name__} {row.pk} {field}_{lang}"
                for lang, text in values.items()
                if not text
            ]
    assert missing == []


def test_the_japanese_and_english_texts_differ_where_they_should():
    # A copy-pasted English text in the Japanese column would pass the check above.
    for item in Item.objects.all():
        assert item.name_ja != item.name_en, item.slug
        assert item.description_ja != item.description_en, item.slug
    for stage in Stage.objects.all():
        assert stage.role_ja != stage.role_en, stage.slug


def test_every_item_has_five_distinct_rubric_texts_for_levels_0_to_4():
    for item in Item.objects.prefetch_related("rubric_levels"):
        levels = list(item.rubric_levels.all())
        assert sorted(level.level for level in levels) == [0, 1, 2, 3, 4], item.slug
        for lang in LANGUAGES:
            texts = {getattr(level, f"text_{lang}").strip() for level in levels}
            assert len(texts) == 5 and "" not in texts, (item.slug, lang)


def test_every_item_has_at_least_one_learning_resource():
    assert list(Item.objects.filter(resources=None).values_list("slug", flat=True)) == []


def test_tool_items_name_their_tools_and_no_other_item_does():
    cicd = Item.objects.get(slug="cicd-tools")
    assert {"Jenkins", "GitHub Actions", "GitLab CI"} <= set(
        cicd.tools.values_list("name", flat=True)
    )
    for item in Item.objects.filter(category__slug="tools"):
        assert item.tools.count() >= 2, item.slug
    assert not Item.objects.exclude(category__slug="tools").filter(tools__isnull=False).exists()


def _expected(stage_slug, item_slug):
    return TargetLevel.objects.get(stage__slug=stage_slug, item__slug=item_slug).expected


@pytest.mark.parametrize("item_slug", ["technology-strategy", "budget-roi"])
def test_a_cto_sets_strategy_and_budget_and_a_junior_does_not(item_slug):
    assert _expected("cto", item_slug) == 4
    assert _expected("junior-developer", item_slug) == 0


def test_a_cto_is_expected_at_least_what_a_junior_is_expected_in_every_item():
    lower = []
    for item in Item.objects.all():
        if _expected("cto", item.slug) < _expected("junior-developer", item.slug):
            lower.append(item.slug)
    assert lower == []


def test_the_cto_column_asks_more_than_the_junior_column_overall():
    totals = {
        stage: sum(TargetLevel.objects.filter(stage__slug=stage).values_list("expected", flat=True))
        for stage in LADDER
    }
    assert totals["junior-developer"] < totals["senior-developer"] < totals["tech-lead"]
    assert totals["cto"] == max(totals.values())


def test_every_question_and_trend_is_tied_to_an_item():
    assert not InterviewQuestion.objects.filter(items=None).exists()
    assert not Trend.objects.filter(items=None).exists()
    assert not Resource.objects.filter(items=None).exists()
