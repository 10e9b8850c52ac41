"""The career path as a graph, and the rule that expected levels never drop along it.

Plain data in and out (no database), so the data-file validation, the admin grid, the
career page and the report all apply the same rule. A profile is {stage slug: {item
slug: expected level}}; edges are (stage slug, next stage slug) pairs.
"""

from dataclasses import dataclass

# A stage is reached at this readiness (%), with each of its core items at its level. Kept
# here, beside the path, so the career page can say it without importing the scoring.
REACHED_AT = 80.0


@dataclass(frozen=True)
class Drop:
    """An item whose expected level falls from one stage to a stage that follows it."""

    stage: str
    next_stage: str
    item: str
    expected: int
    next_expected: int


def profile_drops(expected, edges):
    """Every drop along the edges, in edge order then the stage's item order."""
    drops = []
    for stage, next_stage in edges:
        after = expected.get(next_stage, {})
        for item, level in expected.get(stage, {}).items():
            if item in after and after[item] < level:
                drops.append(Drop(stage, next_stage, item, level, after[item]))
    return drops


def adjusted_cells(base, overrides):
    """Base cells {stage: {item: (expected, importance)}} with a kind's overrides applied.

    overrides: {stage: {item: {"expected": n, "importance": n}}}, either key optional.
    """
    cells = {stage: dict(row) for stage, row in base.items()}
    for stage, row in overrides.items():
        for item, change in row.items():
            expected, importance = cells.get(stage, {}).get(item, (None, None))
            cells.setdefault(stage, {})[item] = (
                change.get("expected", expected),
                change.get("importance", importance),
            )
    return cells


def expected_only(cells):
    return {stage: {item: cell[0] for item, cell in row.items()} for stage, row in cells.items()}


def routes(first, next_of):
    """Every route from `first` to a stage with nothing after it, as lists of slugs."""
    following = next_of.get(first, ())
    if not following:
        return [[first]]
    return [[first, *rest] for stage in following for rest in routes(stage, next_of)]
