"""What the owner may see of their colleagues' ratings: the anonymity rules, as one pure
function (plain data in, plain data out, no Django).

The rules (issue 15, point 3), and how they are made to hold against arithmetic:

- Fewer than MIN_RATERS submissions in all: nothing but the counts.
- "All colleagues" pools every submission and is shown once there are MIN_RATERS.
- A relationship is shown as its own group when it has at least MIN_RATERS submissions;
  the manager's group only when every manager in it agreed on the form (then even alone),
  never merely by count.
- Groups are disjoint parts of "all colleagues", so "all" minus the shown groups is the
  sum of the rest: a group is shown only if that rest is empty or has MIN_RATERS or more
  submissions. When it would have one or two, the smallest group not agreed to be shown
  alone is folded back into the rest. The same holds per item, counting only the ratings
  of that item ("can't judge" is no rating): an item's mean in a group needs MIN_RATERS
  ratings of it there (unless the group agreed), and its rest, if any, MIN_RATERS.
- Comments are shown only from MIN_RATERS submissions, without relationship, in an
  order that does not follow their arrival (a shuffle seeded by the caller).
- Blind spots and hidden strengths compare the person's own level with the "all
  colleagues" mean of an item, where that mean is shown.
"""

import random
from dataclasses import dataclass, field

MIN_RATERS = 3
ALL = "all"  # the pooled group of every submission
MANAGER = "manager"
RELATIONSHIP_ORDER = ("manager", "peer", "direct_report", "other")
BLIND_SPOT_LEVELS = 1  # colleagues' mean at least this far below the self-rating


@dataclass(frozen=True)
class Submission:
    """One colleague's rating, without anything that says who gave it."""

    relationship: str
    levels: dict  # {item slug: level 0-4, or None for "can't judge"}
    manager_consent: bool = False


@dataclass(frozen=True)
class ItemMean:
    item: str
    mean: float
    count: int


@dataclass(frozen=True)
class Group:
    relationship: str  # one of RELATIONSHIP_ORDER, or ALL
    count: int  # submissions in the group
    items: tuple  # ItemMean, in the round's item order; only the means that may be shown

    def mean_of(self, item):
        return next((i.mean for i in self.items if i.item == item), None)


@dataclass(frozen=True)
class Disclosure:
    invited: int
    answered: int
    groups: tuple = ()  # Group: separate relationships first, then ALL
    comments: tuple = ()
    blind_spots: tuple = ()  # item slugs
    hidden_strengths: tuple = ()
    all_means: dict = field(default_factory=dict)  # {item slug: mean} of ALL, where shown

    @property
    def is_shown(self):
        return self.answered >= MIN_RATERS


def _agreed(relationship, members):
    return relationship == MANAGER and bool(members) and all(m.manager_consent for m in members)


def _keep_rest_safe(shown, total, sizes, agreed):
    """Fold groups back into the rest until `total - sum(sizes of shown)` is 0 or large enough.

    Returns the groups that stay, or None when the rest cannot be made safe (then the
    pooled figure must be hidden instead)."""
    shown = list(shown)
    while True:
        rest = total - sum(sizes[g] for g in shown)
        if rest == 0 or rest >= MIN_RATERS:
            return shown
        foldable = [g for g in shown if not agreed[g]]
        if not foldable:
            return None
        shown.remove(min(foldable, key=lambda g: (sizes[g], RELATIONSHIP_ORDER.index(g))))


def _mean(levels):
    return round(sum(levels) / len(levels), 2)


def disclose(*, invited, submissions, items, self_levels, comments=(), seed=0):
    """What the owner sees of `submissions` on `items` (slugs, in order).

    `self_levels`: {item slug: the owner's own level}; `comments`: the colleagues' comment
    texts; `seed` fixes the comments' shuffle (so every rendering shows one order).
    """
    total = len(submissions)
    if total < MIN_RATERS:
        return Disclosure(invited=invited, answered=total)
    members = {r: [s for s in submissions if s.relationship == r] for r in RELATIONSHIP_ORDER}
    agreed = {r: _agreed(r, members[r]) for r in RELATIONSHIP_ORDER}
    candidates = [
        r
        for r in RELATIONSHIP_ORDER
        if agreed[r] or (r != MANAGER and len(members[r]) >= MIN_RATERS)
    ]
    separate = (
        _keep_rest_safe(candidates, total, {r: len(m) for r, m in members.items()}, agreed) or []
    )

    means = {r: [] for r in separate}
    all_means = []
    for item in items:
        rated = {
            r: [s.levels[item] for s in members[r] if s.levels.get(item) is not None]
            for r in RELATIONSHIP_ORDER
        }
        all_rated = [level for r in RELATIONSHIP_ORDER for level in rated[r]]
        shown_here = [
            r for r in separate if rated[r] and (agreed[r] or len(rated[r]) >= MIN_RATERS)
        ]
        if len(all_rated) >= MIN_RATERS:
            kept = _keep_rest_safe(
                shown_here, len(all_rated), {r: len(v) for r, v in rated.items()}, agreed
            )
            if kept is None:  # the rest is one or two raters beside agreed groups only
                kept = shown_here
            else:
                all_means.append(ItemMean(item, _mean(all_rated), len(all_rated)))
            shown_here = kept
        for r in shown_here:
            means[r].append(ItemMean(item, _mean(rated[r]), len(rated[r])))

    groups = [Group(r, len(members[r]), tuple(means[r])) for r in separate]
    groups.append(Group(ALL, total, tuple(all_means)))
    pooled = {m.item: m.mean for m in all_means}
    shuffled = list(comments)
    # Not a secret: the order only must not follow arrival (callers pass them sorted).
    random.Random(seed).shuffle(shuffled)  # noqa: S311
    return Disclosure(
        invited=invited,
        answered=total,
        groups=tuple(groups),
        comments=tuple(shuffled),
        blind_spots=tuple(
            i for i in items if i in pooled and pooled[i] <= self_levels[i] - BLIND_SPOT_LEVELS
        ),
        hidden_strengths=tuple(
            i for i in items if i in pooled and pooled[i] >= self_levels[i] + BLIND_SPOT_LEVELS
        ),
        all_means=pooled,
    )
