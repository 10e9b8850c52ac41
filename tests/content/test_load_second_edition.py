"""The second edition loads over a first-edition installation in place, losing nothing.

The database is set back to what the first edition held where the two differ (no tracks,
resources without effort or band, no practice, no overrides, the old interview texts),
with a draft in progress and a report completed under the first edition.
"""

import json

import pytest

from assessments import services
from assessments.models import Answer, Assessment
from content.models import (
    InterviewQuestion,
    Item,
    PracticeAction,
    Resource,
    Stage,
    TargetOverride,
)
from reports.files import report_json
from reports.report import build_report
from tests.assessments.reporting.test_snapshot import STORED_V1, stored
from tests.factories import CompletedAssessmentFactory
from tests.real_guide import ItemSlug, StageSlug

OLD_QUESTION = "マイクロサービスアーキテクチャを採用する際の最大の技術的課題は何ですか?"


def _as_the_first_edition_left_it():
    TargetOverride.objects.all().delete()
    PracticeAction.objects.all().delete()
    Resource.objects.update(effort_hours=None, level_from=None, level_to=None)
    for stage in Stage.objects.all():
        stage.next_stages.clear()
    Stage.objects.update(track="core")
    InterviewQuestion.objects.filter(slug="microservices-challenges").update(
        question_ja=OLD_QUESTION
    )


@pytest.fixture
def first_edition_installation(guide, member):
    _as_the_first_edition_left_it()
    draft, _ = services.assessment_start(
        owner=member,
        current_stage=Stage.objects.get(slug=StageSlug.TECH_LEAD),
        target_stage=Stage.objects.get(slug=StageSlug.CTO),
    )
    items = list(Item.objects.filter(active=True).order_by("category__order", "order")[:7])
    services.answers_save(
        assessment=draft, answers={item: (n % 5, f"note {n}") for n, item in enumerate(items)}
    )
    completed = stored(STORED_V1["current"], member)
    return draft, completed


def _answers(draft):
    return sorted(Answer.objects.filter(assessment=draft).values_list("item_id", "level", "note"))


def test_a_dry_run_lists_the_changes_and_changes_nothing(
    first_edition_installation, run_command, snapshot
):
    before = snapshot()
    output = run_command("load_guide", "--dry-run")
    assert "rows would be created" in output
    assert "stage tech-lead: next_stages" in output
    assert "stage engineering-manager: track" in output
    assert "question microservices-challenges: question_ja" in output
    assert "resource clean-code: effort_hours, level_from, level_to" in output
    assert "Dry run: nothing was changed." in output
    assert snapshot() == before


def test_loading_updates_in_place_keeps_answers_and_leaves_reports_as_they_were(
    first_edition_installation, run_command, guide_data
):
    draft, completed = first_edition_installation
    answers = _answers(draft)
    report = {lang: report_json(build_report(completed, language=lang)) for lang in ("ja", "en")}
    stage_pks = dict(Stage.objects.values_list("slug", "pk"))

    run_command("load_guide")

    assert _answers(draft) == answers
    assert Assessment.objects.get(pk=draft.pk).status == Assessment.Status.DRAFT
    completed = Assessment.objects.get(pk=completed.pk)
    for lang in ("ja", "en"):
        assert report_json(build_report(completed, language=lang)) == report[lang]
    assert dict(Stage.objects.values_list("slug", "pk")) == stage_pks
    tech_lead = Stage.objects.get(slug=StageSlug.TECH_LEAD)
    assert sorted(tech_lead.next_stages.values_list("slug", flat=True)) == [
        StageSlug.ENGINEERING_MANAGER,
        StageSlug.SOLUTIONS_ARCHITECT,
    ]
    assert PracticeAction.objects.count() == len(guide_data["practice"])
    assert not Resource.objects.filter(effort_hours__isnull=True).exists()
    assert InterviewQuestion.objects.get(slug="microservices-challenges").question_ja != (
        OLD_QUESTION
    )
    overrides = sum(
        len(row) for kind in guide_data["company_kinds"] for row in kind["overrides"].values()
    )
    assert TargetOverride.objects.count() == overrides
    assert "The guide is up to date" in run_command("load_guide")


def test_an_override_the_file_no_longer_lists_is_removed(
    guide, run_command, guide_data, write_guide
):
    kind = guide_data["company_kinds"][0]
    stage, row = next(iter(kind["overrides"].items()))
    item = next(iter(row))
    del row[item]
    output = run_command("load_guide", str(write_guide(guide_data)))
    assert "override removed" in output
    assert not TargetOverride.objects.filter(
        company_kind__slug=kind["slug"], stage__slug=stage, item__slug=item
    ).exists()


def test_a_report_completed_now_carries_the_second_editions_data(guide, member):
    assessment = CompletedAssessmentFactory(owner=member, company_kind="it-vendors-sier", default=1)
    snapshot = assessment.snapshot
    # 3 adds the examples behind high ratings, 4 core items, resources' fits and practice hours
    assert snapshot["version"] == 4
    assert snapshot["company_kind"]["slug"] == "it-vendors-sier"
    stages = {s["slug"]: s for s in snapshot["stages"]}
    assert stages[StageSlug.TECH_LEAD]["next"] == [
        StageSlug.ENGINEERING_MANAGER,
        StageSlug.SOLUTIONS_ARCHITECT,
    ]
    assert stages[StageSlug.SOLUTIONS_ARCHITECT]["track"] == "architecture"
    assert ItemSlug.TECHNOLOGY_STRATEGY in stages[StageSlug.CTO]["core"]
    assert ItemSlug.SYSTEM_ARCHITECTURE in stages[StageSlug.SOLUTIONS_ARCHITECT]["core"]
    assert all(r["effort_hours"] and r["levels"][0] < r["levels"][1] for r in snapshot["resources"])
    assert snapshot["practice"]
    data = json.loads(report_json(build_report(assessment, language="en")))
    assert data["assessment"]["company_kind"] == "it-vendors-sier"
