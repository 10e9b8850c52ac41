"""Scoring: one explainable formula, pure Python (no Django), plain data in and out.

For the target stage T, item i with self rating r, expected level e and importance w:

- gap g = max(0, e - r); a strength when r > e, or when r = e = 4 (nobody can rate above
  the top level, so meeting a top-level target is the most an item can show); priority = w * g.
- readiness(T) = sum(w * min(r, e)) / sum(w * e) over items with e > 0, as 0-100 %.
- category score = mean rating of its items; category readiness as above within it.
- readiness is computed for every stage; a stage is reached when its readiness is at
  least the threshold and each of its core items (the role-defining few) meets its
  expected level: an average cannot make up for an item a role cannot do without. The
  core items short of their level are the ones that hold the stage back. The best-fit
  stage is the highest reached stage in ladder order (the first stage if none is reached).
- focus areas: items with g > 0 by w * g descending, ties going to the target's core items
  first, then by category then item order.

Every number a report shows is decided here, including whether a stage is reached and the
one-decimal percentage shown for it, so no rendering can judge a figure differently.
"""

from dataclasses import dataclass

from content.career_path import REACHED_AT  # plain Python: scoring stays free of Django

BEST_FIT_THRESHOLD = REACHED_AT
TOP_LEVEL = 4  # the rubric's highest level


@dataclass(frozen=True)
class Rating:
    """One answered item: its slug, category slug, position in the matrix, and rating 0-4."""

    item: str
    category: str
    position: tuple[int, int]  # (category order, item order)
    rating: int


@dataclass(frozen=True)
class Expectation:
    expected: int  # 0-4
    importance: int  # 1-3


@dataclass(frozen=True)
class ItemScore:
    item: str
    category: str
    position: tuple[int, int]
    rating: int
    expected: int
    importance: int
    gap: int
    priority: int
    core: bool = False  # one of the target stage's core items

    @property
    def is_strength(self):
        return self.rating > self.expected or self.rating == self.expected == TOP_LEVEL

    @property
    def surplus(self):
        return max(0, self.rating - self.expected)


@dataclass(frozen=True)
class CategoryScore:
    category: str
    mean_rating: float
    mean_expected: float  # the target's mean expected level over the category's items
    readiness: float | None  # None when the target expects nothing in this category


@dataclass(frozen=True)
class StageReadiness:
    stage: str
    readiness: float
    reached: bool  # readiness at or above the threshold, and no core item short
    percent: float  # the readiness as every rendering shows it (see `shown_percent`)
    blocked_by: tuple = ()  # the stage's core items below their expected level, matrix order


@dataclass(frozen=True)
class Score:
    target_stage: str
    target_readiness: float
    items: list[ItemScore]
    categories: list[CategoryScore]
    by_stage: list[StageReadiness]
    best_fit_stage: str
    focus_areas: list[str]
    strengths: list[str]

    @property
    def target(self):
        """The target stage's readiness."""
        return next(s for s in self.by_stage if s.stage == self.target_stage)


def shown_percent(value, *, reached=None, threshold=BEST_FIT_THRESHOLD):
    """`value` (0-100) rounded to one decimal, as every rendering shows it.

    `reached` says whether the value itself is at or above the threshold. One below is
    never shown at the threshold or above: 79.95 shows as 79.9, not as an 80.0 that reads
    as met. None stays None (nothing expected).
    """
    if value is None:
        return None
    shown = round(value, 1)
    if reached is False and shown >= threshold:
        shown = round(threshold - 0.1, 1)
    return shown


def readiness(pairs):
    """pairs of (rating, Expectation) -> 0-100; 100 when nothing is expected at all."""
    expected = sum(e.importance * e.expected for _, e in pairs if e.expected > 0)
    if expected == 0:
        return 100.0
    met = sum(e.importance * min(r, e.expected) for r, e in pairs if e.expected > 0)
    return 100.0 * met / expected


def _category_scores(ratings, target_profile):
    by_category = {}
    for rating in ratings:
        by_category.setdefault(rating.category, []).append(rating)
    scores = []
    for category, members in by_category.items():
        pairs = [(r.rating, target_profile[r.item]) for r in members]
        has_expectation = any(e.expected > 0 for _, e in pairs)
        scores.append(
            CategoryScore(
                category=category,
                mean_rating=sum(r.rating for r in members) / len(members),
                mean_expected=sum(e.expected for _, e in pairs) / len(members),
                readiness=readiness(pairs) if has_expectation else None,
            )
        )
    return scores


def _short_core_items(ratings, profile, core):
    """The core items rated below their expected level, in matrix order."""
    return tuple(r.item for r in ratings if r.item in core and r.rating < profile[r.item].expected)


def _stage_readiness(stage, ratings, profile, core_items, threshold):
    """One stage's readiness: reached at the line with none of its core items short."""
    value = readiness([(r.rating, profile[r.item]) for r in ratings])
    meets_line = value >= threshold
    short = _short_core_items(ratings, profile, core_items.get(stage, frozenset()))
    shown = shown_percent(value, reached=meets_line, threshold=threshold)
    return StageReadiness(stage, value, meets_line and not short, shown, short)


def _item_scores(ratings, target_profile, target_core):
    """Each rated item against the target's profile: its gap and priority."""
    items = []
    for r in ratings:
        e = target_profile[r.item]
        gap = max(0, e.expected - r.rating)
        items.append(
            ItemScore(
                r.item,
                r.category,
                r.position,
                r.rating,
                e.expected,
                e.importance,
                gap,
                e.importance * gap,
                r.item in target_core,
            )
        )
    return items


def score(
    *, ratings, profiles, stages, target_stage, core_items=None, threshold=BEST_FIT_THRESHOLD
):
    """Score ratings against every stage's profile.

    ratings: list of Rating; profiles: {stage: {item: Expectation}}; stages: stage slugs
    in ladder order; target_stage: one of them; core_items: {stage: item slugs}, the
    role-defining items each stage is not reached without (none when omitted). Items
    missing from a profile count as expected 0, importance 1; a core item nobody rated
    holds nothing back.
    """
    if target_stage not in stages:
        raise ValueError(f"unknown target stage {target_stage!r}")
    ratings = sorted(ratings, key=lambda r: r.position)
    nothing = Expectation(expected=0, importance=1)

    def profile_of(stage):
        profile = profiles.get(stage, {})
        return {r.item: profile.get(r.item, nothing) for r in ratings}

    core_items = {stage: frozenset(slugs) for stage, slugs in (core_items or {}).items()}
    by_stage = [
        _stage_readiness(stage, ratings, profile_of(stage), core_items, threshold)
        for stage in stages
    ]
    reached = [s.stage for s in by_stage if s.reached]
    target_profile = profile_of(target_stage)
    items = _item_scores(ratings, target_profile, core_items.get(target_stage, frozenset()))
    focus = sorted(
        (i for i in items if i.gap > 0), key=lambda i: (-i.priority, not i.core, i.position)
    )
    # A top-level target met weighs as one level above it would.
    strengths = sorted(
        (i for i in items if i.is_strength),
        key=lambda i: (-i.importance * max(i.surplus, 1), i.position),
    )
    return Score(
        target_stage=target_stage,
        target_readiness=next(s.readiness for s in by_stage if s.stage == target_stage),
        items=items,
        categories=_category_scores(ratings, target_profile),
        by_stage=by_stage,
        best_fit_stage=reached[-1] if reached else stages[0],
        focus_areas=[i.item for i in focus],
        strengths=[i.item for i in strengths],
    )
