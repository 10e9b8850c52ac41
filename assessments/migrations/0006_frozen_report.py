"""Frozen reports move out of the assessment row into a table of their own.

SQLite stores a row's columns in order, and the snapshot column (tens of kilobytes) stood
before the owner's id: every read of an assessment walked through its frozen report. The
data moves as it is; a completed assessment still must have its report (the check
constraint now names the new column), and triggers refuse to change one (frozen.py).
"""

import uuid

import django.db.models.deletion
from django.db import migrations, models
from django.db.models import Q

BATCH = 500


def move_snapshots_out(apps, schema_editor):
    Assessment = apps.get_model("assessments", "Assessment")
    FrozenReport = apps.get_model("assessments", "FrozenReport")
    completed = Assessment.objects.filter(snapshot__isnull=False).order_by("pk")
    pks = list(completed.values_list("pk", flat=True))
    for start in range(0, len(pks), BATCH):
        batch = list(Assessment.objects.filter(pk__in=pks[start : start + BATCH]))
        reports = [FrozenReport(id=uuid.uuid4(), data=a.snapshot) for a in batch]
        FrozenReport.objects.bulk_create(reports)
        for assessment, report in zip(batch, reports, strict=True):
            assessment.frozen_report_id = report.pk
        Assessment.objects.bulk_update(batch, ["frozen_report_id"])


def move_snapshots_back(apps, schema_editor):
    Assessment = apps.get_model("assessments", "Assessment")
    completed = Assessment.objects.filter(frozen_report__isnull=False).order_by("pk")
    pks = list(completed.values_list("pk", flat=True))
    for start in range(0, len(pks), BATCH):
        batch = list(
            Assessment.objects.filter(pk__in=pks[start : start + BATCH]).select_related(
                "frozen_report"
            )
        )
        for assessment in batch:
            assessment.snapshot = assessment.frozen_report.data
        Assessment.objects.bulk_update(batch, ["snapshot"])


def install_triggers(apps, schema_editor):
    from assessments import frozen

    frozen.install(schema_editor.connection)


def remove_triggers(apps, schema_editor):
    from assessments import frozen

    frozen.remove(schema_editor.connection)


class Migration(migrations.Migration):
    dependencies = [("assessments", "0005_sharelink_show_colleagues")]

    operations = [
        migrations.CreateModel(
            name="FrozenReport",
            fields=[
                (
                    "id",
                    models.UUIDField(
                        default=uuid.uuid4, editable=False, primary_key=True, serialize=False
                    ),
                ),
                ("data", models.JSONField(editable=False, verbose_name="frozen report data")),
            ],
            options={"verbose_name": "frozen report", "verbose_name_plural": "frozen reports"},
        ),
        migrations.AddField(
            model_name="assessment",
            name="frozen_report",
            field=models.OneToOneField(
                blank=True,
                editable=False,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="assessment",
                to="assessments.frozenreport",
                verbose_name="frozen report",
            ),
        ),
        migrations.RemoveConstraint(model_name="assessment", name="assessment_completed_is_frozen"),
        migrations.RunPython(move_snapshots_out, move_snapshots_back),
        migrations.AddConstraint(
            model_name="assessment",
            constraint=models.CheckConstraint(
                condition=Q(status="draft", completed_at__isnull=True, frozen_report__isnull=True)
                | Q(status="completed", completed_at__isnull=False, frozen_report__isnull=False),
                name="assessment_completed_is_frozen",
            ),
        ),
        migrations.RemoveField(model_name="assessment", name="snapshot"),
        migrations.RunPython(install_triggers, remove_triggers),
    ]
