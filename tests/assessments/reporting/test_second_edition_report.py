"""A report of the guide's second edition: the kind of company, the route and the practice."""

import json

import pytest

from assessments.reporting.snapshot import FrozenStage, Snapshot
from content.models import TargetLevel, TargetOverride
from reports.files import export_filename, report_data, report_json
from reports.report import StageRow, build_report
from reports.route import route_of
from tests.factories import CompletedAssessmentFactory
from tests.real_guide import StageSlug


def _profile(assessment, stage):
    cells = next(s for s in assessment.snapshot["stages"] if s["slug"] == stage)["profile"]
    return {item: tuple(cell) for item, cell in cells.items()}


def test_a_kind_of_company_freezes_its_adjusted_profile(guide):
    override = TargetOverride.objects.filter(company_kind__slug="startups").first()
    base = TargetLevel.objects.get(stage=override.stage, item=override.item)
    startup = CompletedAssessmentFactory(company_kind="startups", default=2)
    general = CompletedAssessmentFactory(default=2)
    wanted = (
        override.expected if override.expected is not None else base.expected,
        override.importance if override.importance is not None else base.importance,
    )
    assert _profile(startup, override.stage.slug)[override.item.slug] == wanted
    assert _profile(general, override.stage.slug)[override.item.slug] == (
        base.expected,
        base.importance,
    )


def test_the_startup_and_the_general_report_differ_only_through_the_targets(guide):
    startup = CompletedAssessmentFactory(company_kind="startups", default=2)
    general = CompletedAssessmentFactory(default=2)
    ours = build_report(startup, language="en")
    theirs = build_report(general, language="en")
    assert [i.rating for i in ours.items] == [i.rating for i in theirs.items]
    assert ours.target_readiness != theirs.target_readiness
    assert ours.company_kind.slug == "startups"
    assert ours.company_kind.name == "Startups and unicorns"
    assert theirs.company_kind is None


def test_the_kind_stays_frozen_when_an_admin_edits_the_overrides(guide):
    startup = CompletedAssessmentFactory(company_kind="startups", default=2)
    before = report_json(build_report(startup, language="ja"))
    TargetOverride.objects.filter(company_kind__slug="startups").update(expected=4)
    assert report_json(build_report(startup, language="ja")) == before


@pytest.mark.parametrize("language", ["ja", "en"])
def test_the_json_names_the_kind_and_the_route(guide, language):
    assessment = CompletedAssessmentFactory(company_kind="media-entertainment", default=2)
    data = json.loads(report_json(build_report(assessment, language=language)))
    assert data["schema"] == "cto-assess/report/v2"
    assert data["assessment"]["company_kind"] == "media-entertainment"
    assert data["route"]["best_fit"] == data["best_fit_stage"]
    for step in data["route"]["next"]:
        assert step["track"] in {"core", "management", "architecture"}


def _route(reached):
    stages = [
        FrozenStage("junior", 1, {}, {}, "core", ("senior",)),
        FrozenStage("senior", 2, {}, {}, "core", ("lead",)),
        FrozenStage("lead", 3, {}, {}, "core", ("manager", "architect")),
        FrozenStage("manager", 4, {}, {}, "management", ("vp",)),
        FrozenStage("architect", 5, {}, {}, "architecture", (StageSlug.CTO,)),
        FrozenStage("vp", 6, {}, {}, "management", (StageSlug.CTO,)),
        FrozenStage(StageSlug.CTO, 7, {}, {}, "executive", ()),
    ]
    snapshot = Snapshot(1, "lead", StageSlug.CTO, (), (), tuple(stages))
    rows = [
        StageRow(stage.slug, stage.slug, 90.0 if stage.slug in reached else 50.0)
        for stage in stages
    ]
    for row in rows:
        row.is_reached = row.slug in reached
    best = [row for row in rows if row.is_reached][-1]
    return route_of(snapshot, rows, best)


def test_after_tech_lead_the_route_offers_the_next_stage_on_each_track():
    route = _route({"junior", "senior", "lead"})
    assert [(step.track, step.stage.slug) for step in route.next_steps] == [
        ("management", "manager"),
        ("architecture", "architect"),
    ]


def test_before_the_branch_both_tracks_share_the_next_stage():
    route = _route({"junior"})
    assert [(step.track, step.stage.slug) for step in route.next_steps] == [("core", "senior")]


def test_a_track_walked_to_its_end_leads_to_cto_while_the_other_waits():
    route = _route({"junior", "senior", "lead", "manager", "vp"})
    assert [(step.track, step.stage.slug) for step in route.next_steps] == [
        ("management", StageSlug.CTO),
        ("architecture", "architect"),
    ]


def test_a_first_edition_snapshot_has_no_route():
    snapshot = Snapshot(1, "lead", StageSlug.CTO, (), (), (FrozenStage("lead", 1, {}, {}),))
    assert route_of(snapshot, [], None) is None


def test_someone_at_the_top_reaches_every_stage_of_both_tracks(guide):
    assessment = CompletedAssessmentFactory(default=4)
    route = build_report(assessment, language="en").route
    assert route.best_fit.slug == StageSlug.CTO
    assert [step.stage for step in route.next_steps] == [None, None]
    assert {step.track_name for step in route.next_steps} == {
        "Management track",
        "Architecture track",
    }


def test_resources_fit_the_level_band_of_the_person(guide):
    assessment = CompletedAssessmentFactory(default=0, target=StageSlug.CTO)
    report = build_report(assessment, language="en")
    assert report.resources, "someone at 0 aiming at CTO has things to study"
    for resource in report.resources:
        low, high = resource.levels
        assert low == 0 < high, f"{resource.slug} serves {low}-{high}, not someone at 0"
        assert resource.effort_hours and resource.provenance in {"guide", "added"}


def test_each_plan_action_has_a_practice_action_for_its_band(guide):
    assessment = CompletedAssessmentFactory(default=3, target=StageSlug.CTO)
    report = build_report(assessment, language="ja", states={"plan": 40})
    assert report.plan.actions
    top = [i.slug for i in report.top_focus_areas]
    assert [a.item for a in report.plan.actions] == top[: len(report.plan.actions)]
    for action in report.plan.actions:
        assert action.practice and action.goal and action.why
    data = report_data(report)
    assert [a["item"] for a in data["plan"]["actions"]] == [a.item for a in report.plan.actions]


def test_every_file_name_names_the_kind_of_company(guide):
    startup = CompletedAssessmentFactory(company_kind="startups", default=2)
    general = CompletedAssessmentFactory(default=2)
    for fmt in ("pdf", "csv", "json"):
        assert export_filename(build_report(startup, language="en"), fmt).endswith(
            f"-cto-startups.{fmt}"
        )
        assert export_filename(build_report(general, language="en"), fmt).endswith(f"-cto.{fmt}")
