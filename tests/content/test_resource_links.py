"""A resource's links to items carry their fit and band, loaded in place from the file."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from content.guide_schema import GuideFileError, validate_guide
from content.models import Fit, Resource, ResourceItem
from tests.real_guide import ItemSlug

BEFORE_FITS = [("content", "0006_target_core_items")]
WITH_FITS = [("content", "0007_resource_fit_practice_hours")]


def _resource(data, slug):
    return next(r for r in data["resources"] if r["slug"] == slug)


def _link(slug, item):
    return ResourceItem.objects.get(resource__slug=slug, item__slug=item)


def test_the_file_loads_each_links_fit_and_band(guide):
    for entry in guide["resources"]:
        for link in entry["items"]:
            row = _link(entry["slug"], link["item"])
            assert (row.fit, row.band) == (
                link["fit"],
                (link["levels"]["from"], link["levels"]["to"]),
            ), (entry["slug"], link["item"])


def test_a_changed_fit_or_band_updates_the_link_in_place(
    guide, guide_data, write_guide, run_command
):
    entry = _resource(guide_data, "sre-books")
    link = next(link for link in entry["items"] if link["item"] == ItemSlug.MONITORING_TOOLS)
    link["fit"], link["levels"] = "supporting", {"from": 3, "to": 4}
    pk = _link("sre-books", ItemSlug.MONITORING_TOOLS).pk
    output = run_command("load_guide", str(write_guide(guide_data)))
    assert "resource link sre-books × monitoring-tools: fit, level_from" in output
    row = _link("sre-books", ItemSlug.MONITORING_TOOLS)
    assert (row.pk, row.fit, row.band) == (pk, Fit.SUPPORTING, (3, 4))
    assert "The guide is up to date" in run_command("load_guide", str(write_guide(guide_data)))


def test_a_link_the_file_drops_is_removed_and_the_resource_stays(
    guide, guide_data, write_guide, run_command
):
    entry = _resource(guide_data, "sre-books")
    entry["items"] = [link for link in entry["items"] if link["item"] != ItemSlug.CRISIS_MANAGEMENT]
    output = run_command("load_guide", str(write_guide(guide_data)))
    assert "resource link removed: sre-books × crisis-management" in output
    assert not ResourceItem.objects.filter(
        resource__slug="sre-books", item__slug=ItemSlug.CRISIS_MANAGEMENT
    ).exists()
    assert Resource.objects.filter(slug="sre-books").exists()


def test_a_bare_slug_is_a_core_link_over_the_resources_band(
    guide, guide_data, write_guide, run_command
):
    entry = _resource(guide_data, "accelerate")
    entry["items"] = [ItemSlug.DEVOPS_AUTOMATION, ItemSlug.CICD_TOOLS]
    run_command("load_guide", str(write_guide(guide_data)))
    band = (entry["levels"]["from"], entry["levels"]["to"])
    for item in (ItemSlug.DEVOPS_AUTOMATION, ItemSlug.CICD_TOOLS):
        row = _link("accelerate", item)
        assert (row.fit, row.band) == (Fit.CORE, band)


@pytest.mark.parametrize(
    "link, message",
    [
        (
            {"item": ItemSlug.AI_ML, "fit": "core", "levels": {"from": 0, "to": 4}},
            "must rise and lie",
        ),
        (
            {"item": ItemSlug.AI_ML, "fit": "core", "levels": {"from": 3, "to": 3}},
            "must rise and lie",
        ),
        ({"item": "no-such-item", "fit": "core", "levels": {"from": 3, "to": 4}}, "unknown item"),
        ({"item": ItemSlug.AI_ML, "fit": "essential", "levels": {"from": 3, "to": 4}}, "items"),
    ],
)
def test_a_bad_link_is_refused_naming_the_resource(guide_data, link, message):
    entry = _resource(guide_data, "accelerate")  # a 3-4 resource
    entry["items"].append(link)
    with pytest.raises(GuideFileError) as refused:
        validate_guide(guide_data, "guide.yaml")
    assert "'accelerate'" in str(refused.value) and message in str(refused.value)


def test_a_link_twice_to_one_item_is_refused(guide_data):
    entry = _resource(guide_data, "accelerate")
    entry["items"].append(dict(entry["items"][0]))
    with pytest.raises(GuideFileError, match="linked twice"):
        validate_guide(guide_data, "guide.yaml")


@pytest.mark.django_db(transaction=True)
def test_the_migration_keeps_links_with_their_resources_band_and_drops_unverifiable_titles(
    empty_guide,
):
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE_FITS)
    old = executor.loader.project_state(BEFORE_FITS).apps
    step = old.get_model("content", "LearningStep").objects.create(
        slug="s", order=1, name="s", goal="g"
    )
    category = old.get_model("content", "Category").objects.create(slug="c", order=1, name="c")
    item = old.get_model("content", "Item").objects.create(
        slug="i", order=1, name="i", category=category
    )
    OldResource = old.get_model("content", "Resource")
    kept = OldResource.objects.create(
        slug="kept", kind="book", title="t", step=step, level_from=1, level_to=3
    )
    kept.items.add(item)
    gone = OldResource.objects.create(
        slug="high-performance-organization", kind="book", title="t", step=step
    )
    gone.items.add(item)

    executor = MigrationExecutor(connection)
    executor.migrate(WITH_FITS)
    new = executor.loader.project_state(WITH_FITS).apps
    link = new.get_model("content", "ResourceItem").objects.get()
    assert (link.resource.slug, link.fit, link.level_from, link.level_to) == ("kept", "core", 1, 3)
    assert not new.get_model("content", "Resource").objects.filter(slug=gone.slug).exists()
    MigrationExecutor(connection).migrate(
        [(app, node) for app, node in MigrationExecutor(connection).loader.graph.leaf_nodes()]
    )
