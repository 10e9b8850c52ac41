"""Fixtures of the content tests: the real guide, its data, and snapshots of every row."""

import copy
from io import StringIO

import pytest
from django.apps import apps
from django.core.management import call_command
from django.db.models.query import QuerySet

from content.guide_export import guide_dump
from content.guide_loader import DEFAULT_GUIDE_FILE, guide_load, read_guide_file


@pytest.fixture(scope="session")
def _parsed_guide():
    return read_guide_file(DEFAULT_GUIDE_FILE)


@pytest.fixture
def guide_data(_parsed_guide):
    """A deep copy of the parsed data file, free to mutate."""
    return copy.deepcopy(_parsed_guide)


@pytest.fixture
def guide(db, _parsed_guide):
    """The real guide loaded into the database; returns the parsed data (do not mutate)."""
    guide_load(data=_parsed_guide)
    return _parsed_guide


def content_snapshot():
    """Every row of every content table (many-to-many links included), as plain values."""
    # A plain QuerySet: modeltranslation's manager would leave the _ja / _en columns out.
    models = apps.get_app_config("content").get_models(include_auto_created=True)
    return {
        model._meta.db_table: [
            tuple(sorted(row.items())) for row in QuerySet(model).order_by("pk").values()
        ]
        for model in models
    }


@pytest.fixture
def snapshot():
    return content_snapshot


@pytest.fixture
def write_guide(tmp_path):
    """Write guide data (or raw text) to a file under tmp_path and return its path."""

    def write(data, name="guide.yaml"):
        path = tmp_path / name
        path.write_text(data if isinstance(data, str) else guide_dump(data), encoding="utf-8")
        return path

    return write


@pytest.fixture
def run_command():
    """Run a management command; return what it wrote to stdout."""

    def run(*args, **options):
        stdout = StringIO()
        call_command(*args, stdout=stdout, stderr=StringIO(), **options)
        return stdout.getvalue()

    return run
