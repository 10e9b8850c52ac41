"""manage.py load_guide: idempotent, in place by slug, never deleting, all or nothing."""

import copy

import pytest
from django.core.management.base import CommandError

from content import guide_upsert
from content.models import InterviewQuestion, Item, RubricLevel, Stage, TargetLevel, Tool, Trend
from tests import factories
from tests.real_guide import ItemSlug, StageSlug

pytestmark = pytest.mark.django_db

NO_CHANGES = "The guide is up to date: no changes"


def _changed_tables(before, after):
    return {table for table in before if before[table] != after[table]}


def test_it_creates_every_row_on_the_first_run(empty_guide, guide_counts, run_command, snapshot):
    output = run_command("load_guide")
    rows = snapshot()
    links = ("_items", "_next_stages")  # many-to-many links are not rows of their own
    own_rows = ("content_resource_items",)  # a resource's links carry their fit and band
    counted = sum(
        len(values)
        for table, values in rows.items()
        if table in own_rows or not table.endswith(links)
    )
    assert f"{counted} rows were created." in output
    assert "Loaded the guide from" in output
    assert Item.objects.count() == guide_counts.items
    assert RubricLevel.objects.count() == guide_counts.rubric_levels


def test_a_second_run_changes_nothing_and_says_so(empty_guide, run_command, snapshot):
    run_command("load_guide")
    before = snapshot()
    output = run_command("load_guide")
    assert NO_CHANGES in output
    assert "created" not in output and "updated" not in output
    assert snapshot() == before


def test_it_reads_the_file_given_on_the_command_line(
    empty_guide, run_command, guide_data, write_guide
):
    guide_data["items"][0]["name"]["en"] = "Cloud platforms"
    path = write_guide(guide_data)
    output = run_command("load_guide", str(path))
    assert str(path) in output
    assert Item.objects.get(slug=ItemSlug.CLOUD_COMPUTING).name_en == "Cloud platforms"


def test_an_edited_text_updates_that_row_in_place(
    guide, run_command, guide_data, write_guide, snapshot
):
    item = Item.objects.get(slug=ItemSlug.CLOUD_COMPUTING)
    before = snapshot()
    guide_data["items"][0]["name"]["en"] = "Cloud platforms"
    output = run_command("load_guide", str(write_guide(guide_data)))

    assert "1 rows were updated:" in output
    assert "item cloud-computing: name_en" in output
    edited = Item.objects.get(slug=ItemSlug.CLOUD_COMPUTING)
    assert edited.pk == item.pk
    assert (edited.name_en, edited.name_ja) == ("Cloud platforms", item.name_ja)
    after = snapshot()
    assert _changed_tables(before, after) == {"content_item"}
    changed_rows = set(after["content_item"]) - set(before["content_item"])
    assert len(changed_rows) == 1


def test_edited_levels_cells_and_links_update_in_place(
    guide, run_command, guide_data, write_guide, snapshot
):
    cell = TargetLevel.objects.get(stage__slug=StageSlug.CTO, item__slug=ItemSlug.AI_ML)
    guide_data["items"][0]["rubric"][2]["text"]["ja"] = "新しいレベル2の記述。"
    guide_data["target_profile"][StageSlug.CTO][ItemSlug.AI_ML] = {"expected": 4, "importance": 2}
    guide_data["questions"][0]["items"] = [ItemSlug.CLOUD_COMPUTING]
    before = snapshot()

    output = run_command("load_guide", str(write_guide(guide_data)))

    assert "3 rows were updated:" in output
    assert "rubric cloud-computing level 2: text_ja" in output
    assert "target profile cto × ai-ml: expected, importance" in output
    assert "question microservices-challenges: items" in output
    cell.refresh_from_db()  # same row, new values
    assert (cell.expected, cell.importance) == (4, 2)
    level = RubricLevel.objects.get(item__slug=ItemSlug.CLOUD_COMPUTING, level=2)
    assert level.text_ja == "新しいレベル2の記述。"
    question = InterviewQuestion.objects.get(slug="microservices-challenges")
    assert list(question.items.values_list("slug", flat=True)) == [ItemSlug.CLOUD_COMPUTING]
    assert _changed_tables(before, snapshot()) == {
        "content_rubriclevel",
        "content_targetlevel",
        "content_interviewquestion_items",
    }
    assert NO_CHANGES in run_command("load_guide", str(write_guide(guide_data)))


def test_removing_entries_from_the_file_deletes_nothing(
    guide, guide_counts, run_command, guide_data, write_guide, snapshot
):
    before = snapshot()
    del guide_data["questions"][-1]
    del guide_data["trends"][0]
    guide_data["items"][12]["tools"].remove("GitLab CI")
    output = run_command("load_guide", str(write_guide(guide_data)))
    assert NO_CHANGES in output
    assert snapshot() == before
    assert InterviewQuestion.objects.count() == guide_counts.questions
    assert Trend.objects.count() == guide_counts.trends
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
            "items": [ItemSlug.AI_ML],
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
    empty_guide, monkeypatch, run_command, snapshot
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
    original = guide_upsert.Upserter.save
    calls = {"count": 0}

    def save(self, key, values, name):
        calls["count"] += 1
        if calls["count"] == number:
            raise RuntimeError(f"save number {number}")
        return original(self, key, values, name)

    monkeypatch.setattr(guide_upsert.Upserter, "save", save)


