"""The scoring formula (assessments/scoring.py), on plain data: no database, no client.

Every expected number below is worked out by hand in a comment, not by the code under test.
"""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from assessments.scoring import BEST_FIT_THRESHOLD, Expectation, Rating, score, shown_percent


def rating(item, value, position, category="c1"):
    return Rating(item=item, category=category, position=position, rating=value)


def one_stage(ratings, profile, stage="target"):
    return score(ratings=ratings, profiles={stage: profile}, stages=[stage], target_stage=stage)


# --- worked examples -----------------------------------------------------------------------


def test_it_scores_three_items_as_worked_out_by_hand():
    ratings = [rating("a", 1, (1, 1)), rating("b", 4, (1, 2)), rating("c", 0, (1, 3))]
    profile = {
        "a": Expectation(expected=3, importance=3),
        "b": Expectation(expected=2, importance=2),
        "c": Expectation(expected=1, importance=1),
    }
    result = one_stage(ratings, profile)
    # a: g = max(0, 3-1) = 2, priority 3*2 = 6; met 3*min(1,3) = 3 of 3*3 = 9
    # b: g = max(0, 2-4) = 0, priority 0;      met 2*min(4,2) = 4 of 2*2 = 4 (a strength)
    # c: g = max(0, 1-0) = 1, priority 1*1 = 1; met 1*min(0,1) = 0 of 1*1 = 1
    # readiness = (3 + 4 + 0) / (9 + 4 + 1) = 7 / 14 = 50 %
    assert [(i.item, i.gap, i.priority) for i in result.items] == [
        ("a", 2, 6),
        ("b", 0, 0),
        ("c", 1, 1),
    ]
    assert result.target_readiness == 50.0
    assert result.focus_areas == ["a", "c"]
    assert result.strengths == ["b"]


def test_it_gives_no_extra_credit_above_the_expected_level():
    # x: met 1*min(4,1) = 1 of 1; y: met 2*min(0,2) = 0 of 2*2 = 4 -> 1/5 = 20 %
    ratings = [rating("x", 4, (1, 1)), rating("y", 0, (1, 2))]
    profile = {"x": Expectation(1, 1), "y": Expectation(2, 2)}
    assert one_stage(ratings, profile).target_readiness == 20.0


def test_it_counts_a_stage_that_expects_nothing_as_fully_met():
    ratings = [rating("a", 0, (1, 1)), rating("b", 3, (1, 2))]
    profile = {"a": Expectation(0, 3), "b": Expectation(0, 1)}
    assert one_stage(ratings, profile).target_readiness == 100.0


def test_it_ignores_items_expected_at_zero_in_the_readiness():
    # Only b counts: met 2*min(1,2) = 2 of 2*2 = 4 -> 50 %; a (e=0, r=0) adds nothing.
    ratings = [rating("a", 0, (1, 1)), rating("b", 1, (1, 2))]
    profile = {"a": Expectation(0, 3), "b": Expectation(2, 2)}
    assert one_stage(ratings, profile).target_readiness == 50.0


def test_it_treats_an_item_missing_from_a_profile_as_expected_at_zero():
    # a is not in the profile: expected 0, importance 1, so only b counts: 1/2 = 50 %.
    ratings = [rating("a", 0, (1, 1)), rating("b", 1, (1, 2))]
    result = one_stage(ratings, {"b": Expectation(2, 1)})
    assert [(i.item, i.expected, i.importance, i.gap) for i in result.items] == [
        ("a", 0, 1, 0),
        ("b", 2, 1, 1),
    ]
    assert result.target_readiness == 50.0


LADDER = ["junior", "senior", "lead"]


def ladder_score(profiles, target="lead"):
    # One item p (rating 4) and one item q (rating 0), both of importance 1.
    ratings = [rating("p", 4, (1, 1)), rating("q", 0, (1, 2))]
    return score(ratings=ratings, profiles=profiles, stages=LADDER, target_stage=target)


def profile(p, q):
    return {"p": Expectation(p, 1), "q": Expectation(q, 1)}


def test_the_best_fit_is_the_highest_stage_at_or_above_the_threshold():
    assert BEST_FIT_THRESHOLD == 80.0
    result = ladder_score(
        {
            "junior": profile(1, 0),  # 1/1 = 100 %
            "senior": profile(4, 1),  # (4 + 0) / (4 + 1) = 80 % exactly: reached
            "lead": profile(4, 2),  # 4 / 6 = 66.7 %
        }
    )
    assert [s.readiness for s in result.by_stage][:2] == [100.0, 80.0]
    assert result.best_fit_stage == "senior"


