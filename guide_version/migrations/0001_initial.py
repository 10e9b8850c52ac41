"""The guide's stamp, and the triggers that change it on every write to the guide."""

from django.db import migrations, models

from guide_version import triggers


def guide_tables(apps):
    config = apps.get_app_config("content")
    return sorted({model._meta.db_table for model in config.get_models(include_auto_created=True)})


def install_triggers(apps, schema_editor):
    GuideVersion = apps.get_model("guide_version", "GuideVersion")
    GuideVersion.objects.update_or_create(pk=1, defaults={"stamp": "initial"})
    triggers.install(schema_editor, guide_tables(apps))


def remove_triggers(apps, schema_editor):
    triggers.remove(schema_editor, guide_tables(apps))


class Migration(migrations.Migration):
    initial = True

    dependencies = [("content", "0004_career_tracks")]

    operations = [
        migrations.CreateModel(
            name="GuideVersion",
            fields=[
                (
                    "id",
                    models.PositiveSmallIntegerField(default=1, primary_key=True, serialize=False),
                ),
                ("stamp", models.CharField(max_length=64)),
            ],
            options={
                "constraints": [
                    models.CheckConstraint(
                        condition=models.Q(("id", 1)), name="guide_version_one_row"
                    )
                ]
            },
        ),
        migrations.RunPython(install_triggers, remove_triggers),
    ]
