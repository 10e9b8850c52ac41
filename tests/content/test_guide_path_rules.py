"""What the data-file validation refuses on the branching path, bands and overrides."""

import copy

import pytest

from content.guide_schema import GuideFileError, validate_guide
from tests.real_guide import ItemSlug, StageSlug


def _refused(data):
    with pytest.raises(GuideFileError) as refusal:
        validate_guide(data, source="guide.yaml")
    return str(refusal.value)


def test_the_shipped_file_is_valid(guide_data):
    validate_guide(guide_data, source="guide.yaml")


def test_a_level_that_drops_along_a_track_is_refused(guide_data):
    data = copy.deepcopy(guide_data)
    data["target_profile"][StageSlug.VP_ENGINEERING][ItemSlug.HR_TEAM]["expected"] = 0
    message = _refused(data)
    assert "target_profile" in message
    assert "'hr-team' drops from" in message
    assert "at 'engineering-manager' to 0 at 'vp-engineering'" in message


def test_siblings_on_two_tracks_may_expect_less_of_each_other(guide_data):
    data = copy.deepcopy(guide_data)
    data["target_profile"][StageSlug.SOLUTIONS_ARCHITECT][ItemSlug.HR_TEAM]["expected"] = data[
        "target_profile"
    ][StageSlug.TECH_LEAD][ItemSlug.HR_TEAM]["expected"]
    data["target_profile"][StageSlug.ENGINEERING_MANAGER][ItemSlug.HR_TEAM]["expected"] = 4
    data["target_profile"][StageSlug.VP_ENGINEERING][ItemSlug.HR_TEAM]["expected"] = 4
    data["target_profile"][StageSlug.CTO][ItemSlug.HR_TEAM]["expected"] = 4
    validate_guide(data, source="guide.yaml")


def test_a_kinds_override_that_makes_a_drop_is_refused(guide_data):
    data = copy.deepcopy(guide_data)
    kind = data["company_kinds"][0]
    kind.setdefault("overrides", {}).setdefault(StageSlug.SOLUTIONS_ARCHITECT, {})[
        ItemSlug.AI_ML
    ] = {"expected": 4}
    data["target_profile"][StageSlug.CTO][ItemSlug.AI_ML]["expected"] = 3
    message = _refused(data)
    assert f"company_kinds[0] '{kind['slug']}', field overrides" in message
    assert "'ai-ml' drops from 4 at 'solutions-architect'" in message


def test_an_override_of_an_unknown_item_or_stage_is_refused(guide_data):
    data = copy.deepcopy(guide_data)
    data["company_kinds"][1]["overrides"] = {StageSlug.CTO: {"no-such-item": {"expected": 2}}}
    assert "unknown item 'no-such-item'" in _refused(data)
    data["company_kinds"][1]["overrides"] = {"no-such-stage": {ItemSlug.AI_ML: {"expected": 2}}}
    assert "unknown stage 'no-such-stage'" in _refused(data)


def test_an_override_that_changes_nothing_is_refused(guide_data):
    data = copy.deepcopy(guide_data)
    data["company_kinds"][1]["overrides"] = {StageSlug.CTO: {ItemSlug.AI_ML: {}}}
    assert "company_kinds[1]" in _refused(data)


def test_a_next_stage_must_exist_and_come_later(guide_data):
    data = copy.deepcopy(guide_data)
    data["stages"][-1]["next"] = [StageSlug.JUNIOR_DEVELOPER]
    assert "'junior-developer' does not come after this stage" in _refused(data)
    data["stages"][-1]["next"] = ["chief-scientist"]
    assert "unknown stage 'chief-scientist'" in _refused(data)


def test_a_band_must_rise(guide_data):
    data = copy.deepcopy(guide_data)
    data["resources"][0]["levels"] = {"from": 3, "to": 3}
    assert "the band must rise" in _refused(data)
    data = copy.deepcopy(guide_data)
    data["practice"][0]["levels"] = {"from": 2, "to": 1}
    assert "practice[0]" in _refused(data)


def test_a_practice_action_of_an_unknown_item_is_refused(guide_data):
    data = copy.deepcopy(guide_data)
    data["practice"][0]["item"] = "juggling"
    assert "unknown item 'juggling'" in _refused(data)


def test_a_first_edition_file_is_refused_with_a_way_forward(guide_data):
    data = copy.deepcopy(guide_data)
    data["schema"] = "cto-assess/guide/v1"
    message = _refused(data)
    assert "older format" in message and "export_guide" in message


def test_a_resource_url_must_be_https(guide_data):
    data = copy.deepcopy(guide_data)
    data["resources"][0]["url"] = "http://example.org/"
    assert "resources[0]" in _refused(data)
