"""Every member who signed up before profiles existed gets their (empty) profile."""

from django.conf import settings
from django.db import migrations


def create_missing_profiles(apps, schema_editor):
    User = apps.get_model(settings.AUTH_USER_MODEL)
    Profile = apps.get_model("accounts", "Profile")
    without_profile = User.objects.filter(profile__isnull=True).values_list("pk", flat=True)
    Profile.objects.bulk_create(
        [Profile(user_id=user_id) for user_id in without_profile], batch_size=1000
    )


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0001_initial"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    # Going back drops the table (0001), so there is nothing to undo here.
    operations = [migrations.RunPython(create_missing_profiles, migrations.RunPython.noop)]
