"""The knowledge check's verdicts as plain functions: one or two answers read together."""

import pytest

from assessments.scoring import Expectation
from calibration.verdicts import (
    AGREE,
    CONSISTENT,
    HINT,
    MIXED,
    OVERRATED,
    UNDERRATED,
    category_summaries,
    minutes_for,
    read_item,
    readiness_checked,
    supported_level,
    verdict,
)


def test_rated_at_or_above_the_probed_level_and_wrong_is_possibly_overrated():
    assert verdict(4, 3, correct=False) == OVERRATED
    assert verdict(3, 3, correct=False) == OVERRATED


def test_rated_below_the_probed_level_and_right_is_possibly_underrated():
    assert verdict(2, 3, correct=True) == UNDERRATED


def test_everything_else_is_consistent():
    assert verdict(3, 3, correct=True) == CONSISTENT
    assert verdict(4, 2, correct=True) == CONSISTENT
    assert verdict(2, 3, correct=False) == CONSISTENT


def test_one_answer_supports_what_the_first_edition_said():
    assert supported_level(4, 3, correct=False) == 2
    assert supported_level(2, 3, correct=True) == 3
    assert supported_level(3, 3, correct=True) == 3
    assert supported_level(2, 3, correct=False) == 2
    assert supported_level(2, 1, correct=False) == 0
    assert read_item(4, [(4, False)]).confidence == HINT


def test_two_misses_agree_the_rating_is_too_high_and_support_below_the_lower():
    reading = read_item(4, [(4, False), (3, False)])
    assert (reading.verdict, reading.supported_level, reading.confidence) == (OVERRATED, 2, AGREE)


def test_a_miss_then_a_right_answer_a_level_lower_place_the_level_between_them():
    reading = read_item(4, [(4, False), (3, True)])
    assert (reading.verdict, reading.supported_level, reading.confidence) == (OVERRATED, 3, AGREE)


def test_two_right_answers_above_the_rating_agree_it_is_too_low():
    reading = read_item(2, [(2, True), (3, True)])
    assert (reading.verdict, reading.supported_level, reading.confidence) == (UNDERRATED, 3, AGREE)


def test_right_at_the_rating_and_wrong_above_it_agree_with_the_rating():
    reading = read_item(3, [(3, True), (4, False)])
    assert (reading.verdict, reading.supported_level, reading.confidence) == (CONSISTENT, 3, AGREE)


def test_answers_that_contradict_each_other_leave_the_rating_standing():
    # Right at 4 but wrong at 2: no level fits both, so nothing is concluded.
    reading = read_item(3, [(4, True), (2, False)])
    assert (reading.verdict, reading.supported_level, reading.confidence) == (
        CONSISTENT,
        3,
        MIXED,
    )


def test_an_item_is_read_from_at_least_one_answer():
    with pytest.raises(ValueError):
        read_item(3, [])


def test_readiness_on_checked_items_counts_each_at_its_supported_level():
    expectations = {"i1": Expectation(4, 3), "i2": Expectation(3, 1), "i3": Expectation(0, 1)}
    checked = [
        ("i1", 4, [(4, False), (3, False)]),  # supports 2
        ("i2", 2, [(2, True), (3, True)]),  # supports 3
        ("i3", 3, [(3, True)]),
    ]
    # i1 counts at 2 of 4 (weight 3), i2 at 3 of 3 (weight 1); i3 is expected 0.
    assert readiness_checked(checked, expectations) == 100 * (3 * 2 + 1 * 3) / (3 * 4 + 1 * 3)
    assert readiness_checked([("i3", 3, [(3, True)])], expectations) is None


def test_a_category_summary_counts_answers_and_the_right_ones_at_the_rated_level():
    answered = [
        ("lead", 4, 4, True),
        ("lead", 4, 3, True),  # a follow-up below the rating: an answer, not at the rating
        ("lead", 3, 3, False),
        ("tech", 2, 2, True),
    ]
    found = category_summaries(answered, ["tech", "lead", "money"])
    assert [(c.category, c.answers, c.at_rated_level, c.right_at_rated_level) for c in found] == [
        ("tech", 1, 1, 1),
        ("lead", 3, 2, 1),
    ]
    assert [c.share_right_at_rated_level for c in found] == [1.0, 0.5]


def test_no_answer_at_the_rated_level_has_no_share():
    (found,) = category_summaries([("lead", 4, 3, True)], ["lead"])
    assert found.share_right_at_rated_level is None


def test_about_fourteen_minutes_for_twenty_questions():
    assert minutes_for(20) == 14
    assert minutes_for(1) == 1
