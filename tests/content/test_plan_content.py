"""What the plan needs of the data file (issue 25), checked on the file itself.

Resources by fit: every link says core or supporting and the band it serves, and every
item has a core resource for each step up (0-1, 1-2, 2-3, 3-4). Practice: one per item
for each one-level step, with its own hours. Questions: linked only to what they test.
"""

import difflib
import re

import pytest

from content.guide_schema import resource_links
from tests.content.test_own_words import GUIDE_TEXT
from tests.real_guide import ItemSlug, parsed_guide

STEPS_UP = ((0, 1), (1, 2), (2, 3), (3, 4))
# The titles the guide names that no one can verify, and the note each step keeps instead.
UNVERIFIABLE = {
    "high-performance-organization": ("leadership-organization", "Horowitz"),
    "accounting-textbook": ("business-finance", "accounting"),
    "udemy-microservices-architecture": ("large-scale-design", "Udemy"),
}
# The interview questions, each linked only to the items its answer points test
# (reviewed against the answer points: a question about choosing a language tests
# programming, not the HR partnership).
REVIEWED_QUESTIONS = {
    "microservices-challenges": {ItemSlug.SYSTEM_ARCHITECTURE},
    "tech-debt-strategy": {ItemSlug.TECHNOLOGY_STRATEGY, ItemSlug.ARCHITECTURE_OVERSIGHT},
    "zero-trust-design": {ItemSlug.CYBERSECURITY},
    "cloud-migration-nfr": {ItemSlug.CLOUD_COMPUTING},
    "database-sharding": {ItemSlug.SYSTEM_ARCHITECTURE, ItemSlug.DATA_ENGINEERING},
    "mlops-pipeline": {ItemSlug.AI_ML},
    "language-change": {ItemSlug.PROGRAMMING_LANGUAGES},
    "load-balancing-caching": {ItemSlug.SYSTEM_ARCHITECTURE},
    "canary-blue-green": {ItemSlug.DEVOPS_AUTOMATION, ItemSlug.CICD_TOOLS},
    "data-governance": {ItemSlug.DATA_ENGINEERING, ItemSlug.RISK_SECURITY_GOVERNANCE},
    "serverless-tradeoffs": {ItemSlug.CLOUD_COMPUTING},
    "single-point-of-failure": {ItemSlug.SYSTEM_ARCHITECTURE, ItemSlug.RISK_SECURITY_GOVERNANCE},
    "api-gateway": {ItemSlug.SYSTEM_ARCHITECTURE},
    "blockchain-use-cases": {ItemSlug.TECHNOLOGY_STRATEGY, ItemSlug.RESEARCH_DEVELOPMENT},
    "engineering-metrics": {ItemSlug.DEVOPS_AUTOMATION},
}


def _items(data):
    return [item["slug"] for item in data["items"] if item.get("active", True)]


def _links(data):
    """(resource, link) for every link of every resource."""
    return [(r, link) for r in data["resources"] for link in resource_links(r)]


def _serves(link, rating):
    return link["levels"]["from"] <= rating < link["levels"]["to"]


def test_every_link_names_its_fit_and_band_in_the_file():
    for resource in parsed_guide()["resources"]:
        for link in resource["items"]:
            assert isinstance(link, dict), f"{resource['slug']}: a bare slug says no fit"
            assert link["fit"] in ("core", "supporting")


@pytest.mark.parametrize("step", STEPS_UP, ids=lambda s: f"{s[0]}-{s[1]}")
def test_every_item_has_a_core_resource_for_each_step_up(step):
    data = parsed_guide()
    rating = step[0]
    missing = [
        item
        for item in _items(data)
        if not any(
            link["item"] == item and link["fit"] == "core" and _serves(link, rating)
            for _, link in _links(data)
        )
    ]
    assert missing == []


def test_the_picks_the_issue_found_wrong_are_no_longer_core():
    links = {(r["slug"], link["item"]): link for r, link in _links(parsed_guide())}

    def core_at(resource, item, rating):
        link = links.get((resource, item))
        return bool(link) and link["fit"] == "core" and _serves(link, rating)

    for item in (ItemSlug.STRATEGIC_THINKING, ItemSlug.TECHNOLOGY_STRATEGY):
        assert not any(core_at("tech-vc-blogs-reports", item, r) for r in range(4))
    for item in (ItemSlug.DEVOPS_AUTOMATION, ItemSlug.CYBERSECURITY, ItemSlug.SECURITY_SCANNING):
        assert not core_at("csirt-incident-response-training", item, 2)
    assert not any(core_at("accelerate", ItemSlug.LEADERSHIP_CULTURE, r) for r in range(3))
    assert ("accelerate", ItemSlug.CICD_TOOLS) not in links
    for item in (ItemSlug.TEAM_BUILDING, ItemSlug.HR_TEAM):
        assert not core_at("who-a-method-for-hiring", item, 1), "a hiring book for onboarding"


