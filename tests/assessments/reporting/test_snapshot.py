"""The frozen snapshot is read in one place, and what was stored as version 1 still renders.

fixtures/report-v1.json holds two snapshots as the first edition's code froze them (an
assessment and the owner's previous one) and the JSON and CSV that code drew from them.
"""

import copy
import json
from datetime import datetime
from pathlib import Path

import pytest

from assessments.models import Assessment
from assessments.reporting.snapshot import (
    READABLE_VERSIONS,
    SNAPSHOT_VERSION,
    FrozenItem,
    FrozenStage,
    SnapshotError,
    UnknownSnapshotVersion,
    read_snapshot,
)
from assessments.scoring import Expectation
from content.models import Stage
from reports.files import report_csv, report_data
from reports.report import build_report
from tests.real_guide import StageSlug

STORED_V1 = json.loads(
    (Path(__file__).parents[1] / "fixtures" / "report-v1.json").read_text(encoding="utf-8")
)


def stored(entry, owner):
    """An Assessment row holding a stored snapshot, as the database would give it back."""
    snapshot = entry["snapshot"]
    return Assessment.objects.create(
        id=entry["id"],
        owner=owner,
        current_stage=Stage.objects.get(slug=snapshot["current_stage"]),
        target_stage=Stage.objects.get(slug=snapshot["target_stage"]),
        status=Assessment.Status.COMPLETED,
        completed_at=datetime.fromisoformat(entry["completed_at"]),
        resume_token_hash=entry["id"].replace("-", "") * 2,
        snapshot=snapshot,
    )


def keeps(drawn, first_edition):
    """Every field the first edition drew is there with the same value (fields may be added)."""
    if isinstance(first_edition, dict):
        return isinstance(drawn, dict) and all(
            key in drawn and keeps(drawn[key], value) for key, value in first_edition.items()
        )
    if isinstance(first_edition, list):
        return (
            isinstance(drawn, list)
            and len(drawn) == len(first_edition)
            and all(keeps(d, f) for d, f in zip(drawn, first_edition, strict=True))
        )
    return drawn == first_edition


def test_the_version_written_is_a_version_read():
    assert SNAPSHOT_VERSION == 4
    assert SNAPSHOT_VERSION in READABLE_VERSIONS
    assert STORED_V1["current"]["snapshot"]["version"] == 1
    assert 1 in READABLE_VERSIONS, "every report completed since the first edition stays readable"


def test_a_stored_version_1_snapshot_reads_into_typed_data():
    data = STORED_V1["current"]["snapshot"]
    snapshot = read_snapshot(data)
    assert len(snapshot.items) == len(data["items"])
    assert all(isinstance(item, FrozenItem) for item in snapshot.items)
    first = data["items"][0]
    assert snapshot.items[0].name == first["name"]
    assert snapshot.items[0].rating == first["rating"]
    assert [s.slug for s in snapshot.stages] == [
        s["slug"] for s in sorted(data["stages"], key=lambda s: s["order"])
    ]
    cto = snapshot.stage(StageSlug.CTO)
    assert isinstance(cto, FrozenStage)
    slug = first["slug"]
    expected, importance = next(s for s in data["stages"] if s["slug"] == StageSlug.CTO)["profile"][
        slug
    ]
    assert cto.profile[slug] == Expectation(expected=expected, importance=importance)
    assert {r.slug for r in snapshot.resources} == {r["slug"] for r in data["resources"]}
    assert snapshot.resources[0].items == tuple(data["resources"][0]["items"])


@pytest.mark.parametrize("language", ["ja", "en"])
def test_a_stored_version_1_report_renders_as_the_first_edition_drew_it(guide, member, language):
    previous = stored(STORED_V1["previous"], member)
    current = stored(STORED_V1["current"], member)
    report = build_report(current, language=language, previous=previous)
    expected = STORED_V1["expected"][language]
    drawn = report_data(report)
    # The export's schema became v2, which keeps every field of v1 and adds some.
    assert expected["json"]["schema"] == "cto-assess/report/v1"
    assert drawn["schema"] == "cto-assess/report/v2"
    assert keeps(drawn, {**expected["json"], "schema": "cto-assess/report/v2"})
    assert drawn["assessment"]["company_kind"] is None
    assert drawn["route"] is None, "a first-edition report has no tracks to route along"
    assert report_csv(report).decode("utf-8") == expected["csv"]


def test_a_snapshot_before_version_4_has_no_core_items_and_reaches_by_readiness_alone(
    guide, member
):
    # The stored first-edition report: its stages hold no core items, so a stage is
    # reached exactly when its readiness is at the line, as it was when it was drawn.
    current = stored(STORED_V1["current"], member)
    snapshot = read_snapshot(current.snapshot)
    assert all(stage.core == () for stage in snapshot.stages)
    drawn = report_data(build_report(current, language="en"))
    for stage in drawn["readiness"]["by_stage"]:
        assert stage["blocked_by"] == []
        assert stage["reached"] is (stage["readiness"] >= 80)
    assert drawn["best_fit_stage"] == STORED_V1["expected"]["en"]["json"]["best_fit_stage"]


def test_a_version_1_snapshot_without_learning_data_reads_with_empty_lists():
    data = copy.deepcopy(STORED_V1["current"]["snapshot"])
    for key in ("learning_steps", "resources", "interview_questions", "trends"):
        del data[key]
    snapshot = read_snapshot(data)
    assert snapshot.resources == snapshot.interview_questions == snapshot.trends == ()


@pytest.mark.parametrize("version", [0, 5, 99, "1", None])
def test_an_unknown_version_is_refused_with_a_clear_error(version):
    data = copy.deepcopy(STORED_V1["current"]["snapshot"])
    data["version"] = version
    with pytest.raises(UnknownSnapshotVersion) as refused:
        read_snapshot(data)
    assert f"snapshot version {version!r}" in str(refused.value)
    assert "reads versions 1, 2, 3 and 4 only" in str(refused.value)


def test_a_malformed_snapshot_is_refused_naming_what_is_missing():
    data = copy.deepcopy(STORED_V1["current"]["snapshot"])
    del data["items"][3]["rating"]
    with pytest.raises(SnapshotError, match="rating"):
        read_snapshot(data)
    with pytest.raises(SnapshotError):
        read_snapshot(["not", "a", "snapshot"])
