"""Which question comes next and in which order its choices show, as plain functions."""

from collections import Counter

from calibration.adaptive import (
    Asked,
    first_probe,
    items_to_ask,
    next_question,
    question_range,
    shuffled,
)
from calibration.verdicts import MAX_QUESTIONS, Question, Rated


def rated(item, rating, importance=2, position=None):
    return Rated(item, rating, importance, position or (1, int(item.strip("i") or 0)))


def bank(*items, levels=(2, 3, 4)):
    return [Question(f"{item}-{level}", item, level, level) for item in items for level in levels]


def run(plan, questions, answer, limit=MAX_QUESTIONS):
    """Every question the check puts when `answer(question)` says right or wrong."""
    asked = []
    while (found := next_question(plan, questions, asked, limit)) is not None:
        _, question = found
        asked.append(Asked(question.item, question.slug, question.level, answer(question)))
    return asked


def test_items_rated_2_or_higher_with_a_question_the_weightiest_first():
    questions = bank("i1", "i2", "i3", "i4")
    plan = items_to_ask(
        [
            rated("i1", 3, importance=1),
            rated("i2", 1, importance=3),  # rated 1: not asked
            rated("i3", 4, importance=3),
            rated("i4", 2, importance=3),
            rated("i5", 4, importance=3),  # no question
        ],
        questions,
    )
    assert [r.item for r in plan] == ["i3", "i4", "i1"]


def test_the_first_question_probes_the_rated_level():
    assert first_probe(3, bank("i1")).level == 3
    assert first_probe(4, bank("i1")).level == 4


def test_without_a_question_at_the_rated_level_the_nearest_the_higher_on_a_tie():
    assert first_probe(4, bank("i1", levels=(2, 3))).level == 3
    assert first_probe(3, bank("i1", levels=(2, 4))).level == 4
    assert first_probe(2, []) is None


def test_a_wrong_answer_brings_one_more_a_level_lower():
    asked = run([rated("i1", 4)], bank("i1"), answer=lambda q: False)
    assert [(a.level, a.correct) for a in asked] == [(4, False), (3, False)]


def test_a_right_answer_below_4_brings_one_more_a_level_higher():
    asked = run([rated("i1", 2)], bank("i1"), answer=lambda q: True)
    assert [a.level for a in asked] == [2, 3]


def test_a_right_answer_at_4_is_enough():
    asked = run([rated("i1", 4)], bank("i1"), answer=lambda q: True)
    assert [a.level for a in asked] == [4]


def test_without_a_question_a_level_lower_the_nearest_lower_one_or_none():
    asked = run([rated("i1", 4)], bank("i1", levels=(2, 4)), answer=lambda q: False)
    assert [a.level for a in asked] == [4, 2]
    asked = run([rated("i1", 2)], bank("i1", levels=(2, 3)), answer=lambda q: False)
    assert [a.level for a in asked] == [2]  # nothing below level 2 for this item


def test_the_follow_up_comes_straight_after_its_first_answer():
    plan = [rated("i1", 4, importance=3), rated("i2", 3, importance=1)]
    asked = run(plan, bank("i1", "i2"), answer=lambda q: q.item == "i2")
    assert [(a.item, a.level) for a in asked] == [("i1", 4), ("i1", 3), ("i2", 3), ("i2", 4)]


def test_at_most_the_limit_in_all_the_weightiest_items_first():
    ratings = [rated(f"i{n}", 2 + n % 3, importance=1 + n % 3) for n in range(1, 31)]
    questions = bank(*(f"i{n}" for n in range(1, 31)))
    plan = items_to_ask(ratings, questions)
    asked = run(plan, questions, answer=lambda q: False)
    assert len(asked) == MAX_QUESTIONS
    kept = {a.item for a in asked}
    weights = {r.item: r.importance for r in ratings}
    assert min(weights[i] for i in kept) >= max(weights[r.item] for r in plan if r.item not in kept)


def test_a_question_is_never_put_twice():
    questions = [Question("only", "i1", 3, 1)]
    asked = run([rated("i1", 3)], questions, answer=lambda q: True)
    assert [a.slug for a in asked] == ["only"]


def test_the_range_of_questions_says_one_or_two_per_item_within_the_limit():
    questions = bank("i1", "i2") + [Question("i3-3", "i3", 3, 1)]
    plan = [rated("i1", 3), rated("i2", 3), rated("i3", 3)]
    assert question_range(plan, questions) == (3, 5)
    assert question_range(plan, questions, limit=4) == (3, 4)


def test_the_choices_stay_in_one_order_for_an_assessment_and_question():
    first = shuffled([1, 2, 3, 4], assessment="a1", question="q")
    assert shuffled([4, 3, 2, 1], assessment="a1", question="q") == first
    assert sorted(first) == [1, 2, 3, 4]


def test_the_order_differs_between_assessments_and_between_questions():
    orders = {tuple(shuffled([1, 2, 3, 4], assessment=f"a{n}", question="q")) for n in range(40)}
    assert len(orders) > 12
    assert shuffled([1, 2, 3, 4], assessment="a1", question="q1") != shuffled(
        [1, 2, 3, 4], assessment="a1", question="q2"
    )


def test_the_key_is_shown_in_each_place_about_as_often():
    # Choice 1 stands for the key wherever the guide put it: its place after shuffling.
    places = Counter(
        shuffled([1, 2, 3, 4], assessment=f"assessment-{n}", question="q").index(1)
        for n in range(2000)
    )
    assert set(places) == {0, 1, 2, 3}
    assert all(0.21 < count / 2000 < 0.29 for count in places.values())