def test_the_guides_unverifiable_titles_are_notes_not_resources():
    data = parsed_guide()
    slugs = {r["slug"] for r in data["resources"]}
    steps = {s["slug"]: s for s in data["learning_steps"]}
    for slug, (step, word) in UNVERIFIABLE.items():
        assert slug not in slugs
        assert word in steps[step]["note"]["en"], step
        assert steps[step]["note"]["ja"]


def test_every_resource_has_an_author_and_every_publication_a_year():
    """Courses, certifications and conferences run on; a book or report came out once."""
    for resource in parsed_guide()["resources"]:
        assert resource.get("author", {}).get("en"), resource["slug"]
        named_series = resource["provenance"] == "guide" and resource["kind"] == "report"
        if resource["kind"] in ("book", "report") and not named_series:
            assert resource.get("year"), resource["slug"]


def test_the_facts_the_issue_listed_are_fixed():
    resources = {r["slug"]: r for r in parsed_guide()["resources"]}
    assert "GREAT BOSS" in resources["coaching-feedback-workshops"]["title"]["ja"]
    assert "スタッフエンジニア" in resources["staff-engineer"]["title"]["ja"]
    assert resources["fearless-change"]["year"] == 2004
    coursera = resources["coursera-software-architecture"]
    assert "Software Design and Architecture" in coursera["title"]["en"]
    assert coursera["author"]["en"] == "University of Alberta"
    assert resources["aws-certified-cloud-practitioner"]["effort_hours"] <= 30
    assert resources["owasp-top-ten"]["effort_hours"] <= 4
    assert resources["designing-data-intensive-applications"]["effort_hours"] >= 50


def test_every_item_has_practice_for_each_one_level_step_with_its_hours():
    data = parsed_guide()
    for item in _items(data):
        practice = [p for p in data["practice"] if p["item"] == item]
        bands = {(p["levels"]["from"], p["levels"]["to"]) for p in practice}
        assert bands == set(STEPS_UP), item
    assert len(data["practice"]) >= 4 * len(_items(data))


def test_practice_hours_grow_with_the_reach_of_the_step():
    """Noticing how things work takes an afternoon; a company-wide policy takes weeks."""
    for practice in parsed_guide()["practice"]:
        band, hours = (practice["levels"]["from"], practice["levels"]["to"]), practice["hours"]
        low, high = {(0, 1): (1, 6), (1, 2): (2, 20), (2, 3): (8, 30), (3, 4): (12, 80)}[band]
        assert low <= hours <= high, (practice["slug"], band, hours)


def test_each_question_is_linked_only_to_the_items_it_tests():
    questions = {q["slug"]: set(q["items"]) for q in parsed_guide()["questions"]}
    assert questions == REVIEWED_QUESTIONS
    assert all(len(items) <= 2 for items in questions.values())


def _sentences(text):
    return [s.strip() for s in re.split(r"[。！？\n]", text) if len(s.strip()) >= 8]


@pytest.mark.skipif(not GUIDE_TEXT.exists(), reason=f"the guide is not at {GUIDE_TEXT}")
def test_no_practice_resource_or_note_sentence_paraphrases_the_guide():
    guide = _sentences(GUIDE_TEXT.read_text(encoding="utf-8"))
    data = parsed_guide()
    texts = [p["text"]["ja"] for p in data["practice"]]
    texts += [r["description"]["ja"] for r in data["resources"] if "description" in r]
    texts += [s["note"]["ja"] for s in data["learning_steps"] if "note" in s]
    close = []
    for sentence in (s for text in texts for s in _sentences(text)):
        for line in guide:
            matcher = difflib.SequenceMatcher(None, sentence, line, autojunk=False)
            quick = matcher.real_quick_ratio() >= 0.5 and matcher.quick_ratio() >= 0.5
            if quick and matcher.ratio() >= 0.5:
                close.append((sentence, line))
    assert close == []
