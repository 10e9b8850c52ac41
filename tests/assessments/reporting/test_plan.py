"""The development plan: a pure function of the frozen snapshot and the hours per week."""

from dataclasses import replace

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from assessments.reporting.freeze import matrix_snapshot, snapshot_of
from assessments.reporting.recommendations import fits
from assessments.reporting.snapshot import read_snapshot, score_snapshot
from content.models import CompanyKind, Item
from plans import plan as planning
from plans.plan import PRACTICE_HOURS, TOP_ACTIONS, WEEKS, band_for, fit_for, plan_of
from tests.real_guide import ItemSlug, StageSlug

SOME = settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@pytest.fixture
def matrix(guide):
    """The whole matrix frozen once, as completion freezes it (plain data, no database)."""
    items = list(Item.objects.filter(active=True).values_list("pk", flat=True))
    return {
        kind: matrix_snapshot(items, CompanyKind.objects.get(slug=kind) if kind else None)
        for kind in (None, "startups", "manufacturing-infrastructure")
    }


def frozen(matrix, levels, *, current=StageSlug.TECH_LEAD, target=StageSlug.CTO, kind=None):
    """(Snapshot, Score) of answers given as {item slug: level} (others at 0)."""
    data = matrix[kind]
    answers = {item["id"]: (levels.get(item["slug"], 0), "") for item in data["items"]}
    snapshot = read_snapshot(
        snapshot_of(matrix=data, answers=answers, current_stage=current, target_stage=target)
    )
    return snapshot, score_snapshot(snapshot)


def all_at(matrix, level):
    return {item["slug"]: level for item in matrix[None]["items"]}


def check_hours(plan, practice=lambda action: action.practice.hours):
    """Each action counts its practice, and its first resource unless an action of the plan
    before it already counts that one (a book is read once)."""
    studied = set()
    for action in plan.actions:
        first = action.resources[0]
        assert action.hours == (0 if first.slug in studied else first.effort_hours) + practice(
            action
        ), action.item
        studied.add(first.slug)
    for action in plan.later:
        first = action.resources[0]
        assert action.hours == (0 if first.slug in studied else first.effort_hours) + practice(
            action
        ), action.item


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
        assert action.practice is not None and action.practice.levels == (1, 2)
        assert 1 <= len(action.resources) <= 2
        assert all(fits(band_for(r, action.item), 1) for r in action.resources)
    check_hours(plan)


def test_a_junior_at_zero_is_never_offered_material_for_higher_levels(matrix):
    snapshot, score = frozen(
        matrix, {}, current=StageSlug.JUNIOR_DEVELOPER, target=StageSlug.SENIOR_DEVELOPER
    )
    plan = plan_of(snapshot, score, hours_per_week=40)
    assert plan.actions
    for action in plan.actions:
        assert all(band_for(r, action.item)[0] <= 1 for r in action.resources), action.item


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
    levels = {**all_at(matrix, 4), ItemSlug.PROGRAMMING_LANGUAGES: 1, ItemSlug.CRISIS_MANAGEMENT: 2}
    general = plan_of(*frozen(matrix, levels), hours_per_week=40)
    startup = plan_of(*frozen(matrix, levels, kind="startups"), hours_per_week=40)
    assert [a.item for a in general.actions] == [
        ItemSlug.CRISIS_MANAGEMENT,
        ItemSlug.PROGRAMMING_LANGUAGES,
    ]
    # A tie at 6 goes to the matrix order: hard skills come before soft skills.
    assert [a.item for a in startup.actions] == [
        ItemSlug.PROGRAMMING_LANGUAGES,
        ItemSlug.CRISIS_MANAGEMENT,
    ]


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


@SOME
@given(data=st.data(), hours=st.integers(min_value=1, max_value=40))
def test_the_hours_a_week_offered_fit_the_next_action_and_no_fewer_would(matrix, data, hours):
    slugs = [item["slug"] for item in matrix[None]["items"]]
    levels = {slug: data.draw(LEVELS, label=slug) for slug in slugs}
    snapshot, score = frozen(matrix, levels)
    plan = plan_of(snapshot, score, hours_per_week=hours)
    offered = plan.fitting_hours_per_week
    assert plan.hours_left == plan.budget - plan.total_hours or plan.over_budget
    if not plan.later and not plan.over_budget:
        assert offered is None  # nothing waits
        return
    if offered is None:
        return  # not even 40 hours a week would fit it
    assert offered > hours
    refitted = plan_of(snapshot, score, hours_per_week=offered)
    waiting = plan.later[0].item if plan.later else plan.actions[0].item
    assert waiting in [a.item for a in refitted.actions]
    assert not refitted.over_budget
    if offered - 1 > hours:
        fewer = plan_of(snapshot, score, hours_per_week=offered - 1)
        assert waiting not in [a.item for a in fewer.actions] or fewer.over_budget


