"""Resources by fit, practice with its own hours, a note per learning step (issue 25).

The plain resource-item link becomes a model of its own on the same table (state only),
then gains its fit and level band; existing links keep their resource's band and count as
core until the data file says otherwise. The two titles of the guide that no one can
verify (a book credited to Ben Horowitz that he never wrote, an accounting book that
matches no known title) stop being resources: they live on as learning-step notes.
"""

import django.core.validators
import django.db.models.deletion
from django.db import migrations, models

UNVERIFIABLE = ("high-performance-organization", "accounting-textbook")


def links_take_their_resources_band(apps, schema_editor):
    ResourceItem = apps.get_model("content", "ResourceItem")
    for link in ResourceItem.objects.select_related("resource"):
        link.level_from = link.resource.level_from
        link.level_to = link.resource.level_to
        link.save(update_fields=["level_from", "level_to"])


def drop_unverifiable_titles(apps, schema_editor):
    apps.get_model("content", "Resource").objects.filter(slug__in=UNVERIFIABLE).delete()


def level_field(label):
    return models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        validators=[
            django.core.validators.MinValueValidator(0),
            django.core.validators.MaxValueValidator(4),
        ],
        verbose_name=label,
    )


class Migration(migrations.Migration):
    dependencies = [
        ("content", "0006_target_core_items"),
    ]

    operations = [
        migrations.AddField(
            model_name="learningstep",
            name="note",
            field=models.TextField(blank=True, verbose_name="note"),
        ),
        migrations.AddField(
            model_name="learningstep",
            name="note_en",
            field=models.TextField(blank=True, null=True, verbose_name="note"),
        ),
        migrations.AddField(
            model_name="learningstep",
            name="note_ja",
            field=models.TextField(blank=True, null=True, verbose_name="note"),
        ),
        migrations.AddField(
            model_name="practiceaction",
            name="hours",
            field=models.PositiveSmallIntegerField(
                blank=True,
                null=True,
                validators=[django.core.validators.MinValueValidator(1)],
                verbose_name="hours it takes",
            ),
        ),
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="ResourceItem",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        (
                            "item",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="resource_links",
                                to="content.item",
                                verbose_name="item",
                            ),
                        ),
                        (
                            "resource",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="links",
                                to="content.resource",
                                verbose_name="resource",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "item a resource builds",
                        "verbose_name_plural": "items a resource builds",
                        "db_table": "content_resource_items",
                        "ordering": ["item__category__order", "item__order"],
                        "unique_together": {("resource", "item")},
                    },
                ),
                migrations.AlterField(
                    model_name="resource",
                    name="items",
                    field=models.ManyToManyField(
                        related_name="resources",
                        through="content.ResourceItem",
                        to="content.item",
                        verbose_name="items it builds",
                    ),
                ),
            ],
        ),
        migrations.AddField(
            model_name="resourceitem",
            name="fit",
            field=models.CharField(
                choices=[
                    ("core", "Core: built for this item at this band"),
                    ("supporting", "Supporting: useful beside a core resource"),
                ],
                default="core",
                max_length=12,
                verbose_name="fit",
            ),
        ),
        migrations.AddField(
            model_name="resourceitem",
            name="level_from",
            field=level_field("serves from level"),
        ),
        migrations.AddField(
            model_name="resourceitem",
            name="level_to",
            field=level_field("to level"),
        ),
        migrations.RunPython(links_take_their_resources_band, migrations.RunPython.noop),
        migrations.RunPython(drop_unverifiable_titles, migrations.RunPython.noop),
        migrations.AddConstraint(
            model_name="resourceitem",
            constraint=models.CheckConstraint(
                condition=models.Q(("fit__in", ["core", "supporting"])),
                name="resource_item_fit_known",
            ),
        ),
        migrations.AddConstraint(
            model_name="resourceitem",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("level_from__isnull", True),
                    models.Q(("level_from__gte", 0), ("level_from__lt", 4)),
                    _connector="OR",
                ),
                name="resource_item_level_from_range",
            ),
        ),
        migrations.AddConstraint(
            model_name="resourceitem",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("level_to__isnull", True),
                    models.Q(("level_to__gt", 0), ("level_to__lte", 4)),
                    _connector="OR",
                ),
                name="resource_item_level_to_range",
            ),
        ),
        migrations.AddConstraint(
            model_name="resourceitem",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("level_from__isnull", True),
                    ("level_to__isnull", True),
                    ("level_from__lt", models.F("level_to")),
                    _connector="OR",
                ),
                name="resource_item_band_rises",
            ),
        ),
    ]
