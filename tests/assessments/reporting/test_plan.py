"""The development plan: a pure function of the frozen snapshot and the hours per week."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from assessments.reporting.freeze import matrix_snapshot, snapshot_of
from assessments.reporting.recommendations import fits
from assessments.reporting.snapshot import read_snapshot, score_snapshot
from content.models import CompanyKind, Item
from plans.plan import PRACTICE_HOURS, TOP_ACTIONS, WEEKS, plan_of

SOME = settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@pytest.fixture
def matrix(guide):
    """The whole matrix frozen once, as completion freezes it (plain data, no database)."""
    items = list(Item.objects.filter(active=True).values_list("pk", flat=True))
    return {
        kind: matrix_snapshot(items, CompanyKind.objects.get(slug=kind) if kind else None)
        for kind in (None, "startups")
    }


def frozen(matrix, levels, *, current="tech-lead", target="cto", kind=None):
    """(Snapshot, Score) of answers given as {item slug: level} (others at 0)."""
    data = matrix[kind]
    answers = {item["id"]: (levels.get(item["slug"], 0), "") for item in data["items"]}
    snapshot = read_snapshot(
        snapshot_of(matrix=data, answers=answers, current_stage=current, target_stage=target)
    )
    return snapshot, score_snapshot(snapshot)


def all_at(matrix, level):
    return {item["slug"]: level for item in matrix[None]["items"]}


def test_full_marks_get_no_actions(matrix):
    snapshot, score = frozen(matrix, all_at(matrix, 4))
    plan = plan_of(snapshot, score)
    assert plan.actions == () and plan.later == ()


def test_the_actions_are_the_top_focus_areas_one_level_up(matrix):
    snapshot, score = frozen(matrix, all_at(matrix, 1))
    plan = plan_of(snapshot, score, hours_per_week=40)
    assert [a.item for a in plan.actions] == score.focus_areas[:TOP_ACTIONS]
    for action in plan.actions:
        assert (action.from_level, action.to_level) == (1, 2)
        assert action.goal, "the goal is the next level's rubric text"
        assert action.practice is not None and fits(action.practice.levels, 1)
        assert 1 <= len(action.resources) <= 2
        assert all(fits(r.levels, 1) for r in action.resources)
        assert action.hours == action.resources[0].effort_hours + PRACTICE_HOURS


def test_a_junior_at_zero_is_never_offered_material_for_higher_levels(matrix):
    snapshot, score = frozen(matrix, {}, current="junior-developer", target="senior-developer")
    plan = plan_of(snapshot, score, hours_per_week=40)
    assert plan.actions
    for action in plan.actions:
        assert all(r.levels[0] <= 1 for r in action.resources), action.item


def test_actions_are_scheduled_back_to_back_in_weeks(matrix):
    snapshot, score = frozen(matrix, all_at(matrix, 1))
    plan = plan_of(snapshot, score, hours_per_week=20)
    assert plan.actions[0].start_week == 1
    for before, after in zip(plan.actions, plan.actions[1:], strict=False):
        assert after.start_week >= before.end_week
    assert plan.actions[-1].end_week <= WEEKS


def test_the_kind_of_company_changes_the_plan_through_the_targets(matrix):
    # Programming 1 of 3: weight 2 in general (priority 4), 3 in startups (priority 6);
    # crisis management 2 of 4 at weight 3 (priority 6) either way.
    levels = {**all_at(matrix, 4), "programming-languages": 1, "crisis-management": 2}
    general = plan_of(*frozen(matrix, levels), hours_per_week=40)
    startup = plan_of(*frozen(matrix, levels, kind="startups"), hours_per_week=40)
    assert [a.item for a in general.actions] == ["crisis-management", "programming-languages"]
    # A tie at 6 goes to the matrix order: hard skills come before soft skills.
    assert [a.item for a in startup.actions] == ["programming-languages", "crisis-management"]


def test_hours_outside_1_to_40_are_refused(matrix):
    snapshot, score = frozen(matrix, {})
    for hours in (0, 41, -3):
        with pytest.raises(ValueError):
            plan_of(snapshot, score, hours_per_week=hours)


def test_a_first_edition_snapshot_has_no_plan(matrix):
    snapshot, score = frozen(matrix, {})
    old = snapshot.__class__(**{**snapshot.__dict__, "version": 1})
    assert plan_of(old, score) is None


LEVELS = st.integers(min_value=0, max_value=4)


@SOME
@given(data=st.data(), hours=st.integers(min_value=1, max_value=40))
def test_the_plan_never_exceeds_its_budget_unless_one_action_alone_does(matrix, data, hours):
    slugs = [item["slug"] for item in matrix[None]["items"]]
    levels = {slug: data.draw(LEVELS, label=slug) for slug in slugs}
    snapshot, score = frozen(matrix, levels)
    plan = plan_of(snapshot, score, hours_per_week=hours)
    assert len(plan.actions) + len(plan.later) == min(TOP_ACTIONS, len(score.focus_areas))
    if plan.over_budget:
        assert len(plan.actions) == 1 and plan.actions[0].hours > plan.budget
    else:
        assert plan.total_hours <= plan.budget
    for action in plan.actions + plan.later:
        assert action.to_level == action.from_level + 1 <= action.expected
    assert plan == plan_of(snapshot, score, hours_per_week=hours), "the same answers, the same plan"
