"""Factories for test data (factory_boy), one section per app.

Every translated field gets both its Japanese and English text, as the guide requires.
Orders start at 100 so that factory rows sort after the real guide's rows.
"""

import factory
from factory.django import DjangoModelFactory

from content import models as content
from content.knowledge_checks import CHOICES_PER_CHECK

# --- content -----------------------------------------------------------------------------


class CategoryFactory(DjangoModelFactory):
    class Meta:
        model = content.Category

    slug = factory.Sequence(lambda n: f"test-category-{n}")
    order = factory.Sequence(lambda n: 100 + n)
    name_ja = factory.Sequence(lambda n: f"テスト分類{n}")
    name_en = factory.Sequence(lambda n: f"Test category {n}")
    description_ja = "テスト用の分類。"
    description_en = "A category made for a test."


class RubricLevelFactory(DjangoModelFactory):
    class Meta:
        model = content.RubricLevel

    item = factory.SubFactory("tests.factories.ItemFactory", rubric=False)
    level = 0
    text_ja = factory.LazyAttribute(lambda o: f"{o.item.slug} のレベル{o.level}の記述。")
    text_en = factory.LazyAttribute(lambda o: f"What level {o.level} of {o.item.slug} looks like.")


class ItemFactory(DjangoModelFactory):
    """An assessable item with its five rubric levels (pass rubric=False for none)."""

    class Meta:
        model = content.Item
        skip_postgeneration_save = True

    category = factory.SubFactory(CategoryFactory)
    slug = factory.Sequence(lambda n: f"test-item-{n}")
    order = factory.Sequence(lambda n: 100 + n)
    name_ja = factory.Sequence(lambda n: f"テスト項目{n}")
    name_en = factory.Sequence(lambda n: f"Test item {n}")
    description_ja = "テスト用の項目。"
    description_en = "An item made for a test."
    active = True

    @factory.post_generation
    def rubric(self, create, extracted, **kwargs):
        if create and extracted is not False:
            for level in range(content.LEVEL_MIN, content.LEVEL_MAX + 1):
                RubricLevelFactory(item=self, level=level)


class KnowledgeCheckFactory(DjangoModelFactory):
    """A knowledge-check question with four choices; `key` is the order of the best one."""

    class Meta:
        model = content.KnowledgeCheck
        skip_postgeneration_save = True

    slug = factory.Sequence(lambda n: f"test-question-{n}")
    item = factory.SubFactory(ItemFactory)
    order = factory.Sequence(lambda n: 100 + n)
    level = 3
    situation_ja = factory.LazyAttribute(lambda o: f"{o.slug} の場面（レベル{o.level}）。")
    situation_en = factory.LazyAttribute(lambda o: f"The situation of {o.slug} (level {o.level}).")
    active = True

    @factory.post_generation
    def key(self, create, extracted, **kwargs):
        if not create:
            return
        for order in range(1, CHOICES_PER_CHECK + 1):
            best = order == (extracted or 1)
            content.KnowledgeChoice.objects.create(
                check_question=self,
                order=order,
                text_ja=f"{self.slug} の選択肢{order}",
                text_en=f"Choice {order} of {self.slug}",
                explanation_ja=f"{self.slug} の選択肢{order}の解説。",
                explanation_en=f"Why choice {order} of {self.slug} is {'best' if best else 'not'}.",
                correct=best,
            )


class ToolFactory(DjangoModelFactory):
    class Meta:
        model = content.Tool

    item = factory.SubFactory(ItemFactory)
    order = factory.Sequence(lambda n: 100 + n)
    name = factory.Sequence(lambda n: f"Test tool {n}")


class StageFactory(DjangoModelFactory):
    class Meta:
        model = content.Stage

    slug = factory.Sequence(lambda n: f"test-stage-{n}")
    order = factory.Sequence(lambda n: 100 + n)
    name_ja = factory.Sequence(lambda n: f"テスト段階{n}")
    name_en = factory.Sequence(lambda n: f"Test stage {n}")
    role_ja, role_en = "テスト用の役割。", "A role made for a test."
    responsibilities_ja, responsibilities_en = "テスト用の責任。", "Test responsibilities."
    next_step_ja, next_step_en = "次の段階へ。", "On to the next stage."


class TargetLevelFactory(DjangoModelFactory):
    class Meta:
        model = content.TargetLevel

    stage = factory.SubFactory(StageFactory)
    item = factory.SubFactory(ItemFactory)
    expected = 2
    importance = 2


class LearningStepFactory(DjangoModelFactory):
    class Meta:
        model = content.LearningStep

    slug = factory.Sequence(lambda n: f"test-step-{n}")
    order = factory.Sequence(lambda n: 100 + n)
    name_ja = factory.Sequence(lambda n: f"テスト学習段階{n}")
    name_en = factory.Sequence(lambda n: f"Test learning step {n}")
    goal_ja, goal_en = "テスト用の目標。", "A goal made for a test."


class _WithItems(DjangoModelFactory):
    """Rows linked to items: pass items=[...] to link them."""

    class Meta:
        abstract = True
        skip_postgeneration_save = True

    @factory.post_generation
    def items(self, create, extracted, **kwargs):
        if create and extracted:
            self.items.set(extracted)


class ResourceFactory(_WithItems):
    class Meta:
        model = content.Resource

    slug = factory.Sequence(lambda n: f"test-resource-{n}")
    order = factory.Sequence(lambda n: 100 + n)
    kind = content.Resource.Kind.BOOK
    title_ja = factory.Sequence(lambda n: f"テスト資料{n}")
    title_en = factory.Sequence(lambda n: f"Test resource {n}")
    author_ja, author_en = "テスト著者", "Test Author"
    description_ja, description_en = "テスト用の資料。", "A resource made for a test."
    effort_hours = 10
    level_from, level_to = 0, 2
    provenance = content.Provenance.ADDED
    step = factory.SubFactory(LearningStepFactory)


class PracticeActionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = content.PracticeAction

    slug = factory.Sequence(lambda n: f"test-practice-{n}")
    order = factory.Sequence(lambda n: 100 + n)
    item = factory.SubFactory(ItemFactory)
    level_from, level_to = 0, 2
    text_ja = factory.Sequence(lambda n: f"テスト用の実践{n}を行う。")
    text_en = factory.Sequence(lambda n: f"Do test practice {n}.")


class InterviewQuestionFactory(_WithItems):
    class Meta:
        model = content.InterviewQuestion

    slug = factory.Sequence(lambda n: f"test-question-{n}")
    order = factory.Sequence(lambda n: 100 + n)
    question_ja = factory.Sequence(lambda n: f"テスト質問{n}は?")
    question_en = factory.Sequence(lambda n: f"Test question {n}?")
    answer_points_ja = factory.Sequence(lambda n: f"テスト回答のポイント{n}。")
    answer_points_en = factory.Sequence(lambda n: f"Test answer points {n}.")


class TrendFactory(_WithItems):
    class Meta:
        model = content.Trend

    slug = factory.Sequence(lambda n: f"test-trend-{n}")
    order = factory.Sequence(lambda n: 100 + n)
    name_ja = factory.Sequence(lambda n: f"テスト動向{n}")
    name_en = factory.Sequence(lambda n: f"Test trend {n}")
    description_ja, description_en = "テスト用の動向。", "A trend made for a test."
    why_it_matters_ja, why_it_matters_en = "テストのため。", "Because a test needs it."


class CompanyKindFactory(DjangoModelFactory):
    class Meta:
        model = content.CompanyKind

    slug = factory.Sequence(lambda n: f"test-company-kind-{n}")
    order = factory.Sequence(lambda n: 100 + n)
    name_ja = factory.Sequence(lambda n: f"テスト企業{n}")
    name_en = factory.Sequence(lambda n: f"Test company kind {n}")
    examples_ja, examples_en = "テスト株式会社", "Test Inc."
    cto_role_ja, cto_role_en = "テスト用の役割。", "A role made for a test."
    target_note_ja, target_note_en = "テスト用の目標の違い。", "Why targets differ, for a test."


# --- assessments -------------------------------------------------------------------------
# Factories of the assessments app go here.
# Stages default to factory stages; pass the real guide's
# stages (Stage.objects.get(slug=...)) when the guide is loaded.

from assessments import models as assessments  # noqa: E402
from assessments.tokens import hash_token  # noqa: E402
from tests.real_guide import StageSlug  # noqa: E402


class AssessmentFactory(DjangoModelFactory):
    """A visitor's draft (owner=None); complete one through services.assessment_complete."""

    class Meta:
        model = assessments.Assessment

    owner = None
    current_stage = factory.SubFactory(StageFactory)
    target_stage = factory.SubFactory(StageFactory)
    resume_token_hash = factory.Sequence(lambda n: hash_token(f"factory-token-{n}"))


class AnswerFactory(DjangoModelFactory):
    class Meta:
        model = assessments.Answer

    assessment = factory.SubFactory(AssessmentFactory)
    item = factory.SubFactory(ItemFactory)
    level = 2
    note = ""


class CompletedAssessmentFactory(factory.Factory):
    """A completed assessment over the loaded guide, made the way the product makes one:
    started, every active item answered, completed through the services, so its report
    comes from a snapshot frozen as in production. Every app's tests build theirs here.

    levels: {item slug: level}; items left out get `default`, or a spread over the
    matrix (0, 2, 4, 1, 3, 0, ...). notes, evidence: {item slug: text}; `note` is
    written on every item without one. The visitor's resume token is `.resume_token`.
    """

    class Meta:
        model = assessments.Assessment

    owner = None
    current = StageSlug.TECH_LEAD
    target = StageSlug.CTO
    company_kind = None  # a kind's slug; None: the base profile
    levels = factory.Dict({})
    default = None
    notes = factory.Dict({})
    note = ""
    evidence = factory.Dict({})

    @classmethod
    def _create(
        cls,
        model_class,
        *,
        owner,
        current,
        target,
        company_kind,
        levels,
        default,
        notes,
        note,
        evidence,
    ):
        from assessments import services
        from content.models import CompanyKind, Item, Stage

        assessment, token = services.assessment_start(
            owner=owner,
            current_stage=Stage.objects.get(slug=current),
            target_stage=Stage.objects.get(slug=target),
            company_kind=CompanyKind.objects.get(slug=company_kind) if company_kind else None,
        )
        items = Item.objects.filter(active=True).order_by("category__order", "order")
        services.answers_save(
            assessment=assessment,
            answers={
                item: (
                    levels.get(item.slug, spread_level(index) if default is None else default),
                    notes.get(item.slug, note),
                    evidence.get(item.slug, ""),
                )
                for index, item in enumerate(items)
            },
        )
        services.assessment_complete(assessment=assessment)
        completed = model_class.objects.select_related("current_stage", "target_stage").get(
            pk=assessment.pk
        )
        completed.resume_token = token
        return completed


def spread_level(index):
    """A spread of ratings over the matrix: 0, 2, 4, 1, 3, 0, 2, ..."""
    return (index * 2) % 5
