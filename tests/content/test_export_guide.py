"""manage.py export_guide: the database back to the data file that load_guide reads."""

from io import StringIO

from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from content.guide_export import guide_export
from content.guide_loader import DEFAULT_GUIDE_FILE, read_guide_file
from content.models import Item, Stage, TargetLevel
from tests import factories
from tests.real_guide import ItemSlug, StageSlug

NO_CHANGES = "The guide is up to date: no changes"


def _export(tmp_path, name="export.yaml"):
    path = tmp_path / name
    stderr = StringIO()
    call_command("export_guide", "-o", str(path), stdout=StringIO(), stderr=stderr)
    assert f"Wrote the guide to {path}." in stderr.getvalue()
    return path


def test_the_export_of_the_loaded_guide_is_the_data_file_byte_for_byte(guide, tmp_path):
    assert _export(tmp_path).read_bytes() == DEFAULT_GUIDE_FILE.read_bytes()


def test_without_a_file_it_writes_the_guide_to_stdout(guide, run_command):
    assert run_command("export_guide") == DEFAULT_GUIDE_FILE.read_text(encoding="utf-8")


def test_it_writes_japanese_as_utf8_characters_not_escapes(guide, tmp_path):
    raw = _export(tmp_path).read_bytes()
    assert "クラウドコンピューティング".encode() in raw
    assert "CTO（最高技術責任者）".encode() in raw
    assert b"\\u" not in raw and b"\\x" not in raw


def test_an_empty_database_exports_an_empty_guide(empty_guide, run_command):
    output = run_command("export_guide")
    assert "schema: cto-assess/guide/v2" in output
    assert "items: []" in output


def test_loading_the_export_changes_nothing(guide, tmp_path, run_command, snapshot):
    # Content as an admin leaves it: a retired item, an edited cell, new rows.
    Item.objects.filter(slug=ItemSlug.AI_ML).update(active=False)
    TargetLevel.objects.filter(stage__slug=StageSlug.CTO, item__slug=ItemSlug.AI_ML).update(
        expected=4
    )
    item = factories.ItemFactory(category=Item.objects.get(slug=ItemSlug.CLOUD_COMPUTING).category)
    factories.ToolFactory(item=item, name="Argo CD", order=1)
    for stage in Stage.objects.all():
        factories.TargetLevelFactory(stage=stage, item=item, expected=1, importance=1)
    factories.InterviewQuestionFactory(items=[item, Item.objects.get(slug=ItemSlug.AI_ML)])
    factories.ResourceFactory(
        items=[item], author_ja="", author_en="", description_ja="", description_en=""
    )
    factories.TrendFactory(items=[item])
    factories.CompanyKindFactory()
    before = snapshot()

    path = _export(tmp_path)
    exported = {e["slug"]: e for e in read_guide_file(path)["items"]}  # the loader's check
    assert exported[item.slug]["tools"] == ["Argo CD"]
    assert exported[ItemSlug.AI_ML]["active"] is False

    assert NO_CHANGES in run_command("load_guide", str(path))
    assert snapshot() == before


def test_a_retired_item_is_exported_as_inactive_and_stays_retired(guide, tmp_path, run_command):
    Item.objects.filter(slug=ItemSlug.TECH_BRANDING).update(active=False)
    path = _export(tmp_path)
    entry = next(e for e in read_guide_file(path)["items"] if e["slug"] == ItemSlug.TECH_BRANDING)
    assert entry["active"] is False
    Item.objects.filter(slug=ItemSlug.TECH_BRANDING).update(active=True)
    run_command("load_guide", str(path))
    assert Item.objects.get(slug=ItemSlug.TECH_BRANDING).active is False


def _export_query_count():
    with CaptureQueriesContext(connection) as queries:
        guide_export()
    return len(queries)


def test_the_export_runs_a_fixed_number_of_queries(guide):
    count = _export_query_count()
    for _ in range(10):
        item = factories.ItemFactory()
        factories.ToolFactory(item=item)
        factories.TargetLevelFactory(item=item, stage=Stage.objects.get(slug=StageSlug.CTO))
        factories.ResourceFactory(items=[item])
        factories.InterviewQuestionFactory(items=[item])
        factories.TrendFactory(items=[item])
        factories.PracticeActionFactory(item=item)
    assert _export_query_count() == count <= 20


def test_an_author_known_in_one_language_survives_the_round_trip(
    guide, tmp_path, run_command, snapshot
):
    # Regression: a one-language optional text used to be exported as {ja: .., en: ''},
    # which load_guide refused.
    factories.ResourceFactory(
        items=[Item.objects.get(slug=ItemSlug.AI_ML)], author_ja="山田太郎", author_en=""
    )
    before = snapshot()
    assert NO_CHANGES in run_command("load_guide", str(_export(tmp_path)))
    assert snapshot() == before


def test_a_tool_shared_by_two_items_survives_the_round_trip(guide, tmp_path, run_command, snapshot):
    factories.ToolFactory(
        item=Item.objects.get(slug=ItemSlug.COST_MANAGEMENT_TOOLS), name="Datadog", order=3
    )
    before = snapshot()
    path = _export(tmp_path)
    exported = {e["slug"]: e["tools"] for e in read_guide_file(path)["items"]}
    assert "Datadog" in exported[ItemSlug.MONITORING_TOOLS]
    assert exported[ItemSlug.COST_MANAGEMENT_TOOLS][-1] == "Datadog"
    assert NO_CHANGES in run_command("load_guide", str(path))
    assert snapshot() == before