def _core_first_check(action):
    """The first resource is a core one for the item, serving the person's level."""
    first = action.resources[0]
    assert fit_for(first, action.item) == "core", (action.item, first.slug)
    assert fits(band_for(first, action.item), action.from_level), (action.item, first.slug)
    assert action.resource_fit == tuple(fit_for(r, action.item) for r in action.resources)


@pytest.mark.parametrize("level", [0, 1, 2, 3])
def test_every_item_at_every_level_starts_on_a_core_resource_of_its_band(matrix, level):
    snapshot, score = frozen(matrix, all_at(matrix, level))
    for item in (i.slug for i in snapshot.items):
        picks = planning._resources_for(snapshot, item, level)
        assert picks, item
        first = picks[0]
        assert fit_for(first, item) == "core", (item, level, first.slug)
        assert fits(band_for(first, item), level), (item, level, first.slug)
        core = [
            r
            for r in snapshot.resources
            if item in r.items and fit_for(r, item) == "core" and fits(band_for(r, item), level)
        ]
        assert first.effort_hours == min(r.effort_hours for r in core), "the lighter core first"


# Three people an expert coach would meet (issue 25): where they stand, where they aim.
SENIOR_TO_EM_IN_A_STARTUP = {
    "current": StageSlug.SENIOR_DEVELOPER,
    "target": StageSlug.ENGINEERING_MANAGER,
    "kind": "startups",
    "levels": {
        ItemSlug.PROGRAMMING_LANGUAGES: 3,
        ItemSlug.SYSTEM_ARCHITECTURE: 2,
        ItemSlug.CLOUD_COMPUTING: 2,
        ItemSlug.DEVOPS_AUTOMATION: 2,
        ItemSlug.CICD_TOOLS: 3,
        ItemSlug.COMMUNICATION: 2,
        ItemSlug.LEADERSHIP_CULTURE: 1,
        ItemSlug.TEAM_BUILDING: 1,
        ItemSlug.HR_TEAM: 0,
        ItemSlug.PROJECT_MANAGEMENT_TOOLS: 2,
    },
}
TECH_LEAD_TO_SA = {
    "current": StageSlug.TECH_LEAD,
    "target": StageSlug.SOLUTIONS_ARCHITECT,
    "kind": None,
    "levels": {
        ItemSlug.PROGRAMMING_LANGUAGES: 3,
        ItemSlug.SYSTEM_ARCHITECTURE: 2,
        ItemSlug.CLOUD_COMPUTING: 2,
        ItemSlug.ARCHITECTURE_OVERSIGHT: 1,
        ItemSlug.DATA_ENGINEERING: 2,
        ItemSlug.CYBERSECURITY: 1,
        ItemSlug.LEADERSHIP_CULTURE: 2,
        ItemSlug.COMMUNICATION: 2,
        ItemSlug.TECHNOLOGY_STRATEGY: 1,
    },
}
EM_TO_CTO_IN_MANUFACTURING = {
    "current": StageSlug.ENGINEERING_MANAGER,
    "target": StageSlug.CTO,
    "kind": "manufacturing-infrastructure",
    "levels": {
        ItemSlug.PROGRAMMING_LANGUAGES: 2,
        ItemSlug.SYSTEM_ARCHITECTURE: 2,
        ItemSlug.LEADERSHIP_CULTURE: 3,
        ItemSlug.TEAM_BUILDING: 3,
        ItemSlug.HR_TEAM: 2,
        ItemSlug.COMMUNICATION: 3,
        ItemSlug.STRATEGIC_THINKING: 1,
        ItemSlug.TECHNOLOGY_STRATEGY: 1,
        ItemSlug.EXECUTIVE_TEAM: 1,
        ItemSlug.BUDGET_ROI: 1,
        ItemSlug.RISK_SECURITY_GOVERNANCE: 1,
    },
}


