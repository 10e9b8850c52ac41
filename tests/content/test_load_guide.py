"""manage.py load_guide: idempotent, in place by slug, never deleting, all or nothing."""

import pytest

from content import guide_loader
from content.models import InterviewQuestion, Item, RubricLevel, Stage, TargetLevel, Tool, Trend

pytestmark = pytest.mark.django_db

NO_CHANGES = "The guide is up to date: no changes"


def _changed_tables(before, after):
    return {table for table in before if before[table] != after[table]}


def test_it_creates_every_row_on_the_first_run(run_command, snapshot):
    output = run_command("load_guide")
    rows = snapshot()
    counted = sum(len(values) for table, values in rows.items() if "_items" not in table)
    assert f"{counted} rows were created." in output
    assert "Loaded the guide from" in output
    assert Item.objects.count() == 31
    assert RubricLevel.objects.count() == 31 * 5


def test_a_second_run_changes_nothing_and_says_so(run_command, snapshot):
    run_command("load_guide")
    before = snapshot()
    output = run_command("load_guide")
    assert NO_CHANGES in output
    assert "created" not in output and "updated" not in output
    assert snapshot() == before


def test_it_reads_the_file_given_on_the_command_line(run_command, guide_data, write_guide):
    guide_data["items"][0]["name"]["en"] = "Cloud platforms"
    path = write_guide(guide_data)
    output = run_command("load_guide", str(path))
    assert str(path) in output
    assert Item.objects.get(slug="cloud-computing").name_en == "Cloud platforms"


def test_an_edited_text_updates_that_row_in_place(
    guide, run_command, guide_data, write_guide, snapshot
):
    item = Item.objects.get(slug="cloud-computing")
    before = snapshot()
    guide_data["items"][0]["name"]["en"] = "Cloud platforms"
    output = run_command("load_guide", str(write_guide(guide_data)))

    assert "1 rows were updated:" in output
    assert "item cloud-computing: name_en" in output
    edited = Item.objects.get(slug="cloud-computing")
    assert edited.pk == item.pk
    assert (edited.name_en, edited.name_ja) == ("Cloud platforms", item.name_ja)
    after = snapshot()
    assert _changed_tables(before, after) == {"content_item"}
    changed_rows = set(after["content_item"]) - set(before["content_item"])
    assert len(changed_rows) == 1


def test_edited_levels_cells_and_links_update_in_place(
    guide, run_command, guide_data, write_guide, snapshot
):
    cell = TargetLevel.objects.get(stage__slug="cto", item__slug="ai-ml")
    guide_data["items"][0]["rubric"][2]["text"]["ja"] = "新しいレベル2の記述。"
    guide_data["target_profile"]["cto"]["ai-ml"] = {"expected": 4, "importance": 2}
    guide_data["questions"][0]["items"] = ["cloud-computing"]
    before = snapshot()

    output = run_command("load_guide", str(write_guide(guide_data)))

    assert "3 rows were updated:" in output
    assert "rubric cloud-computing level 2: text_ja" in output
    assert "target profile cto × ai-ml: expected, importance" in output
    assert "question microservices-challenges: items" in output
    cell.refresh_from_db()  # same row, new values
    assert (cell.expected, cell.importance) == (4, 2)
    level = RubricLevel.objects.get(item__slug="cloud-computing", level=2)
    assert level.text_ja == "新しいレベル2の記述。"
    question = InterviewQuestion.objects.get(slug="microservices-challenges")
    assert list(question.items.values_list("slug", flat=True)) == ["cloud-computing"]
    assert _changed_tables(before, snapshot()) == {
        "content_rubriclevel",
        "content_targetlevel",
        "content_interviewquestion_items",
    }
    assert NO_CHANGES in run_command("load_guide", str(write_guide(guide_data)))


