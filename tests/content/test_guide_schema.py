"""content.guide_schema.validate_guide: property tests of what it refuses.

Straight to the validator: the file round trip through load_guide is covered in
test_guide_file_errors.py, and is too slow to repeat for every generated example.
"""

import copy

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from content.guide_schema import GuideFileError, validate_guide
from tests.real_guide import ItemSlug, StageSlug

OUTSIDE_0_TO_4 = st.one_of(st.integers(max_value=-1), st.integers(min_value=5))
NOT_AN_INTEGER = st.one_of(
    st.text(max_size=5),
    st.floats(allow_nan=False, allow_infinity=False).filter(lambda x: not x.is_integer()),
    st.booleans(),
    st.none(),
    st.lists(st.integers(), max_size=2),
)
FAST = settings(
    max_examples=25, suppress_health_check=[HealthCheck.function_scoped_fixture], deadline=None
)


def _refused(data):
    with pytest.raises(GuideFileError) as refusal:
        validate_guide(data, source="guide.yaml")
    message = str(refusal.value)
    assert message.startswith("guide.yaml: ")
    return message


@FAST
@given(
    level=OUTSIDE_0_TO_4,
    stage=st.sampled_from([StageSlug.JUNIOR_DEVELOPER, StageSlug.TECH_LEAD, StageSlug.CTO]),
)
def test_any_expected_level_outside_0_to_4_is_refused(guide_data, level, stage):
    data = copy.deepcopy(guide_data)
    data["target_profile"][stage][ItemSlug.AI_ML]["expected"] = level
    assert f"target_profile '{stage}', field ai-ml.expected" in _refused(data)


@FAST
@given(level=OUTSIDE_0_TO_4, index=st.integers(min_value=0, max_value=4))
def test_any_rubric_level_outside_0_to_4_is_refused(guide_data, level, index):
    data = copy.deepcopy(guide_data)
    data["items"][3]["rubric"][index]["level"] = level
    message = _refused(data)
    assert f"items[3] 'data-engineering', field rubric.{index}.level" in message


@FAST
@given(importance=st.one_of(st.integers(max_value=0), st.integers(min_value=4)))
def test_any_importance_outside_1_to_3_is_refused(guide_data, importance):
    data = copy.deepcopy(guide_data)
    data["target_profile"][StageSlug.CTO][ItemSlug.BUDGET_ROI]["importance"] = importance
    assert "target_profile 'cto', field budget-roi.importance" in _refused(data)


@FAST
@given(order=NOT_AN_INTEGER)
def test_any_order_that_is_not_an_integer_is_refused(guide_data, order):
    data = copy.deepcopy(guide_data)
    data["stages"][2]["order"] = order
    assert "stages[2] 'tech-lead', field order" in _refused(data)


@FAST
@given(slug=st.from_regex(r"[a-z]{3,12}(-[a-z]{3,8})?", fullmatch=True))
def test_any_unknown_item_slug_in_a_question_is_refused(guide_data, slug):
    data = copy.deepcopy(guide_data)
    assume(slug not in {item["slug"] for item in data["items"]})
    data["questions"][4]["items"].append(slug)
    assert f"field items: unknown item '{slug}'" in _refused(data)


@FAST
@given(blank=st.text(alphabet=" \t\n\u3000", max_size=4))
def test_a_required_text_of_only_spaces_is_refused(guide_data, blank):
    data = copy.deepcopy(guide_data)
    data["items"][0]["name"]["en"] = blank
    assert "items[0] 'cloud-computing', field name.en" in _refused(data)


def test_an_optional_text_may_be_blank_in_one_language(guide_data):
    guide_data["items"][0]["description"]["en"] = ""
    guide_data["resources"][0]["author"]["ja"] = ""
    validate_guide(guide_data, source="guide.yaml")


def test_the_real_guide_is_valid(guide_data):
    validate_guide(guide_data, source="guide.yaml")
