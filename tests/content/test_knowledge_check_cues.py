"""The knowledge-check bank gives a guesser nothing to go on but the subject.

The measuring functions are tested on small made-up questions first; then the bank
itself: over the categories already rewritten to the item-writing rules, no form-only
strategy beats 35 % in either language, the key sits at each length place for 12-38 %
of the questions, no choice holds an absolute, and every item has a question at each of
levels 2, 3 and 4. The bounds hold for the rewritten bank as a whole and for each half
of it on its own, so one half cannot lean on the other.
"""

import re
from difflib import SequenceMatcher
from pathlib import Path

import pytest
import yaml

from content.guide_loader import DEFAULT_GUIDE_FILE
from content.knowledge_check_cues import (
    LANGUAGES,
    RANKS,
    absolutes,
    key_rank_shares,
    length_spread,
    step_count,
    strategy_credits,
    strategy_scores,
)

# Categories whose questions follow the second edition's rules, by half of the bank.
# Extend it as a half lands; every test below then holds for it.
REWRITTEN_HALVES = {
    "technical": ("hard-skills", "tools"),
    "organisational": ("soft-skills", "responsibilities", "collaboration"),
}
REWRITTEN_CATEGORIES = tuple(c for half in REWRITTEN_HALVES.values() for c in half)

MOST_FOR_A_STRATEGY = 0.35
KEY_RANK_BOUNDS = (0.12, 0.38)
REQUIRED_LEVELS = {2, 3, 4}
# "About the same length": the shortest choice at least this share of the longest.
SHORTEST_OVER_LONGEST = 0.7
# Explanations read as reasons, not as a verdict stamped on the front.
VERDICT_OPENING = re.compile(
    r"^((correct|incorrect|right|wrong|yes|no)\b[.,:!]|正解|不正解|誤り|不適切)", re.I
)
# The guide sits in the shared folder beside the checkout (main or a worktree).
GUIDE_TEXT = next(
    (
        folder / "shared" / "guide" / "cto-guide.ja.txt"
        for folder in Path(__file__).resolve().parents
        if (folder / "shared" / "guide" / "cto-guide.ja.txt").exists()
    ),
    Path("/nonexistent/cto-guide.ja.txt"),
)
MOST_LIKE_A_GUIDE_SENTENCE = 0.5


def question(*texts, key=0, lang="en"):
    """A made-up question whose choices are `texts` (one language) and key is `key`."""
    return {
        "choices": [
            {"text": {lang: text}, "correct": n == key, "explanation": {lang: "-"}}
            for n, text in enumerate(texts)
        ]
    }


# The measuring functions


def test_absolutes_are_found_as_words_in_english_and_in_japanese():
    assert absolutes("Always page on every failed payment", "en") == ["Always", "every"]
    assert absolutes("Allow the team to choose a smaller set", "en") == []
    assert absolutes("全員に通知し、必ず確認する", "ja") == ["全員", "必ず"]
    assert absolutes("関係者に通知して確認する", "ja") == []


def test_steps_are_counted_from_separators_and_joining_words():
    assert step_count("Cache, shard and sign", "en") == 2
    assert step_count("Brandy is fine", "en") == 0
    assert step_count("キャッシュし、分割と署名をする", "ja") == 2


def test_a_strategy_that_cannot_separate_tied_choices_shares_the_credit():
    credits = strategy_credits(question("aaaa", "aaaa", "bb", "c", key=0), "en")
    assert credits["longest"] == 0.5
    assert credits["second_longest"] == 0.5  # the two longest tie for the second place too
    assert credits["shortest"] == 0.0


def test_dropping_absolutes_first_changes_which_choice_is_longest():
    texts = ("Always do the long thing here", "Do the short one", "Do it", "Do")
    credits = strategy_credits(question(*texts, key=1), "en")
    assert credits["longest"] == 0.0
    assert credits["plain_longest"] == 1.0


def test_the_key_rank_shares_add_up_and_follow_the_key():
    checks = [
        question("long long", "mid", "ss", "x", key=0),
        question("long long", "mid", "ss", "x", key=3),
        question("same", "same", "s", "xx", key=1),
    ]
    shares = key_rank_shares(checks, "en")
    assert list(shares) == list(RANKS)
    assert shares["longest"] == pytest.approx((1 + 0.5) / 3)
    assert shares["second"] == pytest.approx(0.5 / 3)
    assert shares["third"] == pytest.approx(0)
    assert shares["shortest"] == pytest.approx(1 / 3)
    assert sum(shares.values()) == pytest.approx(1)


