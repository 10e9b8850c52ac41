"""load_guide --missing-only: what a server runs at every start, keeping admins' edits."""

from io import StringIO

import pytest
from django.core.management import call_command

from content.models import Item, Stage
from tests.real_guide import ItemSlug, StageSlug


def load(*args):
    out = StringIO()
    call_command("load_guide", *args, stdout=out)
    return out.getvalue()


def test_it_loads_everything_into_an_empty_database(empty_guide, guide_counts):
    load("--missing-only")
    assert Item.objects.count() == guide_counts.items
    assert Stage.objects.count() == guide_counts.stages


@pytest.mark.django_db
def test_it_keeps_what_admins_changed():
    load()
    item = Item.objects.get(slug=ItemSlug.CLOUD_COMPUTING)
    item.name_en = "Cloud platforms"
    item.active = False
    item.save()
    output = load("--missing-only")
    item.refresh_from_db()
    assert (item.name_en, item.active) == ("Cloud platforms", False)
    assert "up to date" in output


@pytest.mark.django_db
def test_it_adds_a_row_that_admins_deleted_or_never_had(guide_counts):
    load()
    stage = Stage.objects.get(slug=StageSlug.CTO)
    stage.target_levels.all().delete()
    load("--missing-only")
    assert stage.target_levels.count() == guide_counts.items


@pytest.mark.django_db
def test_a_full_load_still_puts_the_file_back():
    load()
    Item.objects.filter(slug=ItemSlug.CLOUD_COMPUTING).update(name_en="Cloud platforms")
    load()
    assert Item.objects.get(slug=ItemSlug.CLOUD_COMPUTING).name_en == "Cloud computing"
