"""Give the seven stages of the first edition their tracks and the stages that follow them.

The first edition's ladder was a line; the guide's path branches after tech lead. Only
the stages with the first edition's slugs are touched, so a custom ladder stays as it is;
`manage.py load_guide` sets the rest from the data file.
"""

from django.db import migrations

PATH = {
    "junior-developer": ("core", ["senior-developer"]),
    "senior-developer": ("core", ["tech-lead"]),
    "tech-lead": ("core", ["engineering-manager", "solutions-architect"]),
    "engineering-manager": ("management", ["vp-engineering"]),
    "solutions-architect": ("architecture", ["cto"]),
    "vp-engineering": ("management", ["cto"]),
    "cto": ("executive", []),
}


def set_tracks(apps, schema_editor):
    Stage = apps.get_model("content", "Stage")
    stages = {stage.slug: stage for stage in Stage.objects.filter(slug__in=PATH)}
    for slug, stage in stages.items():
        track, following = PATH[slug]
        stage.track = track
        stage.save(update_fields=["track"])
        if not stage.next_stages.exists():
            stage.next_stages.set([stages[s] for s in following if s in stages])


class Migration(migrations.Migration):
    dependencies = [("content", "0003_guide_second_edition")]
    operations = [migrations.RunPython(set_tracks, migrations.RunPython.noop)]
