"""Facts from the guide carry over, its sentences do not.

Every Japanese text of the data file is compared with the guide itself: none may share
20 or more consecutive characters with it, and no sentence of ours may be a close
paraphrase of one of the guide's (difflib ratio 0.5 or more: the same structure with
synonyms swapped; see tests/content/similarity.py). Names and titles are facts and are
excepted: the fields that hold them (below), and the names that also occur inside
sentences.
"""

from pathlib import Path

import pytest
import yaml

from content.guide_loader import DEFAULT_GUIDE_FILE
from tests.content.similarity import SIMILAR_AT, closest, ratio, sentences

# The guide sits in the shared folder beside the checkout (main or a worktree of it).
GUIDE_TEXT = next(
    (
        folder / "shared" / "guide" / "cto-guide.ja.txt"
        for folder in Path(__file__).resolve().parents
        if (folder / "shared" / "guide" / "cto-guide.ja.txt").exists()
    ),
    Path(__file__).resolve().parents[3] / "shared" / "guide" / "cto-guide.ja.txt",
)
LONGEST_ALLOWED = 19

# Fields that hold a name or a title, by section: facts that carry over as they are.
NAME_FIELDS = {
    "categories": {"name"},
    "items": {"name"},
    "stages": {"name"},
    "learning_steps": {"name"},
    "resources": {"title", "author"},
    "trends": {"name"},
    "company_kinds": {"name"},
}
# Names of things that sentences may mention as the guide spells them.
NAMES = ("Infrastructure as Code", "VP of Engineering", "AWS Cost Explorer")

pytestmark = pytest.mark.skipif(
    not GUIDE_TEXT.exists(), reason=f"the guide is not at {GUIDE_TEXT} on this machine"
)


def longest_shared_run(text, guide):
    """The longest run of consecutive characters of `text` that also occurs in `guide`."""
    best = ""
    for start in range(len(text)):
        end = start + len(best) + 1
        while end <= len(text) and text[start:end] in guide:
            best = text[start:end]
            end += 1
    return best


def japanese_texts(data):
    """(where, text) for every Japanese text of the data file outside the name fields."""

    def walk(node, where, skip):
        if isinstance(node, dict):
            for key, value in node.items():
                if key in skip:
                    continue
                if key == "ja" and isinstance(value, str):
                    yield where, value
                else:
                    yield from walk(value, f"{where}.{key}", set())
        elif isinstance(node, list):
            for index, value in enumerate(node):
                label = value.get("slug", index) if isinstance(value, dict) else index
                yield from walk(value, f"{where}[{label}]", skip)

    for section, body in data.items():
        yield from walk(body, section, NAME_FIELDS.get(section, set()))


def without_names(text):
    for name in NAMES:
        text = text.replace(name, "\N{REPLACEMENT CHARACTER}")
    return text


def test_the_run_finder_finds_the_longest_shared_run():
    assert longest_shared_run("xxabcdyy", "--abcd--bc") == "abcd"
    assert longest_shared_run("zzz", "abc") == ""


def test_no_japanese_text_shares_twenty_characters_with_the_guide():
    guide = GUIDE_TEXT.read_text(encoding="utf-8")
    data = yaml.safe_load(DEFAULT_GUIDE_FILE.read_text(encoding="utf-8"))
    runs = [
        (where, longest_shared_run(without_names(text), guide))
        for where, text in japanese_texts(data)
    ]
    assert len(runs) > 350, "the walk should reach every Japanese text"
    too_long = [(where, run) for where, run in runs if len(run) > LONGEST_ALLOWED]
    assert too_long == [], "\n".join(f"{where}: {len(run)}: {run}" for where, run in too_long)


def test_the_check_catches_a_copied_sentence():
    guide = GUIDE_TEXT.read_text(encoding="utf-8")
    copied = "面接で聞かれます：" + guide[guide.index("分散トランザクション") :][:30]
    assert len(longest_shared_run(without_names(copied), guide)) >= 30


# Parts of the file held to the paraphrase measure (items with their knowledge checks).
# Resources, practice and interview questions are being rewritten in another branch
# (issue 25's plan half); they join this list once that lands and passes.
PARAPHRASE_CHECKED = (
    "categories",
    "items",
    "stages",
    "learning_steps",
    "trends",
    "company_kinds",
    "resources",
    "practice",
    "questions",
)


def guide_sentences(guide):
    return sorted(set(sentences(guide)))


def test_no_japanese_sentence_is_a_close_paraphrase_of_a_guide_sentence():
    guide = guide_sentences(GUIDE_TEXT.read_text(encoding="utf-8"))
    data = yaml.safe_load(DEFAULT_GUIDE_FILE.read_text(encoding="utf-8"))
    checked, close = 0, []
    for where, text in japanese_texts({key: data[key] for key in PARAPHRASE_CHECKED}):
        for sentence in sentences(without_names(text)):
            checked += 1
            value, source = closest(sentence, guide)
            if value >= SIMILAR_AT:
                close.append(f"{where}: {value:.2f}\n  ours:  {sentence}\n  guide: {source}")
    # Every rubric text holds at least one sentence: the walk reached them all and more.
    assert checked > sum(len(item["rubric"]) for item in data["items"])
    assert close == [], "\n".join(close)


def test_the_paraphrase_measure_catches_swapped_synonyms_and_spares_new_wording():
    guide = "5GやIoTデバイスの普及により、データ処理の重心がクラウドから「エッジ」へと移行します。"
    swapped = (
        "5GとIoTデバイスの広がりにより、データ処理の中心がクラウドからエッジへと移り始めている。"
    )
    rewritten = "処理の置き場所が、中央のクラウドから現場の拠点や機器そのものへ広がっている。"
    assert ratio(swapped, guide) >= SIMILAR_AT
    assert ratio(rewritten, guide) < SIMILAR_AT
    # Names are facts: a sentence that shares only its names with the guide is our own.
    assert (
        ratio("Jenkins、GitHub Actions、GitLab CIで組む。", "Jenkins, GitHub Actions, GitLab CI")
        == 0
    )
