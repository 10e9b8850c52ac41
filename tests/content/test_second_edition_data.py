"""What the guide's second edition promises of its data file, checked on the file itself."""

import itertools
import re

from content.models import Provenance
from tests.content.similarity import SIMILAR_AT, closest, sentences
from tests.real_guide import ItemSlug, StageSlug, parsed_guide

EXECUTIVE_WORDS = re.compile(
    r"経営陣|経営層|取締役|\bexecutives?\b|\bboard\b|\bCEO\b|\bCFO\b", re.IGNORECASE
)
# Items about the executive team, finance or budget may name them at level 4.
ABOUT_EXECUTIVES = {
    ItemSlug.EXECUTIVE_TEAM,
    ItemSlug.FINANCE_CFO,
    ItemSlug.BUDGET_ROI,
    ItemSlug.COST_MANAGEMENT_TOOLS,
}


def _active_items(data):
    return [item for item in data["items"] if item.get("active", True)]


def test_level_4_measures_capability_not_position():
    naming = [
        item["slug"]
        for item in _active_items(parsed_guide())
        for level in item["rubric"]
        if level["level"] == 4
        and item["slug"] not in ABOUT_EXECUTIVES
        and any(EXECUTIVE_WORDS.search(text) for text in level["text"].values())
    ]
    assert naming == []


def test_no_two_items_say_the_same_thing_at_the_same_level():
    seen = {}
    for item in _active_items(parsed_guide()):
        for level in item["rubric"]:
            key = (level["level"], level["text"]["en"].strip().lower())
            assert key not in seen, f"{item['slug']} repeats {seen[key]} at level {key[0]}"
            seen[key] = item["slug"]


def test_no_two_items_paraphrase_each_other_at_the_same_level():
    # Each item owns its ground: at one level, no Japanese sentence of one item is a
    # close paraphrase of another item's (the measure of tests/content/similarity.py).
    items = _active_items(parsed_guide())
    close = []
    for level in range(5):
        texts = {
            item["slug"]: next(r["text"]["ja"] for r in item["rubric"] if r["level"] == level)
            for item in items
        }
        for first, second in itertools.combinations(texts, 2):
            for mine in sentences(texts[first]):
                value, theirs = closest(mine, sentences(texts[second]))
                if value >= SIMILAR_AT:
                    close.append(f"level {level} {first} / {second} {value:.2f}: {mine} | {theirs}")
    assert close == [], "\n".join(close)


def test_the_path_branches_after_tech_lead_and_both_tracks_reach_cto():
    stages = {stage["slug"]: stage for stage in parsed_guide()["stages"]}
    assert stages[StageSlug.TECH_LEAD]["next"] == [
        StageSlug.ENGINEERING_MANAGER,
        StageSlug.SOLUTIONS_ARCHITECT,
    ]
    assert stages[StageSlug.ENGINEERING_MANAGER]["track"] == "management"
    assert stages[StageSlug.VP_ENGINEERING]["next"] == [StageSlug.CTO]
    assert stages[StageSlug.SOLUTIONS_ARCHITECT]["track"] == "architecture"
    assert stages[StageSlug.SOLUTIONS_ARCHITECT]["next"] == [StageSlug.CTO]
    assert stages[StageSlug.CTO]["next"] == []


def test_every_kind_of_company_says_why_and_changes_some_targets():
    for kind in parsed_guide()["company_kinds"]:
        assert kind["target_note"]["ja"] and kind["target_note"]["en"]
        assert sum(len(row) for row in kind["overrides"].values()) >= 5, kind["slug"]


def test_every_resource_has_effort_band_and_provenance():
    for resource in parsed_guide()["resources"]:
        assert resource["effort_hours"] >= 1, resource["slug"]
        assert resource["levels"]["from"] < resource["levels"]["to"], resource["slug"]
        assert resource["provenance"] in Provenance.values, resource["slug"]
        if "url" in resource:
            assert resource["url"].startswith("https://"), resource["slug"]


def test_interview_texts_use_full_width_punctuation_in_japanese():
    for question in parsed_guide()["questions"]:
        for field in ("question", "answer_points"):
            assert not re.search(r"[?():]", question[field]["ja"]), question["slug"]
