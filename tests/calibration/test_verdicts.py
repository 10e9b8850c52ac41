"""The knowledge check's rules as plain functions: which questions, which verdict."""

from assessments.scoring import Expectation
from calibration.verdicts import (
    CONSISTENT,
    MAX_QUESTIONS,
    OVERRATED,
    UNDERRATED,
    Question,
    Rated,
    choose_questions,
    minutes_for,
    readiness_checked,
    supported_level,
    verdict,
)


def rated(item, rating, importance=2, position=None):
    return Rated(item, rating, importance, position or (1, int(item.strip("i") or 0)))


def test_rated_at_or_above_the_probed_level_and_wrong_is_possibly_overrated():
    assert verdict(4, 3, correct=False) == OVERRATED
    assert verdict(3, 3, correct=False) == OVERRATED


def test_rated_below_the_probed_level_and_right_is_possibly_underrated():
    assert verdict(2, 3, correct=True) == UNDERRATED


def test_everything_else_is_consistent():
    assert verdict(3, 3, correct=True) == CONSISTENT
    assert verdict(4, 2, correct=True) == CONSISTENT
    assert verdict(2, 3, correct=False) == CONSISTENT


def test_the_supported_level_follows_the_verdict():
    assert supported_level(4, 3, correct=False) == 2
    assert supported_level(2, 3, correct=True) == 3
    assert supported_level(3, 3, correct=True) == 3
    assert supported_level(2, 3, correct=False) == 2


def test_one_question_per_item_rated_2_or_higher_nearest_the_rating():
    questions = [
        Question("a2", "i1", 2, 1),
        Question("a3", "i1", 3, 2),
        Question("b2", "i2", 2, 1),
        Question("b3", "i2", 3, 2),
        Question("c3", "i3", 3, 1),
        Question("c4", "i3", 4, 2),
        Question("d2", "i4", 2, 1),
    ]
    pairs = choose_questions(
        [rated("i1", 4), rated("i2", 2), rated("i3", 2), rated("i4", 1), rated("i5", 3)],
        questions,
    )
    assert [(r.item, q.slug) for r, q in pairs] == [
        ("i1", "a3"),  # rated 4: level 3 is nearest
        ("i2", "b2"),  # rated 2: level 2
        ("i3", "c3"),  # rated 2, questions at 3 and 4: the nearer
    ]  # i4 rated 1 is not checked; i5 has no question


def test_on_a_tie_the_higher_level_is_asked():
    questions = [Question("low", "i1", 2, 1), Question("high", "i1", 4, 2)]
    assert choose_questions([rated("i1", 3)], questions)[0][1].slug == "high"


def test_at_most_fifteen_the_weightiest_first_then_shown_in_matrix_order():
    items = [rated(f"i{n}", 2 + n % 3, importance=1 + n % 3) for n in range(1, 31)]
    questions = [Question(f"q{n}", f"i{n}", 3, 1) for n in range(1, 31)]
    pairs = choose_questions(items, questions)
    assert len(pairs) == MAX_QUESTIONS
    kept = {r.item for r, _ in pairs}
    left = [r for r in items if r.item not in kept]
    assert min(r.importance for r, _ in pairs) >= max(r.importance for r in left)
    assert [r.position for r, _ in pairs] == sorted(r.position for r, _ in pairs)


def test_the_same_answers_get_the_same_questions():
    items = [rated(f"i{n}", 2 + n % 3) for n in range(1, 20)]
    questions = [Question(f"q{n}-{lvl}", f"i{n}", lvl, lvl) for n in range(1, 20) for lvl in (2, 3)]
    assert choose_questions(items, questions) == choose_questions(list(items), questions[::-1])


def test_readiness_on_checked_items_counts_each_at_its_supported_level():
    expectations = {"i1": Expectation(4, 3), "i2": Expectation(3, 1), "i3": Expectation(0, 1)}
    checked = [("i1", 4, 3, False), ("i2", 2, 3, True), ("i3", 3, 3, True)]
    # i1 counts at 2 of 4 (weight 3), i2 at 3 of 3 (weight 1); i3 is expected 0.
    assert readiness_checked(checked, expectations) == 100 * (3 * 2 + 1 * 3) / (3 * 4 + 1 * 3)
    assert readiness_checked([("i3", 3, 3, True)], expectations) is None


def test_about_ten_minutes_for_fifteen_questions():
    assert minutes_for(15) == 10
    assert minutes_for(1) == 1
