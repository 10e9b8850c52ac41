"""A completed assessment's frozen report lives in a row of its own, and the database keeps
it frozen: the check constraint requires it, triggers refuse to change it."""

import pytest
from django.db import IntegrityError, connection, transaction
from django.db.migrations.executor import MigrationExecutor

from assessments import services
from assessments.models import Assessment, FrozenReport
from tests.factories import CompletedAssessmentFactory
from tests.real_guide import StageSlug


def _refused(write):
    with pytest.raises(IntegrityError), transaction.atomic():
        write()


def test_the_assessment_row_holds_no_frozen_report(db):
    columns = [
        column.name
        for column in connection.introspection.get_table_description(
            connection.cursor(), Assessment._meta.db_table
        )
    ]
    assert "snapshot" not in columns
    assert "frozen_report_id" in columns


def test_completing_freezes_the_report_in_its_own_row(guide):
    assessment = CompletedAssessmentFactory()
    frozen = FrozenReport.objects.get(assessment=assessment)
    assert frozen.data == assessment.snapshot
    assert frozen.data["target_stage"] == StageSlug.CTO


def test_the_database_refuses_to_change_a_frozen_report(guide):
    assessment = CompletedAssessmentFactory()
    reports = FrozenReport.objects.filter(pk=assessment.frozen_report_id)
    _refused(lambda: reports.update(data={"version": 2, "items": []}))
    assert FrozenReport.objects.get(pk=assessment.frozen_report_id).data == assessment.snapshot


def test_the_database_refuses_to_give_a_completed_assessment_another_report(guide):
    assessment = CompletedAssessmentFactory()
    other = FrozenReport.objects.create(data={"version": 2})
    rows = Assessment.objects.filter(pk=assessment.pk)
    _refused(lambda: rows.update(frozen_report=other))
    _refused(lambda: rows.update(frozen_report=None))  # the check constraint


def test_a_draft_cannot_have_a_frozen_report(guide, visitor_draft):
    _client, draft = visitor_draft
    report = FrozenReport.objects.create(data={"version": 2})
    _refused(lambda: Assessment.objects.filter(pk=draft.pk).update(frozen_report=report))


def test_deleting_an_assessment_deletes_its_frozen_report(guide):
    assessment = CompletedAssessmentFactory()
    services.assessment_delete(assessment=assessment)
    assert not FrozenReport.objects.filter(pk=assessment.frozen_report_id).exists()


def test_erasing_a_members_assessments_deletes_their_frozen_reports(guide, member):
    first = CompletedAssessmentFactory(owner=member)
    second = CompletedAssessmentFactory(owner=member)
    services.assessments_delete_of_owner(owner=member)
    assert not FrozenReport.objects.filter(
        pk__in=[first.frozen_report_id, second.frozen_report_id]
    ).exists()


BEFORE = [("assessments", "0005_sharelink_show_colleagues")]
AFTER = [("assessments", "0006_frozen_report")]
FROZEN = {"version": 2, "items": [{"slug": "cloud", "rating": 3}], "note": "日本語"}


def _migrate(targets):
    MigrationExecutor(connection).migrate(targets)
    return MigrationExecutor(connection).loader.project_state(targets).apps


@pytest.mark.django_db(transaction=True)
def test_the_migration_moves_every_frozen_report_out_and_back(guide):
    try:
        apps = _migrate(BEFORE)
        Old = apps.get_model("assessments", "Assessment")
        stages = list(apps.get_model("content", "Stage").objects.order_by("order")[:2])
        fields = {"current_stage": stages[0], "target_stage": stages[1]}
        completed = Old.objects.create(
            **fields,
            resume_token_hash="c" * 64,
            status="completed",
            completed_at="2026-11-01T00:00:00Z",
            snapshot=FROZEN,
        )
        draft = Old.objects.create(**fields, resume_token_hash="d" * 64)

        apps = _migrate(AFTER)
        New = apps.get_model("assessments", "Assessment")
        assert New.objects.get(pk=completed.pk).frozen_report.data == FROZEN
        assert New.objects.get(pk=draft.pk).frozen_report is None

        apps = _migrate(BEFORE)
        Old = apps.get_model("assessments", "Assessment")
        assert Old.objects.get(pk=completed.pk).snapshot == FROZEN
    finally:
        _migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())
