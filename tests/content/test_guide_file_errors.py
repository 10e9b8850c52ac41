"""load_guide refuses a malformed file, naming file, entry and field, and changes nothing."""

import copy

import pytest
from django.core.management.base import CommandError

from tests.real_guide import ItemSlug, StageSlug

DELETE = object()
CTO_CELLS = "__copy of the cto row__"


def _apply(data, path, value):
    *parents, last = path
    for key in parents:
        data = data[key]
    if value is DELETE:
        del data[last]
    else:
        data[last] = value


BAD_FILES = [
    pytest.param(
        ("items", 0, "category"),
        "no-such-category",
        ["items[0] 'cloud-computing'", "field category", "unknown category 'no-such-category'"],
        id="unknown category of an item",
    ),
    pytest.param(
        ("resources", 0, "items"),
        [ItemSlug.PROGRAMMING_LANGUAGES, "no-such-item"],
        ["resources[0] 'clean-code'", "field items", "unknown item 'no-such-item'"],
        id="unknown item of a resource",
    ),
    pytest.param(
        ("questions", 1, "items"),
        ["no-such-item"],
        ["questions[1] 'tech-debt-strategy'", "field items", "unknown item 'no-such-item'"],
        id="unknown item of a question",
    ),
    pytest.param(
        ("trends", 0, "items"),
        [ItemSlug.AI_ML, "no-such-item"],
        ["trends[0]", "field items", "unknown item 'no-such-item'"],
        id="unknown item of a trend",
    ),
    pytest.param(
        ("resources", 0, "step"),
        "no-such-step",
        ["resources[0] 'clean-code'", "field step", "unknown learning step 'no-such-step'"],
        id="unknown learning step of a resource",
    ),
    pytest.param(
        ("target_profile", "chief-scientist"),
        CTO_CELLS,
        ["target_profile 'chief-scientist'", "unknown stage"],
        id="unknown stage in the target profile",
    ),
    pytest.param(
        ("target_profile", StageSlug.CTO, "no-such-item"),
        {"expected": 1, "importance": 1},
        ["target_profile 'cto'", "field no-such-item", "unknown item 'no-such-item'"],
        id="unknown item in the target profile",
    ),
    pytest.param(
        ("items", 0, "rubric", 4, "level"),
        5,
        [
            "items[0] 'cloud-computing'",
            "field rubric.4.level",
            "5 is greater than the maximum of 4",
        ],
        id="rubric level 5",
    ),
    pytest.param(
        ("items", 2, "rubric", 4, "level"),
        3,
        ["items[2] 'system-architecture'", "field rubric", "one text for each level 0-4"],
        id="rubric level given twice",
    ),
    pytest.param(
        ("target_profile", StageSlug.CTO, ItemSlug.BUDGET_ROI, "expected"),
        7,
        ["target_profile 'cto'", "field budget-roi.expected", "7 is greater than the maximum"],
        id="expected level 7",
    ),
    pytest.param(
        ("target_profile", StageSlug.JUNIOR_DEVELOPER, ItemSlug.AI_ML, "importance"),
        0,
        ["target_profile 'junior-developer'", "field ai-ml.importance", "0 is less than"],
        id="importance 0",
    ),
    pytest.param(
        ("items", 0, "name", "en"),
        DELETE,
        ["items[0] 'cloud-computing'", "field name", "'en' is a required property"],
        id="missing English name",
    ),
    pytest.param(
        ("stages", 6, "role", "ja"),
        "",
        ["stages[6] 'cto'", "field role.ja", "does not match"],
        id="empty Japanese text",
    ),
    pytest.param(
        ("items", 4, "name", "en"),
        "  \n ",
        ["items[4] 'cybersecurity'", "field name.en", "does not match"],
        id="English name of only spaces",
    ),
    pytest.param(
        ("items", 12, "tools"),
        ["Jenkins", "GitHub Actions", "Jenkins"],
        ["items[12] 'cicd-tools'", "field tools", "non-unique elements"],
        id="a tool named twice in an item",
    ),
    pytest.param(
        ("items", 0, "order"),
        "first",
        ["items[0] 'cloud-computing'", "field order", "'first' is not of type 'integer'"],
        id="order as text",
    ),
    pytest.param(
        ("questions", 0, "items"),
        ItemSlug.CLOUD_COMPUTING,
        ["questions[0] 'microservices-challenges'", "field items", "is not of type 'array'"],
        id="items of a question as a string",
    ),
    pytest.param(
        ("items",),
        ItemSlug.CLOUD_COMPUTING,
        ["items: 'cloud-computing' is not of type 'array'"],
        id="the items section as a string",
    ),
    pytest.param(
        ("items", 1, "slug"),
        ItemSlug.CLOUD_COMPUTING,
        ["items[1] 'cloud-computing'", "field slug", "duplicate slug"],
        id="duplicate item slug",
    ),
    pytest.param(
        ("target_profile", StageSlug.CTO, ItemSlug.BUDGET_ROI),
        DELETE,
        ["target_profile 'cto'", "no expected level for budget-roi"],
        id="a stage missing a profile cell",
    ),
    pytest.param(
        ("target_profile", StageSlug.CTO),
        DELETE,
        ["target_profile 'cto'", "no expected level for ai-ml"],
        id="a stage missing its whole profile",
    ),
    pytest.param(
        ("trends",),
        DELETE,
        ["the top level", "'trends' is a required property"],
        id="a missing section",
    ),
    pytest.param(
        ("items", 0, "colour"),
        "blue",
        ["items[0] 'cloud-computing'", "'colour' was unexpected"],
        id="an unknown field",
    ),
    pytest.param(
        ("items", 0, "slug"),
        "Cloud Computing",
        ["items[0] 'Cloud Computing'", "field slug", "does not match"],
        id="a slug with spaces",
    ),
    pytest.param(
        ("stages", 0, "core_items"),
        [ItemSlug.PROGRAMMING_LANGUAGES, "no-such-item", ItemSlug.COMMUNICATION],
        ["stages[0] 'junior-developer'", "field core_items", "unknown item 'no-such-item'"],
        id="an unknown core item",
    ),
    pytest.param(
        ("stages", 0, "core_items"),
        [ItemSlug.PROGRAMMING_LANGUAGES, ItemSlug.BUDGET_ROI, ItemSlug.COMMUNICATION],
        ["stages[0] 'junior-developer'", "field core_items", "'budget-roi' is expected at level 0"],
        id="a core item the stage expects nothing of",
    ),
    pytest.param(
        ("stages", 6, "core_items"),
        [
            ItemSlug.CLOUD_COMPUTING,
            ItemSlug.SYSTEM_ARCHITECTURE,
            ItemSlug.STRATEGIC_THINKING,
            ItemSlug.COMMUNICATION,
            ItemSlug.TECHNOLOGY_STRATEGY,
            ItemSlug.BUDGET_ROI,
            ItemSlug.EXECUTIVE_TEAM,
        ],
        ["stages[6] 'cto'", "field core_items", "is too long"],
        id="more than six core items",
    ),
    pytest.param(
        ("resources", 0, "kind"),
        "podcast",
        ["resources[0] 'clean-code'", "field kind", "'podcast' is not one of"],
        id="an unknown kind of resource",
    ),
]


