"""The career path as a graph: drops along it, a kind's adjusted cells, the routes."""

from content.career_path import Drop, adjusted_cells, expected_only, profile_drops, routes

EDGES = [("lead", "manager"), ("lead", "architect"), ("manager", "cto"), ("architect", "cto")]


def test_a_level_that_only_rises_along_the_path_is_no_drop():
    expected = {"lead": {"x": 2}, "manager": {"x": 3}, "architect": {"x": 2}, "cto": {"x": 3}}
    assert profile_drops(expected, EDGES) == []


def test_siblings_on_two_tracks_may_differ_either_way():
    expected = {"lead": {"x": 1}, "manager": {"x": 3}, "architect": {"x": 1}, "cto": {"x": 3}}
    assert profile_drops(expected, EDGES) == []


def test_a_drop_names_the_edge_the_item_and_both_levels():
    expected = {"lead": {"x": 2}, "manager": {"x": 2}, "architect": {"x": 4}, "cto": {"x": 3}}
    assert profile_drops(expected, EDGES) == [Drop("architect", "cto", "x", 4, 3)]


def test_overrides_change_only_what_they_name():
    base = {"cto": {"x": (3, 2), "y": (2, 1)}}
    cells = adjusted_cells(base, {"cto": {"x": {"importance": 3}, "y": {"expected": 4}}})
    assert cells == {"cto": {"x": (3, 3), "y": (4, 1)}}
    assert base == {"cto": {"x": (3, 2), "y": (2, 1)}}, "the base profile is left as it was"
    assert expected_only(cells) == {"cto": {"x": 3, "y": 4}}


def test_routes_follow_each_branch_to_the_top():
    next_of = {"lead": ("manager", "architect"), "manager": ("cto",), "architect": ("cto",)}
    assert routes("lead", next_of) == [["lead", "manager", "cto"], ["lead", "architect", "cto"]]
