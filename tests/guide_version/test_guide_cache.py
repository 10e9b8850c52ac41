"""The questionnaire's content is kept per process under the guide's version: every kind
of write to the guide changes the version, and the next request of every process shows
the change."""

import pytest
from django.apps import apps
from django.db import connection, transaction
from django.urls import reverse

from assessments import selectors
from content.models import Category, Item, RubricLevel, Tool
from guide_version import triggers
from guide_version.cache import GuideCache, current_stamp
from tests.factories import ItemFactory
from tests.questionnaire import step_url
from tests.real_guide import ItemSlug

CLOUD = ItemSlug.CLOUD_COMPUTING


def _first_step_rubric(cache):
    """What one process (its own GuideCache) shows for step 1: {item slug: level 0 text}."""
    guide = cache.current()
    step = selectors.questionnaire_steps(guide)[0]
    with_rubric = selectors.step_items(step, guide)
    return {item.slug: item.rubric_levels.all()[0].text_en for item in with_rubric}


def test_every_table_of_the_guide_changes_the_version_when_written(db):
    tables = {
        model._meta.db_table
        for model in apps.get_app_config("content").get_models(include_auto_created=True)
    }
    assert tables - triggers.tables_with_triggers(connection) == set()


def _raw_sql():
    with connection.cursor() as cursor:
        cursor.execute('UPDATE content_category SET "order" = "order"')


def _changes_the_stamp(write):
    before = current_stamp()
    write()
    after = current_stamp()
    assert after and after != before
    return after


@pytest.mark.parametrize(
    "write",
    [
        pytest.param(lambda: Item.objects.filter(slug=CLOUD).update(name_en="Clouds"), id="update"),
        pytest.param(lambda: ItemFactory(), id="save"),
        pytest.param(
            lambda: RubricLevel.objects.bulk_update(
                [RubricLevel(pk=r.pk, text_en="x") for r in RubricLevel.objects.all()[:3]],
                ["text_en"],
            ),
            id="bulk_update",
        ),
        pytest.param(
            lambda: Item.objects.bulk_create(
                [Item(slug="bulk-1", category=Category.objects.first(), name_ja="a", name_en="a")]
            ),
            id="bulk_create",
        ),
        pytest.param(lambda: Tool.objects.filter(pk=Tool.objects.first().pk).delete(), id="delete"),
        pytest.param(_raw_sql, id="raw SQL"),
    ],
)
def test_every_kind_of_write_changes_the_stamp(guide, write):
    _changes_the_stamp(write)


def test_an_admin_save_changes_the_stamp(guide, admin_client):
    items = list(Item.objects.filter(slug=ItemSlug.AI_ML))
    url = reverse("admin:content_item_changelist")

    def retire():
        body = {"action": "retire", "_selected_action": [item.pk for item in items]}
        assert admin_client.post(url, body).status_code == 302

    _changes_the_stamp(retire)


def test_loading_an_edited_guide_changes_the_stamp(guide, guide_data, write_guide, run_command):
    guide_data["items"][0]["rubric"][0]["text"]["en"] = "A rubric text edited in the file."
    path = write_guide(guide_data)
    _changes_the_stamp(lambda: run_command("load_guide", str(path)))


def test_a_change_shows_on_the_next_request_in_every_process(guide):
    first_worker, second_worker = GuideCache(), GuideCache()
    before = _first_step_rubric(first_worker)
    assert _first_step_rubric(second_worker) == before

    # A bulk write, which no signal sees.
    RubricLevel.objects.filter(item__slug=CLOUD, level=0).update(text_en="Freshly edited.")

    assert _first_step_rubric(first_worker)[CLOUD] == "Freshly edited."
    assert _first_step_rubric(second_worker)[CLOUD] == "Freshly edited."


def test_an_unchanged_guide_is_read_once_per_process(guide, django_assert_num_queries):
    worker = GuideCache()
    _first_step_rubric(worker)
    with django_assert_num_queries(1):  # the stamp alone
        _first_step_rubric(worker)


def test_a_rolled_back_stamp_never_comes_back_for_other_content(guide):
    worker = GuideCache()
    kept = _first_step_rubric(worker)
    with transaction.atomic():
        sid = transaction.savepoint()
        RubricLevel.objects.filter(item__slug=CLOUD, level=0).update(text_en="Never committed.")
        assert _first_step_rubric(worker)[CLOUD] == "Never committed."
        transaction.savepoint_rollback(sid)
    assert _first_step_rubric(worker) == kept
    RubricLevel.objects.filter(item__slug=CLOUD, level=0).update(text_en="Committed.")
    assert _first_step_rubric(worker)[CLOUD] == "Committed."


def test_the_step_page_shows_an_edit_on_the_next_request(visitor_draft):
    client, assessment = visitor_draft
    assert b"Edited between two requests." not in client.get(step_url(assessment, 1)).content
    RubricLevel.objects.filter(item__slug=CLOUD, level=2).update(
        text_en="Edited between two requests."
    )
    assert b"Edited between two requests." in client.get(step_url(assessment, 1)).content


def test_every_migrate_puts_back_a_trigger_a_rebuilt_table_lost(db):
    with connection.cursor() as cursor:
        for statement in triggers.remove_statements(connection.vendor, ["content_item"]):
            cursor.execute(statement)
    assert "content_item" not in triggers.tables_with_triggers(connection)
    triggers.install_on_guide_tables(connection)  # what post_migrate runs
    assert "content_item" in triggers.tables_with_triggers(connection)
