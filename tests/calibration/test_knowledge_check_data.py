"""The guide's knowledge checks: every item has two, they load, export and retire.

Items of the categories already rewritten to the second edition's rules have a question at
each of levels 2, 3 and 4 (tests/content/test_knowledge_check_cues.py holds the rest).
"""

import copy

import pytest

from content.guide_export import guide_export
from content.guide_loader import guide_load
from content.guide_schema import GuideFileError, validate_guide
from content.models import KnowledgeCheck, KnowledgeChoice
from tests.content.test_knowledge_check_cues import REWRITTEN_CATEGORIES
from tests.real_guide import ItemSlug

STRATEGY_AND_ORGANISATION = {
    ItemSlug.STRATEGIC_THINKING,
    ItemSlug.LEADERSHIP_CULTURE,
    ItemSlug.CHANGE_MANAGEMENT,
    ItemSlug.TECHNOLOGY_STRATEGY,
    ItemSlug.TEAM_BUILDING,
    ItemSlug.BUDGET_ROI,
    ItemSlug.RISK_SECURITY_GOVERNANCE,
    ItemSlug.EXECUTIVE_TEAM,
}


def test_every_item_has_at_least_two_questions_in_both_languages(guide_data):
    total = 0
    for item in guide_data["items"]:
        checks = item.get("knowledge_checks", [])
        assert len(checks) >= 2, item["slug"]
        levels = {check["level"] for check in checks}
        if item["category"] in REWRITTEN_CATEGORIES:
            assert levels >= {2, 3, 4}, item["slug"]  # the second edition's rule
        elif item["slug"] in STRATEGY_AND_ORGANISATION:
            assert 4 in levels, item["slug"]
        else:
            assert levels <= {2, 3} and len(levels) == 2, item["slug"]
        for check in checks:
            assert all(check["situation"][lang].strip() for lang in ("ja", "en"))
            assert len(check["choices"]) == 4
            assert sum(1 for c in check["choices"] if c.get("correct")) == 1
        total += len(checks)
    assert total >= 62


def test_the_best_answer_is_not_always_in_the_same_place(guide_data):
    places = [
        next(n for n, c in enumerate(check["choices"]) if c.get("correct"))
        for item in guide_data["items"]
        for check in item["knowledge_checks"]
    ]
    assert all(0.15 <= places.count(n) / len(places) <= 0.35 for n in range(4))


def test_the_loaded_guide_has_every_question_and_exports_it_as_the_file_has_it(guide, guide_data):
    assert KnowledgeCheck.objects.count() == sum(
        len(i["knowledge_checks"]) for i in guide_data["items"]
    )
    exported = {i["slug"]: i.get("knowledge_checks") for i in guide_export()["items"]}
    assert exported == {i["slug"]: i.get("knowledge_checks") for i in guide_data["items"]}


def test_a_file_with_two_best_answers_is_refused(guide_data):
    data = copy.deepcopy(guide_data)
    data["items"][0]["knowledge_checks"][0]["choices"][1]["correct"] = True
    data["items"][0]["knowledge_checks"][0]["choices"][0]["correct"] = True
    with pytest.raises(GuideFileError, match="exactly one choice"):
        validate_guide(data)


def test_moving_the_best_answer_and_dropping_a_question_load_cleanly(guide, guide_data):
    data = copy.deepcopy(guide_data)
    first = data["items"][0]["knowledge_checks"][0]
    for choice in first["choices"]:
        choice.pop("correct", None)
    first["choices"][3]["correct"] = True
    dropped = data["items"][0]["knowledge_checks"].pop()
    guide_load(data=data)
    best = KnowledgeChoice.objects.get(check_question__slug=first["slug"], correct=True)
    assert best.order == 4
    retired = KnowledgeCheck.objects.get(slug=dropped["slug"])
    assert retired.active is False  # answers may refer to it: retired, never deleted
    assert not guide_load(data=data).changed