@pytest.mark.parametrize(
    "person",
    [SENIOR_TO_EM_IN_A_STARTUP, TECH_LEAD_TO_SA, EM_TO_CTO_IN_MANUFACTURING],
    ids=["senior-to-em-startup", "tech-lead-to-sa", "em-to-cto-manufacturing"],
)
def test_a_persons_plan_offers_core_resources_of_their_band_and_practice_of_their_step(
    matrix, person
):
    levels = {**all_at(matrix, 2), **person["levels"]}
    snapshot, score = frozen(
        matrix, levels, current=person["current"], target=person["target"], kind=person["kind"]
    )
    plan = plan_of(snapshot, score, hours_per_week=10)
    actions = plan.actions + plan.later
    assert actions
    core = set(snapshot.stage(person["target"]).core)
    core_gaps = {i.item for i in score.items if i.item in core and i.gap > 0}
    assert core_gaps, "each person is short on some of the role's core items"
    assert {a.item for a in actions} & core_gaps, "the plan starts on the target's core items"
    asked = []
    check_hours(plan)
    for action in actions:
        _core_first_check(action)
        assert action.practice.levels == (action.from_level, action.to_level)
        for question in action.questions:
            assert action.item in question.items, (action.item, question.slug)
        asked += [question.slug for question in action.questions]
    assert len(asked) == len(set(asked)), "a question is shown once per plan"


def test_a_company_wide_practice_is_not_offered_one_level_below_it(matrix):
    snapshot, score = frozen(matrix, all_at(matrix, 2))
    plan = plan_of(snapshot, score, hours_per_week=40)
    for action in plan.actions + plan.later:
        assert action.practice.levels == (2, 3), action.practice.slug


def test_practice_counts_its_own_hours(matrix):
    snapshot, score = frozen(matrix, all_at(matrix, 3))
    low_snapshot, low_score = frozen(matrix, all_at(matrix, 0))
    high = plan_of(snapshot, score, hours_per_week=40)
    low = plan_of(low_snapshot, low_score, hours_per_week=40)
    top = [a.practice.hours for a in high.actions + high.later]
    first = [a.practice.hours for a in low.actions + low.later]
    assert min(top) > max(first), "setting direction company-wide takes longer than a first look"


def test_the_hr_action_is_never_checked_with_a_question_about_languages(matrix):
    snapshot, score = frozen(
        matrix, {**all_at(matrix, 4), ItemSlug.HR_TEAM: 1, ItemSlug.PROGRAMMING_LANGUAGES: 1}
    )
    plan = plan_of(snapshot, score, hours_per_week=40)
    by_item = {a.item: a for a in plan.actions + plan.later}
    assert by_item[ItemSlug.HR_TEAM].questions == ()
    assert [q.slug for q in by_item[ItemSlug.PROGRAMMING_LANGUAGES].questions] == [
        "language-change"
    ]


def test_a_snapshot_frozen_before_fits_ranks_by_hours_and_counts_six_practice_hours(matrix):
    snapshot, score = frozen(matrix, all_at(matrix, 1))
    old = replace(
        snapshot,
        version=3,
        resources=tuple(replace(r, links=()) for r in snapshot.resources),
        practice=tuple(replace(p, hours=None) for p in snapshot.practice),
    )
    plan = plan_of(old, score, hours_per_week=40)
    for action in plan.actions:
        assert action.resource_fit == (None,) * len(action.resources)
        hours = [r.effort_hours for r in action.resources]
        assert hours == sorted(hours)
    check_hours(plan, practice=lambda action: PRACTICE_HOURS)


def test_a_book_two_actions_would_share_is_counted_once_and_another_core_one_preferred(matrix):
    # Leading, team building and the HR partnership at 0-1: The Manager's Path is core for
    # all three, so the plan reads it once (or picks another core book), never three times.
    levels = {
        **all_at(matrix, 4),
        ItemSlug.LEADERSHIP_CULTURE: 1,
        ItemSlug.TEAM_BUILDING: 0,
        ItemSlug.HR_TEAM: 0,
    }
    snapshot, score = frozen(
        matrix, levels, current=StageSlug.SENIOR_DEVELOPER, target=StageSlug.ENGINEERING_MANAGER
    )
    plan = plan_of(snapshot, score, hours_per_week=40)
    assert len(plan.actions) == 3
    firsts = [a.resources[0] for a in plan.actions]
    counted = sum(a.hours - a.practice.hours for a in plan.actions)
    assert counted == sum(r.effort_hours for r in {r.slug: r for r in firsts}.values())
    assert len({r.slug for r in firsts}) >= 2, "another core book where one fits"
