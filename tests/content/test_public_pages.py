"""The public pages of the guide: both languages, database content, retired items, queries."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils.html import escape

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
from tests import factories
from tests.real_guide import ItemSlug, StageSlug

PAGES = {
    "home": ("CTOまでの距離は、あとどれくらい？", "How far are you from CTO?"),
    "career_ladder": ("CTOへのキャリアラダー", "The career ladder to CTO"),
    "skill_catalogue": ("スキル一覧", "Skill catalogue"),
    "learning_path": ("学習パス", "The learning path"),
    "interview_practice": ("面接対策", "Interview practice"),
    "future_trends": ("CTOの役割はどこへ向かうのか", "Where the CTO role is heading"),
}
LANGUAGES = {"ja": 0, "en": 1}


def _get(client, name, lang):
    headers = {"HTTP_ACCEPT_LANGUAGE": "en"} if lang == "en" else {}
    response = client.get(reverse(name), **headers)
    assert response.status_code == 200
    return response.content.decode()


def _h1(html):
    return re.sub(r"<[^>]+>", "", re.search(r"<h1[^>]*>(.*?)</h1>", html, re.S).group(1)).strip()


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("name", PAGES)
def test_each_page_answers_in_the_language_of_the_browser(guide, client, name, lang):
    html = _get(client, name, lang)
    assert f'<html lang="{lang}">' in html
    assert _h1(html) == PAGES[name][LANGUAGES[lang]]


def _shown_rows(name):
    """Rows whose translated text each page must show: (row, field)."""
    return {
        "home": [
            (Category.objects.get(slug="soft-skills"), "name"),
            (Stage.objects.get(slug=StageSlug.CTO), "name"),
        ],
        "career_ladder": [
            (Stage.objects.get(slug=StageSlug.TECH_LEAD), "name"),
            (Stage.objects.get(slug=StageSlug.TECH_LEAD), "next_step"),
            (CompanyKind.objects.order_by("order").first(), "cto_role"),
            (Item.objects.get(slug=ItemSlug.BUDGET_ROI), "name"),
        ],
        "skill_catalogue": [
            (Item.objects.get(slug=ItemSlug.CLOUD_COMPUTING), "name"),
            (Item.objects.get(slug=ItemSlug.CLOUD_COMPUTING).rubric_levels.get(level=3), "text"),
            (Category.objects.get(slug="tools"), "description"),
        ],
        "learning_path": [
            (LearningStep.objects.get(slug="business-finance"), "goal"),
            (Resource.objects.get(slug="mythical-man-month"), "title"),
            (Resource.objects.get(slug="mythical-man-month"), "author"),
        ],
        "interview_practice": [
            (InterviewQuestion.objects.get(slug="tech-debt-strategy"), "question"),
            (InterviewQuestion.objects.get(slug="tech-debt-strategy"), "answer_points"),
        ],
        "future_trends": [
            (Trend.objects.get(slug="ai-automation"), "name"),
            (Trend.objects.get(slug="ai-automation"), "why_it_matters"),
        ],
    }[name]


@pytest.mark.parametrize("name", PAGES)
def test_each_page_shows_the_guide_in_the_language_of_the_browser(guide, client, name):
    pages = {lang: _get(client, name, lang) for lang in LANGUAGES}
    for row, field in _shown_rows(name):
        ja, en = escape(getattr(row, f"{field}_ja")), escape(getattr(row, f"{field}_en"))
        assert ja != en, (row, field)
        assert ja in pages["ja"] and en not in pages["ja"], (row, field)
        assert en in pages["en"] and ja not in pages["en"], (row, field)


def test_the_skill_catalogue_names_the_tools(guide, client):
    html = _get(client, "skill_catalogue", "en")
    assert "Jenkins, GitHub Actions, GitLab CI" in html


def test_the_interview_page_keeps_every_answer_inside_details(guide, guide_counts, client):
    html = _get(client, "interview_practice", "en")
    questions = InterviewQuestion.objects.all()
    assert len(questions) == guide_counts.questions
    for question in questions:
        entry = re.search(rf'id="question-{question.slug}">(.*?)</li>', html, re.S).group(1)
        before, details = entry.split("<details>")
        assert escape(question.question_en) in before
        assert escape(question.answer_points_en) not in before
        assert "<summary>Show the answer points</summary>" in details
        assert escape(question.answer_points_en) in details.split("</details>")[0]


def test_the_home_page_counts_the_active_items_of_each_category(guide, guide_counts, client):
    Item.objects.filter(slug=ItemSlug.AI_ML).update(active=False)
    html = _get(client, "home", "en")
    hard, soft = (guide_counts.active_items_by_category[c] for c in ("hard-skills", "soft-skills"))
    assert re.search(rf"Hard skills \(technical\) <span[^>]*>{hard - 1} items</span>", html)
    assert re.search(
        rf"Soft skills \(organisational and management\) <span[^>]*>{soft} items", html
    )


def _badge(name):
    return f'border me-1">{escape(name)}</span>'


def test_a_retired_item_disappears_from_every_page(guide, client):
    item = Item.objects.get(slug=ItemSlug.AI_ML)
    shown = {name: _get(client, name, "en") for name in PAGES}
    assert 'id="item-ai-ml"' in shown["skill_catalogue"]
    assert f">{escape(item.name_en)}</th>" in shown["career_ladder"]
    for name in ("learning_path", "interview_practice", "future_trends"):
        assert _badge(item.name_en) in shown[name], name

    Item.objects.filter(pk=item.pk).update(active=False)

    hidden = {name: _get(client, name, "en") for name in PAGES}
    assert 'id="item-ai-ml"' not in hidden["skill_catalogue"]
    assert escape(item.name_en) not in hidden["skill_catalogue"]
    assert escape(item.name_en) not in hidden["career_ladder"]
    for name in ("learning_path", "interview_practice", "future_trends"):
        assert _badge(item.name_en) not in hidden[name], name
    assert 'id="item-cloud-computing"' in hidden["skill_catalogue"]


def _query_count(client, name):
    with CaptureQueriesContext(connection) as queries:
        _get(client, name, "ja")
    return len(queries)


def _add_many_rows():
    """40 items with rubric, tools and profile cells; 20 of each linked row; more stages."""
    categories = [factories.CategoryFactory() for _ in range(2)]
    items = [factories.ItemFactory(category=categories[n % 2]) for n in range(40)]
    for item in items[:10]:
        factories.ToolFactory(item=item)
    stages = list(Stage.objects.all()) + [factories.StageFactory() for _ in range(2)]
    all_items = list(Item.objects.all())
    existing = set(TargetLevel.objects.values_list("stage_id", "item_id"))
    TargetLevel.objects.bulk_create(
        TargetLevel(stage=stage, item=item, expected=3, importance=3)
        for stage in stages
        for item in all_items
        if (stage.pk, item.pk) not in existing
    )
    steps = [factories.LearningStepFactory() for _ in range(3)]
    for n in range(20):
        linked = [items[n], items[n + 20], all_items[n]]
        factories.ResourceFactory(step=steps[n % 3], items=linked)
        factories.InterviewQuestionFactory(items=linked)
        factories.TrendFactory(items=linked)
    for _ in range(5):
        factories.CompanyKindFactory()


@pytest.mark.parametrize("name", PAGES)
def test_each_page_runs_a_fixed_number_of_queries_whatever_the_rows(
    guide, guide_counts, client, django_assert_num_queries, name
):
    _get(client, name, "ja")  # warm up
    count = _query_count(client, name)
    assert count <= 12
    _add_many_rows()
    assert Item.objects.count() == guide_counts.items + 40
    with django_assert_num_queries(count):
        html = _get(client, name, "ja")
    assert "テスト" in html  # the new rows are on the page
