"""Core items on the real guide (issue 25): who reaches CTO, what holds a stage back, and
a plan that starts on what keeps the target out of reach."""

import pytest

from assessments.reporting.freeze import matrix_snapshot, snapshot_of
from assessments.reporting.snapshot import read_snapshot, score_snapshot
from content.models import CompanyKind, Item, TargetLevel
from plans.plan import TOP_ACTIONS, first_actions, plan_of
from tests.real_guide import ItemSlug, StageSlug

KINDS = (None, "startups", "it-vendors-sier", "manufacturing-infrastructure", "media-entertainment")


@pytest.fixture
def matrices(guide):
    items = list(Item.objects.filter(active=True).values_list("pk", flat=True))
    return {
        kind: matrix_snapshot(items, CompanyKind.objects.get(slug=kind) if kind else None)
        for kind in KINDS
    }


def frozen(
    matrix, levels, *, default=0, current=StageSlug.ENGINEERING_MANAGER, target=StageSlug.CTO
):
    answers = {item["id"]: (levels.get(item["slug"], default), "") for item in matrix["items"]}
    snapshot = read_snapshot(
        snapshot_of(matrix=matrix, answers=answers, current_stage=current, target_stage=target)
    )
    return snapshot, score_snapshot(snapshot)


def _core_of(stage):
    return list(
        TargetLevel.objects.filter(stage__slug=stage, core=True)
        .order_by("item__category__order", "item__order")
        .values_list("item__slug", flat=True)
    )


@pytest.mark.parametrize("kind", KINDS)
def test_someone_rated_3_on_every_item_is_not_a_cto(matrices, kind):
    snapshot, score = frozen(matrices[kind], {}, default=3)
    cto = score.target
    # Readiness alone would have called it: every expected level is 3 or 4.
    assert cto.readiness >= 80
    assert not cto.reached
    assert list(cto.blocked_by) == _core_of(StageSlug.CTO), "every CTO core item expects 4"
    assert score.best_fit_stage != StageSlug.CTO
    reached = [s.stage for s in score.by_stage if s.reached]
    assert reached[-1] == score.best_fit_stage
    assert StageSlug.CTO not in reached and StageSlug.VP_ENGINEERING not in reached


@pytest.mark.parametrize("kind", KINDS)
def test_someone_rated_4_on_every_item_is_a_cto(matrices, kind):
    snapshot, score = frozen(matrices[kind], {}, default=4)
    assert all(s.reached and s.blocked_by == () for s in score.by_stage)
    assert score.best_fit_stage == StageSlug.CTO


def test_the_snapshot_freezes_each_stages_core_items(matrices):
    snapshot, _ = frozen(matrices[None], {})
    for stage in snapshot.stages:
        assert list(stage.core) == _core_of(stage.slug)
        assert 3 <= len(stage.core) <= 6


def test_a_stage_is_held_back_by_exactly_its_core_items_below_level(matrices):
    # A strong architect who has never owned strategy: all at 4 but technology strategy 2.
    snapshot, score = frozen(matrices[None], {ItemSlug.TECHNOLOGY_STRATEGY: 2}, default=4)
    by_stage = {s.stage: s for s in score.by_stage}
    assert by_stage[StageSlug.SOLUTIONS_ARCHITECT].blocked_by == (ItemSlug.TECHNOLOGY_STRATEGY,)
    assert by_stage[StageSlug.CTO].blocked_by == (ItemSlug.TECHNOLOGY_STRATEGY,)
    assert by_stage[StageSlug.SOLUTIONS_ARCHITECT].readiness > 90
    # The management track does not make strategy core below CTO.
    assert by_stage[StageSlug.VP_ENGINEERING].reached
    assert score.best_fit_stage == StageSlug.VP_ENGINEERING


def test_the_plan_starts_on_a_core_item_when_one_keeps_the_target_out_of_reach(matrices):
    # An EM aiming at CTO: three weight-3 items two levels short (priority 6 each) and a
    # core item, budget and ROI, one level short (priority 3): by priority alone the core
    # item would not make the first three actions.
    levels = {
        ItemSlug.CYBERSECURITY: 1,
        ItemSlug.AI_ML: 1,
        ItemSlug.CRISIS_MANAGEMENT: 2,
        ItemSlug.BUDGET_ROI: 3,
    }
    snapshot, score = frozen(matrices[None], levels, default=4)
    assert score.focus_areas[:TOP_ACTIONS] == [
        ItemSlug.CYBERSECURITY,
        ItemSlug.AI_ML,
        ItemSlug.CRISIS_MANAGEMENT,
    ]
    assert score.target.blocked_by == (ItemSlug.BUDGET_ROI,)
    assert first_actions(score) == [ItemSlug.CYBERSECURITY, ItemSlug.AI_ML, ItemSlug.BUDGET_ROI]
    plan = plan_of(snapshot, score, hours_per_week=40)
    assert ItemSlug.BUDGET_ROI in [a.item for a in plan.actions + plan.later][:TOP_ACTIONS]


def test_the_plan_keeps_the_priority_order_when_a_core_item_is_already_in_it(matrices):
    levels = {
        ItemSlug.STRATEGIC_THINKING: 2,
        ItemSlug.AI_ML: 1,
        ItemSlug.CYBERSECURITY: 1,
        ItemSlug.CRISIS_MANAGEMENT: 2,
    }
    snapshot, score = frozen(matrices[None], levels, default=4)
    # Four at priority 6; the core item wins the tie and leads.
    assert score.focus_areas[0] == ItemSlug.STRATEGIC_THINKING
    assert first_actions(score) == score.focus_areas[:TOP_ACTIONS]


def test_no_core_gap_leaves_the_plan_to_priority(matrices):
    levels = {
        ItemSlug.CYBERSECURITY: 1,
        ItemSlug.AI_ML: 1,
        ItemSlug.CRISIS_MANAGEMENT: 2,
        ItemSlug.DATA_ENGINEERING: 2,
    }
    snapshot, score = frozen(matrices[None], levels, default=4)
    assert score.target.blocked_by == ()
    assert first_actions(score) == score.focus_areas[:TOP_ACTIONS]