# Regression: stage orders are unique row by row, and the loader used to crash with an
# IntegrityError when an edit moved a stage onto an order another stage still held.
def test_swapping_two_stages_updates_them_in_place(guide, run_command, guide_data, write_guide):
    pks = dict(Stage.objects.values_list("slug", "pk"))
    # The two tracks' first stages: neither follows the other, so either may come first.
    stages = {stage["slug"]: stage for stage in guide_data["stages"]}
    manager, architect = (
        stages[StageSlug.ENGINEERING_MANAGER],
        stages[StageSlug.SOLUTIONS_ARCHITECT],
    )
    manager["order"], architect["order"] = architect["order"], manager["order"]
    output = run_command("load_guide", str(write_guide(guide_data)))
    assert "stage engineering-manager: order" in output
    assert "stage solutions-architect: order" in output
    assert list(Stage.objects.order_by("order").values_list("slug", flat=True))[2:5] == [
        StageSlug.TECH_LEAD,
        StageSlug.SOLUTIONS_ARCHITECT,
        StageSlug.ENGINEERING_MANAGER,
    ]
    assert dict(Stage.objects.values_list("slug", "pk")) == pks


def test_inserting_a_stage_shifts_the_ladder(
    guide, guide_counts, run_command, guide_data, write_guide
):
    new_stage = copy.deepcopy(guide_data["stages"][2])
    new_stage.update(slug="staff-engineer", order=3)
    for stage in guide_data["stages"][2:]:
        stage["order"] += 1
    guide_data["stages"].insert(2, new_stage)
    guide_data["target_profile"]["staff-engineer"] = guide_data["target_profile"][
        StageSlug.TECH_LEAD
    ]
    output = run_command("load_guide", str(write_guide(guide_data)))
    assert "stage cto: order" in output
    ladder = list(Stage.objects.order_by("order").values_list("slug", "order"))
    assert ladder[:4] == [
        (StageSlug.JUNIOR_DEVELOPER, 1),
        (StageSlug.SENIOR_DEVELOPER, 2),
        ("staff-engineer", 3),
        (StageSlug.TECH_LEAD, 4),
    ]
    assert ladder[-1] == (StageSlug.CTO, 8)
    assert TargetLevel.objects.filter(stage__slug="staff-engineer").count() == guide_counts.items


def test_an_order_held_by_a_stage_outside_the_file_is_refused(
    guide, run_command, guide_data, write_guide, snapshot
):
    factories.StageFactory(slug="made-in-admin", order=20)
    before = snapshot()
    guide_data["stages"][-1]["order"] = 20  # cto onto the order of a stage the file lacks
    with pytest.raises(CommandError) as refusal:
        run_command("load_guide", str(write_guide(guide_data)))
    assert "stages[6] 'cto', field order" in str(refusal.value)
    assert "belongs to stage 'made-in-admin'" in str(refusal.value)
    assert snapshot() == before


def test_a_tool_named_under_two_items_stays_under_both(guide, run_command, guide_data, write_guide):
    # Regression: tools were keyed by name across items, so the last item took the tool.
    guide_data["items"][18]["tools"].append("Datadog")  # cost-management-tools
    path = write_guide(guide_data)
    assert "tool cost-management-tools Datadog" in run_command("load_guide", str(path), verbosity=2)
    assert NO_CHANGES in run_command("load_guide", str(path))
    assert Tool.objects.filter(name="Datadog", item__slug=ItemSlug.MONITORING_TOOLS).exists()
    assert Tool.objects.filter(name="Datadog", item__slug=ItemSlug.COST_MANAGEMENT_TOOLS).exists()


def test_core_items_load_in_place_and_a_file_without_them_leaves_them_be(
    guide, run_command, guide_data, write_guide
):
    def core_of(stage):
        return set(
            TargetLevel.objects.filter(stage__slug=stage, core=True).values_list(
                "item__slug", flat=True
            )
        )

    cto = next(stage for stage in guide_data["stages"] if stage["slug"] == StageSlug.CTO)
    assert core_of(StageSlug.CTO) == set(cto["core_items"])
    edited = [
        ItemSlug.STRATEGIC_THINKING,
        ItemSlug.TECHNOLOGY_STRATEGY,
        ItemSlug.RISK_SECURITY_GOVERNANCE,
    ]
    cto["core_items"] = list(edited)

    output = run_command("load_guide", str(write_guide(guide_data)))

    assert "target profile cto × risk-security-governance: core" in output
    assert "target profile cto × budget-roi: core" in output
    assert core_of(StageSlug.CTO) == set(edited)
    # A file written before core items existed: the marks stay as they are.
    for stage in guide_data["stages"]:
        del stage["core_items"]
    assert NO_CHANGES in run_command("load_guide", str(write_guide(guide_data)))
    assert core_of(StageSlug.CTO) == set(edited)