@pytest.mark.parametrize(("path", "value", "fragments"), BAD_FILES)
def test_a_malformed_file_is_refused_naming_file_entry_and_field(
    guide, guide_data, write_guide, run_command, snapshot, path, value, fragments
):
    if value == CTO_CELLS:
        value = copy.deepcopy(guide_data["target_profile"][StageSlug.CTO])
    guide_data["company_kinds"][0]["name"]["ja"] = "この変更は保存されない"  # a valid edit
    _apply(guide_data, path, value)
    bad_file = write_guide(guide_data)
    before = snapshot()

    with pytest.raises(CommandError) as refusal:
        run_command("load_guide", str(bad_file))

    message = str(refusal.value)
    assert message.startswith(f"Refused, nothing changed. {bad_file}: ")
    for fragment in fragments:
        assert fragment in message
    assert snapshot() == before


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        pytest.param("schema: [unclosed\n  - : :\n", "not valid YAML", id="not YAML"),
        pytest.param("", "the top level: expected a mapping", id="an empty file"),
        pytest.param("- a list\n- of things\n", "the top level: expected a mapping", id="a list"),
        pytest.param("just some text\n", "the top level: expected a mapping", id="a scalar"),
    ],
)
def test_a_file_that_is_not_a_guide_is_refused(
    guide, write_guide, run_command, snapshot, text, fragment
):
    path = write_guide(text)
    before = snapshot()
    with pytest.raises(CommandError, match="Refused, nothing changed") as refusal:
        run_command("load_guide", str(path))
    assert f"{path}: {fragment}" in str(refusal.value)
    assert snapshot() == before


def test_a_file_that_is_not_utf8_is_refused(guide, tmp_path, run_command, snapshot):
    path = tmp_path / "latin1.yaml"
    path.write_bytes("schema: café\n".encode("latin-1"))
    before = snapshot()
    with pytest.raises(CommandError, match="not valid YAML"):
        run_command("load_guide", str(path))
    assert snapshot() == before


def test_a_missing_file_is_refused_naming_it(empty_guide, tmp_path, run_command, snapshot):
    path = tmp_path / "no-such-guide.yaml"
    with pytest.raises(CommandError) as refusal:
        run_command("load_guide", str(path))
    assert f"{path}: cannot read the file" in str(refusal.value)
    assert all(rows == [] for rows in snapshot().values())


def test_a_dry_run_refuses_a_bad_file_too(guide, guide_data, write_guide, run_command):
    guide_data["items"][0]["category"] = "no-such-category"
    with pytest.raises(CommandError, match="unknown category"):
        run_command("load_guide", str(write_guide(guide_data)), dry_run=True)


# Regression: two stages at one order crashed the loader with an IntegrityError.
def test_two_stages_with_the_same_order_are_refused(guide, guide_data, write_guide, run_command):
    guide_data["stages"][1]["order"] = guide_data["stages"][0]["order"]
    with pytest.raises(CommandError) as refusal:
        run_command("load_guide", str(write_guide(guide_data)))
    assert "stages[1] 'senior-developer', field order" in str(refusal.value)
    assert "also the order of 'junior-developer'" in str(refusal.value)