def test_a_bank_whose_key_is_the_longest_fails_the_bound():
    checks = [question("the key is long", "short", "brief", "terse", key=0)] * 4
    assert strategy_scores(checks, "en")["longest"] == 1.0
    assert length_spread(checks[0], "en") == pytest.approx(5 / 15)


# The bank


@pytest.fixture(scope="module")
def guide_items():
    data = yaml.safe_load(DEFAULT_GUIDE_FILE.read_text(encoding="utf-8"))
    return data["items"]


def checks_of(items, categories):
    return [
        check
        for item in items
        if item["category"] in categories
        for check in item.get("knowledge_checks", [])
    ]


BANKS = {"rewritten bank": REWRITTEN_CATEGORIES} | {
    f"{half} half": categories for half, categories in REWRITTEN_HALVES.items()
}


@pytest.mark.parametrize("bank", list(BANKS))
@pytest.mark.parametrize("lang", LANGUAGES)
def test_no_form_only_strategy_beats_the_bound(guide_items, bank, lang):
    scores = strategy_scores(checks_of(guide_items, BANKS[bank]), lang)
    too_good = {name: round(score, 3) for name, score in scores.items()}
    assert max(scores.values()) <= MOST_FOR_A_STRATEGY, too_good


@pytest.mark.parametrize("bank", list(BANKS))
@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_key_takes_every_length_place_in_fair_measure(guide_items, bank, lang):
    shares = key_rank_shares(checks_of(guide_items, BANKS[bank]), lang)
    low, high = KEY_RANK_BOUNDS
    assert all(low <= share <= high for share in shares.values()), shares


def test_no_choice_holds_an_absolute(guide_items):
    found = [
        (check["slug"], lang, words)
        for check in checks_of(guide_items, REWRITTEN_CATEGORIES)
        for choice in check["choices"]
        for lang in LANGUAGES
        if (words := absolutes(choice["text"][lang], lang))
    ]
    assert found == []


def test_the_four_choices_are_about_the_same_length(guide_items):
    uneven = [
        (check["slug"], lang, round(length_spread(check, lang), 2))
        for check in checks_of(guide_items, REWRITTEN_CATEGORIES)
        for lang in LANGUAGES
        if length_spread(check, lang) < SHORTEST_OVER_LONGEST
    ]
    assert uneven == []


def test_every_rewritten_item_has_a_question_at_levels_two_three_and_four(guide_items):
    missing = {
        item["slug"]: sorted(REQUIRED_LEVELS - {c["level"] for c in item["knowledge_checks"]})
        for item in guide_items
        if item["category"] in REWRITTEN_CATEGORIES
    }
    assert {slug: levels for slug, levels in missing.items() if levels} == {}
    assert missing, "the rewritten categories should hold items"


def test_explanations_give_reasons_without_a_verdict_in_front(guide_items):
    stamped = [
        (check["slug"], lang, choice["explanation"][lang][:20])
        for check in checks_of(guide_items, REWRITTEN_CATEGORIES)
        for choice in check["choices"]
        for lang in LANGUAGES
        if VERDICT_OPENING.match(choice["explanation"][lang].strip())
    ]
    assert stamped == []


def sentences(text):
    """Japanese sentences of `text`, split at full stops and line ends."""
    return [s.strip() for s in text.replace("\n", "。").split("。") if len(s.strip()) >= 8]


@pytest.mark.skipif(not GUIDE_TEXT.exists(), reason="the guide is not on this machine")
def test_no_japanese_sentence_of_the_questions_resembles_a_guide_sentence(guide_items):
    guide = sentences(GUIDE_TEXT.read_text(encoding="utf-8"))
    close = []
    for check in checks_of(guide_items, REWRITTEN_CATEGORIES):
        texts = [check["situation"]["ja"]] + [
            choice[part]["ja"] for choice in check["choices"] for part in ("text", "explanation")
        ]
        for ours in (s for text in texts for s in sentences(text)):
            for theirs in guide:
                matcher = SequenceMatcher(None, ours, theirs, autojunk=False)
                if matcher.real_quick_ratio() < MOST_LIKE_A_GUIDE_SENTENCE:
                    continue
                if matcher.quick_ratio() < MOST_LIKE_A_GUIDE_SENTENCE:
                    continue
                if matcher.ratio() >= MOST_LIKE_A_GUIDE_SENTENCE:
                    close.append((check["slug"], ours, theirs))
    assert close == []