def test_the_best_fit_skips_a_lower_stage_reached_below_a_higher_one():
    result = ladder_score(
        {
            "junior": profile(2, 2),  # 2/4 = 50 %
            "senior": profile(4, 0),  # 4/4 = 100 %
            "lead": profile(3, 3),  # 3/6 = 50 %
        }
    )
    assert result.best_fit_stage == "senior"


def test_the_best_fit_is_the_first_stage_when_no_stage_is_reached():
    # Every stage: (min(4,e) + 0) / (e + 3) <= 4/7 = 57.1 % < 80 %.
    result = ladder_score({stage: profile(4, 3) for stage in LADDER})
    assert [s.readiness for s in result.by_stage] == pytest.approx([400 / 7] * 3)
    assert result.best_fit_stage == "junior"


def test_readiness_is_computed_for_every_stage_in_ladder_order():
    result = ladder_score(
        {"junior": profile(1, 0), "senior": profile(2, 2), "lead": profile(0, 4)}, target="senior"
    )
    # junior 1/1 = 100; senior (2 + 0) / 4 = 50; lead 0/4 = 0
    assert [(s.stage, s.readiness) for s in result.by_stage] == [
        ("junior", 100.0),
        ("senior", 50.0),
        ("lead", 0.0),
    ]
    assert result.target_readiness == 50.0


def test_focus_areas_go_by_importance_times_gap_then_category_then_item_order():
    # Given out of order on purpose: the position, not the input order, breaks ties.
    ratings = [
        rating("x", 0, (2, 1), "c2"),  # w 2 * g 2 = 4, category 2
        rating("z", 1, (1, 2), "c1"),  # w 3 * g 1 = 3
        rating("y", 0, (1, 5), "c1"),  # w 1 * g 4 = 4, category 1, item 5
        rating("v", 1, (3, 1), "c3"),  # w 3 * g 3 = 9
        rating("u", 2, (1, 1), "c1"),  # w 2 * g 2 = 4, category 1, item 1
        rating("s", 3, (1, 3), "c1"),  # no gap: not a focus area
    ]
    profile = {
        "x": Expectation(2, 2),
        "z": Expectation(2, 3),
        "y": Expectation(4, 1),
        "v": Expectation(4, 3),
        "u": Expectation(4, 2),
        "s": Expectation(3, 3),
    }
    result = one_stage(ratings, profile)
    # 9: v; 4: u (1,1), y (1,5), x (2,1); 3: z
    assert result.focus_areas == ["v", "u", "y", "x", "z"]
    assert [i.item for i in result.items] == ["u", "z", "s", "y", "x", "v"]


def test_strengths_are_the_items_rated_above_the_expected_level():
    ratings = [
        rating("above", 3, (1, 1)),  # 3 > 2: a strength
        rating("equal", 2, (1, 2)),  # 2 = 2: met, not a strength
        rating("below", 1, (1, 3)),
        rating("far-above", 4, (1, 4)),  # 4 > 0 with importance 3: surplus 3*4 = 12
    ]
    profile = {
        "above": Expectation(2, 2),
        "equal": Expectation(2, 2),
        "below": Expectation(2, 2),
        "far-above": Expectation(0, 3),
    }
    result = one_stage(ratings, profile)
    assert result.strengths == ["far-above", "above"]
    assert [i.item for i in result.items if i.is_strength] == ["above", "far-above"]


def test_category_scores_are_the_mean_rating_and_the_readiness_within_the_category():
    ratings = [
        rating("a", 1, (1, 1), "one"),
        rating("b", 4, (1, 2), "one"),
        rating("c", 2, (2, 1), "two"),
        rating("d", 3, (2, 2), "two"),
    ]
    profile = {
        "a": Expectation(3, 2),
        "b": Expectation(2, 1),
        "c": Expectation(0, 1),
        "d": Expectation(0, 3),
    }
    result = one_stage(ratings, profile)
    one, two = result.categories
    # one: mean (1 + 4) / 2 = 2.5; readiness (2*1 + 1*2) / (2*3 + 1*2) = 4/8 = 50 %
    assert (one.category, one.mean_rating, one.readiness) == ("one", 2.5, 50.0)
    # two: mean (2 + 3) / 2 = 2.5; nothing expected, so no readiness at all
    assert (two.category, two.mean_rating, two.readiness) == ("two", 2.5, None)


def test_an_unknown_target_stage_is_refused():
    with pytest.raises(ValueError, match="nowhere"):
        score(ratings=[], profiles={}, stages=LADDER, target_stage="nowhere")


# --- properties ----------------------------------------------------------------------------

answered_items = st.lists(
    st.tuples(
        st.integers(0, 4),  # rating
        st.integers(0, 4),  # expected
        st.integers(1, 3),  # importance
    ),
    min_size=1,
    max_size=12,
)


