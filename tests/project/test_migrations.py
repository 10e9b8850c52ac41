"""Every migration of our apps reverses cleanly and applies again."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor


def applied(app):
    executor = MigrationExecutor(connection)
    return sorted(name for label, name in executor.loader.applied_migrations if label == app)


@pytest.mark.django_db(transaction=True)
def test_our_migrations_go_to_zero_and_back(empty_guide):
    apps = (
        "calibration",
        "accounts",
        "guide_version",
        "assessments",
        "content",
    )  # go back in order
    before = {app: applied(app) for app in apps}
    assert all(before.values())
    for app in apps:
        call_command("migrate", app, "zero", verbosity=0)
    assert {app: applied(app) for app in apps} == {app: [] for app in apps}
    call_command("migrate", verbosity=0)
    assert {app: applied(app) for app in apps} == before


@pytest.mark.django_db
def test_models_and_migrations_agree():
    out = StringIO()
    call_command("makemigrations", "--check", "--dry-run", stdout=out)
    assert "No changes detected" in out.getvalue()