def test_removing_entries_from_the_file_deletes_nothing(
    guide, run_command, guide_data, write_guide, snapshot
):
    before = snapshot()
    del guide_data["questions"][-1]
    del guide_data["trends"][0]
    guide_data["items"][12]["tools"].remove("GitLab CI")
    output = run_command("load_guide", str(write_guide(guide_data)))
    assert NO_CHANGES in output
    assert snapshot() == before
    assert InterviewQuestion.objects.count() == 15
    assert Trend.objects.count() == 6
    assert Tool.objects.filter(name="GitLab CI").exists()


def test_a_dry_run_prints_the_changes_and_makes_none(
    guide, run_command, guide_data, write_guide, snapshot
):
    before = snapshot()
    guide_data["items"][0]["name"]["en"] = "Cloud platforms"
    guide_data["questions"].append(
        {
            "slug": "new-question",
            "order": 99,
            "question": {"ja": "新しい質問?", "en": "A new question?"},
            "answer_points": {"ja": "ポイント。", "en": "Points."},
            "items": ["ai-ml"],
        }
    )
    output = run_command("load_guide", str(write_guide(guide_data)), dry_run=True)

    assert "1 rows would be created." in output
    assert "1 rows would be updated:" in output
    assert "item cloud-computing: name_en" in output
    assert "question new-question" in output
    assert "Dry run: nothing was changed." in output
    assert "Loaded the guide" not in output
    assert snapshot() == before


def test_a_failure_midway_through_the_first_load_leaves_the_database_empty(
    monkeypatch, run_command, snapshot
):
    _fail_on_save(monkeypatch, number=300)
    with pytest.raises(RuntimeError, match="save number 300"):
        run_command("load_guide")
    assert all(rows == [] for rows in snapshot().values())


def test_a_failure_midway_through_an_update_changes_nothing(
    guide, monkeypatch, run_command, guide_data, write_guide, snapshot
):
    before = snapshot()
    guide_data["categories"][0]["name"]["en"] = "Hard skills, edited"  # saved first
    guide_data["company_kinds"][-1]["name"]["en"] = "Edited kind"  # saved last
    path = write_guide(guide_data)
    _fail_on_save(monkeypatch, number=400)
    with pytest.raises(RuntimeError):
        run_command("load_guide", str(path))
    assert snapshot() == before


def _fail_on_save(monkeypatch, number):
    """Make the loader's Nth row save raise, as a database error midway would."""
    original = guide_loader._Upserter.save
    calls = {"count": 0}

    def save(self, key, values, name):
        calls["count"] += 1
        if calls["count"] == number:
            raise RuntimeError(f"save number {number}")
        return original(self, key, values, name)

    monkeypatch.setattr(guide_loader._Upserter, "save", save)


@pytest.mark.xfail(
    reason="BUG: reordering stages in the file (swapping two orders, or inserting a stage and "
    "shifting the rest) crashes with IntegrityError on stage_unique_order: the loader updates "
    "one stage's order at a time, and the constraint is checked row by row",
    strict=True,
)
def test_reordering_stages_updates_them_in_place(guide, run_command, guide_data, write_guide):
    junior, senior = guide_data["stages"][0], guide_data["stages"][1]
    junior["order"], senior["order"] = senior["order"], junior["order"]
    output = run_command("load_guide", str(write_guide(guide_data)))
    assert "stage junior-developer: order" in output
    assert list(Stage.objects.order_by("order").values_list("slug", flat=True))[:2] == [
        "senior-developer",
        "junior-developer",
    ]


@pytest.mark.xfail(
    reason="BUG: tools are keyed by slugify(name) across all items, so a tool named under two "
    "items (e.g. Datadog for monitoring and for cost management) is moved to the last one: "
    "the first item loses it and every later run reports the same change again",
    strict=True,
)
def test_a_tool_named_under_two_items_stays_under_both(guide, run_command, guide_data, write_guide):
    guide_data["items"][18]["tools"].append("Datadog")  # cost-management-tools
    path = write_guide(guide_data)
    run_command("load_guide", str(path))
    assert NO_CHANGES in run_command("load_guide", str(path))
    assert Tool.objects.filter(name="Datadog", item__slug="monitoring-tools").exists()
    assert Tool.objects.filter(name="Datadog", item__slug="cost-management-tools").exists()
