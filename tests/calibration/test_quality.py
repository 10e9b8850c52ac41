"""Question quality from the answers given: difficulty, discrimination, flags."""

from calibration.quality import ALL_RIGHT, ALL_WRONG, HIGH_RATERS_MISS, quality_of


def answers(high_right, high_wrong, low_right, low_wrong, level=3):
    return (
        [(4, level, True)] * high_right
        + [(4, level, False)] * high_wrong
        + [(1, level, True)] * low_right
        + [(1, level, False)] * low_wrong
    )


def test_nothing_is_judged_before_enough_answers():
    found = quality_of(answers(10, 0, 0, 10))
    assert (found.responses, found.difficulty, found.discrimination, found.flags) == (
        20,
        None,
        None,
        (),
    )


def test_a_good_question_separates_high_and_low_raters():
    found = quality_of(answers(18, 2, 5, 15))
    assert found.difficulty == 23 / 40
    assert found.discrimination == 18 / 20 - 5 / 20
    assert found.flags == ()


def test_questions_everyone_gets_right_or_wrong_are_flagged():
    assert ALL_RIGHT in quality_of(answers(20, 0, 20, 0)).flags
    assert ALL_WRONG in quality_of(answers(0, 20, 0, 20)).flags


def test_a_best_answer_high_raters_miss_more_is_flagged():
    found = quality_of(answers(5, 15, 15, 5))
    assert found.discrimination < 0
    assert HIGH_RATERS_MISS in found.flags


def test_discrimination_needs_both_groups():
    assert quality_of(answers(20, 10, 0, 0)).discrimination is None
