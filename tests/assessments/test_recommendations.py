"""What to study next (the recommendations for the focus areas), on a plain snapshot."""

from hypothesis import given
from hypothesis import strategies as st

from assessments.reporting.recommendations import TOP_FOCUS_AREAS, recommend
from assessments.reporting.snapshot import (
    FrozenQuestion,
    FrozenResource,
    FrozenStep,
    FrozenTrend,
    Snapshot,
)

# Focus areas, most urgent first, as scoring hands them over.
FOCUS = ["f1", "f2", "f3", "f4", "f5", "f6", "f7"]


def resource(slug, step, order, items):
    return FrozenResource(slug, order, "book", "", {}, {}, {}, step, tuple(sorted(items)))


def empty_snapshot(**parts):
    return Snapshot(
        version=1, current_stage="s", target_stage="s", categories=(), items=(), stages=(), **parts
    )


def snapshot(resources=(), questions=(), trends=()):
    return empty_snapshot(
        # Listed out of order: the step's "order", not its place here, decides.
        learning_steps=(
            FrozenStep("late", 3, {}),
            FrozenStep("early", 1, {}),
            FrozenStep("middle", 2, {}),
        ),
        resources=tuple(resources),
        interview_questions=tuple(
            FrozenQuestion(s, n, {}, {}, tuple(sorted(i))) for n, (s, i) in enumerate(questions)
        ),
        trends=tuple(
            FrozenTrend(s, n, {}, {}, tuple(sorted(i))) for n, (s, i) in enumerate(trends)
        ),
    )


def slugs(recommendations):
    return [r.entry.slug for r in recommendations]


def test_it_recommends_for_the_top_five_focus_areas_only():
    assert TOP_FOCUS_AREAS == 5
    chosen = recommend(
        snapshot(
            resources=[
                resource("for-f5", "early", 1, ["f5"]),
                resource("for-f6", "early", 2, ["f6"]),  # sixth: beyond the top five
                resource("for-nobody", "early", 3, ["not-a-gap"]),
            ],
            questions=[("q-f6", ["f6"]), ("q-f1", ["f1"])],
            trends=[("t-f7", ["f7"]), ("t-f2", ["f2"])],
        ),
        FOCUS,
    )
    assert slugs(chosen["resources"]) == ["for-f5"]
    assert slugs(chosen["interview_questions"]) == ["q-f1"]
    assert slugs(chosen["trends"]) == ["t-f2"]


def test_the_number_of_focus_areas_served_can_be_chosen():
    data = snapshot(resources=[resource("for-f6", "early", 1, ["f6"])])
    assert slugs(recommend(data, FOCUS)["resources"]) == []
    assert slugs(recommend(data, FOCUS, top=6)["resources"]) == ["for-f6"]


def test_resources_come_in_learning_step_order_then_resource_order():
    chosen = recommend(
        snapshot(
            resources=[
                resource("late-1", "late", 1, ["f1"]),
                resource("middle-2", "middle", 2, ["f1"]),
                resource("early-9", "early", 9, ["f5"]),
                resource("middle-1", "middle", 1, ["f3"]),
                resource("early-2", "early", 2, ["f2"]),
            ]
        ),
        FOCUS,
    )
    # Steps early (1) < middle (2) < late (3), whatever the urgency of what they serve.
    assert slugs(chosen["resources"]) == ["early-2", "early-9", "middle-1", "middle-2", "late-1"]


def test_a_resource_for_several_gaps_is_listed_once_serving_them_most_urgent_first():
    chosen = recommend(
        snapshot(
            resources=[
                # Its items are stored alphabetically; it serves f4, f2 and f1 (and f6,
                # which is not in the top five).
                resource("shared-book", "early", 1, ["f4", "f2", "f6", "f1", "not-a-gap"]),
                resource("other-book", "middle", 1, ["f3"]),
            ]
        ),
        ["f4", "f2", "f3", "f1", "f5", "f6"],
    )
    assert slugs(chosen["resources"]) == ["shared-book", "other-book"]
    assert [r.serves for r in chosen["resources"]] == [["f4", "f2", "f1"], ["f3"]]


def test_questions_and_trends_are_tied_to_focus_areas_in_the_guide_order():
    chosen = recommend(
        snapshot(
            questions=[("q-a", ["f3", "x"]), ("q-b", ["x"]), ("q-c", ["f1", "f2"])],
            trends=[("t-a", ["f2"]), ("t-b", ["y", "f5", "f1"])],
        ),
        FOCUS,
    )
    assert [(r.entry.slug, r.serves) for r in chosen["interview_questions"]] == [
        ("q-a", ["f3"]),
        ("q-c", ["f1", "f2"]),
    ]
    assert [(r.entry.slug, r.serves) for r in chosen["trends"]] == [
        ("t-a", ["f2"]),
        ("t-b", ["f1", "f5"]),
    ]


def test_there_is_nothing_to_recommend_without_gaps():
    data = snapshot(
        resources=[resource("book", "early", 1, ["f1"])],
        questions=[("q", ["f1"])],
        trends=[("t", ["f1"])],
    )
    assert recommend(data, []) == {"resources": [], "interview_questions": [], "trends": []}


def test_a_snapshot_without_learning_data_recommends_nothing():
    assert recommend(empty_snapshot(), FOCUS) == {
        "resources": [],
        "interview_questions": [],
        "trends": [],
    }


item_slugs = st.sampled_from(["f1", "f2", "f3", "f4", "f5", "f6", "f7", "x", "y"])
resource_lists = st.lists(
    st.tuples(
        st.sampled_from(["early", "middle", "late"]),
        st.integers(1, 5),
        st.lists(item_slugs, min_size=1, max_size=4, unique=True),
    ),
    max_size=10,
)


@given(resource_lists, st.permutations(FOCUS))
def test_every_recommended_resource_serves_a_top_focus_area_once(rows, focus):
    data = snapshot(
        resources=[
            resource(f"r{n}", step, order, items) for n, (step, order, items) in enumerate(rows)
        ]
    )
    chosen = recommend(data, focus)["resources"]
    top = focus[:TOP_FOCUS_AREAS]
    assert len(slugs(chosen)) == len(set(slugs(chosen)))
    expected = {f"r{n}" for n, (_, _, items) in enumerate(rows) if set(items) & set(top)}
    assert set(slugs(chosen)) == expected
    for recommendation in chosen:
        assert recommendation.serves == [f for f in top if f in recommendation.entry.items]
    step_order = {"early": 1, "middle": 2, "late": 3}
    keys = [(step_order[r.entry.step], r.entry.order) for r in chosen]
    assert keys == sorted(keys)