def scored(rows):
    ratings = [rating(f"i{n}", r, (1, n)) for n, (r, _, _) in enumerate(rows)]
    profile = {f"i{n}": Expectation(e, w) for n, (_, e, w) in enumerate(rows)}
    return one_stage(ratings, profile)


@given(answered_items)
def test_readiness_stays_between_0_and_100(rows):
    assert 0.0 <= scored(rows).target_readiness <= 100.0


@given(answered_items, st.data())
def test_readiness_never_falls_when_one_rating_rises(rows, data):
    index = data.draw(st.integers(0, len(rows) - 1))
    r, e, w = rows[index]
    if r == 4:
        return
    raised = [*rows[:index], (r + 1, e, w), *rows[index + 1 :]]
    assert scored(raised).target_readiness >= scored(rows).target_readiness


@given(answered_items)
def test_readiness_is_100_when_every_rating_meets_the_expected_level(rows):
    met = [(max(r, e), e, w) for r, e, w in rows]
    assert scored(met).target_readiness == 100.0


@given(answered_items)
def test_readiness_is_0_when_every_rating_is_0_and_something_is_expected(rows):
    zeros = [(0, e, w) for _, e, w in rows]
    if all(e == 0 for _, e, _ in rows):
        zeros[0] = (0, 1, zeros[0][2])
    assert scored(zeros).target_readiness == 0.0


@given(answered_items)
def test_every_gap_is_the_shortfall_below_the_expected_level(rows):
    result = scored(rows)
    assert [(i.gap, i.priority) for i in result.items] == [
        (max(0, e - r), w * max(0, e - r)) for r, e, w in rows
    ]
    assert set(result.focus_areas) == {i.item for i in result.items if i.gap > 0}


# --- whether a stage is reached is decided once ------------------------------------------


def test_a_stage_at_79_95_percent_is_not_reached_and_is_not_shown_as_80():
    # 500 items expected at 4 with importance 1: 2000 weighted points. 399 items at 4 and
    # one at 3 meet 399 * 4 + 3 = 1599 of them: 1599 / 2000 = 79.95 %, which rounds to 80.0.
    ratings = [rating(f"i{n}", 4 if n < 399 else 3 if n == 399 else 0, (1, n)) for n in range(500)]
    profiles = {
        "lower": {r.item: Expectation(0, 1) for r in ratings},
        "upper": {r.item: Expectation(4, 1) for r in ratings},
    }
    result = score(
        ratings=ratings, profiles=profiles, stages=["lower", "upper"], target_stage="upper"
    )
    upper = result.target
    assert upper.readiness == pytest.approx(79.95)
    assert not upper.reached
    assert result.best_fit_stage == "lower"
    # Shown to one decimal, but never rounded up onto the threshold it did not reach.
    assert upper.percent == 79.9
    assert [s.reached for s in result.by_stage] == [True, False]


@pytest.mark.parametrize(
    ("value", "reached", "shown"),
    [
        (79.94, False, 79.9),
        (79.95, False, 79.9),
        (79.99, False, 79.9),
        (80.0, True, 80.0),
        (80.04, True, 80.0),
        (66.666, False, 66.7),
        (66.65, None, 66.7),  # not a stage: plain rounding to one decimal
        (None, None, None),
    ],
)
def test_percentages_are_shown_to_one_decimal_and_never_cross_the_threshold(value, reached, shown):
    assert shown_percent(value, reached=reached) == shown


def test_category_means_of_ratings_and_of_the_target_come_from_scoring():
    ratings = [rating("a", 1, (1, 1)), rating("b", 4, (1, 2)), rating("c", 2, (2, 1), "c2")]
    profile = {"a": Expectation(3, 1), "b": Expectation(2, 1), "c": Expectation(0, 1)}
    categories = {c.category: c for c in one_stage(ratings, profile).categories}
    # c1: ratings (1 + 4) / 2 = 2.5, expected (3 + 2) / 2 = 2.5; c2 expects nothing.
    assert (categories["c1"].mean_rating, categories["c1"].mean_expected) == (2.5, 2.5)
    assert (categories["c2"].mean_expected, categories["c2"].readiness) == (0.0, None)


def test_a_top_level_target_met_is_a_strength_but_a_lower_target_met_is_not():
    ratings = [
        rating("top-met", 4, (1, 1)),  # 4 = 4: nobody can rate above 4, so a strength
        rating("met", 3, (1, 2)),  # 3 = 3: met, not a strength (4 was possible)
        rating("above", 3, (1, 3)),  # 3 > 2 by one level, importance 1
    ]
    profile = {
        "top-met": Expectation(expected=4, importance=3),  # weighs 3 * 1 = 3
        "met": Expectation(expected=3, importance=3),
        "above": Expectation(expected=2, importance=1),  # weighs 1 * 1 = 1
    }
    result = one_stage(ratings, profile)
    assert result.strengths == ["top-met", "above"]
