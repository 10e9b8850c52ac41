"""The development plan: a few actions for the top focus areas, fitted to a time budget.

A pure function of the frozen snapshot, its score and the hours a person has each week
(no database, no Django). Each action raises one item by one level, from the person's
rating towards the target's expected level, with the next level's rubric text as the
goal, one or two resources for that level band (the core resources of the band before any
supporting one, then the lightest), a practice action at work for exactly that one-level
step with the hours it takes, and the interview questions that test the item (none that
an earlier action already shows; a book two actions share is counted once). Actions
are taken in priority order while their hours fit the budget (hours per week × weeks);
one that does not fit waits for the next
plan, except a first action that alone needs more than the budget, which is kept and
said to run over.

First-edition snapshots hold no level bands, practice or next-level texts: they have no
plan (None), and their reports render as they always did.
"""

import math
from dataclasses import dataclass, replace

from assessments.reporting.recommendations import fits

DEFAULT_HOURS_PER_WEEK = 3
HOURS_PER_WEEK_MIN, HOURS_PER_WEEK_MAX = 1, 40
WEEKS = 12
TOP_ACTIONS = 3
# A practice action's hours when the snapshot holds none (frozen before version 4).
PRACTICE_HOURS = 6
MAX_RESOURCES = 2
MAX_QUESTIONS = 2


@dataclass(frozen=True)
class PlanAction:
    item: str
    from_level: int
    to_level: int
    expected: int
    importance: int
    goal: dict | None  # {"ja", "en"}: the rubric text of `to_level`
    resources: tuple  # FrozenResource: the first counts in the hours, a second is an alternative
    # "core" or "supporting" for each resource, in the same order (None before version 4).
    resource_fit: tuple
    practice: object  # FrozenPractice, or None
    questions: tuple  # FrozenQuestion
    hours: int
    start_week: int = 0  # 1-based, within the plan; 0 for actions left for later
    end_week: int = 0


@dataclass(frozen=True)
class Plan:
    hours_per_week: int
    weeks: int
    target_stage: str
    actions: tuple  # PlanAction that fit, in priority order
    later: tuple  # PlanAction that do not fit in this plan
    over_budget: bool = False  # the first action alone needs more hours than the budget
    # The hours the plan would need to take the first action left for later too: the
    # actions before it in priority and its own (0 when none waits).
    next_needs: int = 0

    @property
    def budget(self):
        return self.hours_per_week * self.weeks

    @property
    def total_hours(self):
        return sum(action.hours for action in self.actions)

    @property
    def hours_left(self):
        """Hours of the budget no action of this plan takes."""
        return max(0, self.budget - self.total_hours)

    @property
    def fitting_hours_per_week(self):
        """The hours a week at which the plan would also fit the next action (the first
        one left for later), or the first action when it alone runs over; None when
        nothing is waiting or not even the most hours a week would fit it."""
        if self.later:
            needed = self.next_needs
        elif self.over_budget:
            needed = self.total_hours
        else:
            return None
        hours = max(self.hours_per_week + 1, math.ceil(needed / self.weeks))
        return hours if hours <= HOURS_PER_WEEK_MAX else None


def _band_width(levels):
    low, high = levels
    return 0 if low is None else high - low


def band_for(resource, item):
    """The levels `resource` serves for `item`: its link's band, else its own."""
    link = resource.link(item)
    return link.levels if link else resource.levels


def fit_for(resource, item):
    """The fit ("core" or "supporting") for `item`; None when the snapshot holds none."""
    link = resource.link(item)
    return link.fit if link else None


_FIT_RANK = {"core": 0, "supporting": 1, None: 1}


def _resources_for(snapshot, item, rating, offered=frozenset()):
    """Resources for the person's band; failing those, ones that start one level up.

    Material that starts further up (a level-2 book for someone at 0) is never offered.
    The core resources of the band come first, among them one the plan does not offer yet
    (`offered`) before one it does, then the lightest (it fits the person's week); in a
    snapshot without fits (before version 4) every resource ranks as one fit.
    """
    mine = [r for r in snapshot.resources if item in r.items]
    fitting = [r for r in mine if fits(band_for(r, item), rating)]
    if not fitting:
        fitting = [r for r in mine if band_for(r, item)[0] == rating + 1]
    fitting.sort(
        key=lambda r: (
            _FIT_RANK[fit_for(r, item)],
            r.slug in offered,
            r.effort_hours or 0,
            len(r.items),
            _band_width(band_for(r, item)),
            r.order,
        )
    )
    return tuple(fitting[:MAX_RESOURCES])


def _practice_for(snapshot, item, rating):
    """The practice for the step from `rating` to one level up.

    Practice with its own hours (version 4) comes in one-level bands, and only the band
    of this very step is offered (company-wide principles are not a level-2 task); older
    snapshots held wider bands, of which the narrowest that fits is taken.
    """
    fitting = [p for p in snapshot.practice if p.item == item and fits(p.levels, rating)]
    if any(p.hours for p in snapshot.practice):
        fitting = [p for p in fitting if p.levels == (rating, rating + 1)]
    return min(fitting, key=lambda p: _band_width(p.levels)) if fitting else None


def practice_hours(practice):
    return practice.hours or PRACTICE_HOURS


def _action(snapshot, frozen, scored, shown):
    """The action for one focus area.

    `shown` holds the slugs of the questions and resources earlier actions offer: a
    question is asked once, and another core resource is preferred to one already offered.
    """
    resources = _resources_for(snapshot, scored.item, scored.rating, shown["resources"])
    practice = _practice_for(snapshot, scored.item, scored.rating)
    questions = tuple(
        q
        for q in snapshot.interview_questions
        if scored.item in q.items and q.slug not in shown["questions"]
    )[:MAX_QUESTIONS]
    shown["questions"].update(q.slug for q in questions)
    shown["resources"].update(r.slug for r in resources)
    hours = _study_hours(resources) + (practice_hours(practice) if practice else 0)
    return PlanAction(
        item=scored.item,
        from_level=scored.rating,
        to_level=scored.rating + 1,
        expected=scored.expected,
        importance=scored.importance,
        goal=frozen.next_rubric,
        resources=resources,
        resource_fit=tuple(fit_for(r, scored.item) for r in resources),
        practice=practice,
        questions=questions,
        hours=hours,
    )


def first_actions(score):
    """The items of the plan's actions: the top focus areas, with at least one of the
    target's core items among them while one has a gap (a core item short of its level
    keeps the target out of reach, however high the readiness)."""
    chosen = score.focus_areas[:TOP_ACTIONS]
    scored = {item.item: item for item in score.items}
    if any(scored[slug].core for slug in chosen):
        return chosen
    core_gap = next((slug for slug in score.focus_areas if scored[slug].core), None)
    if core_gap is None:
        return chosen
    return [*chosen[: TOP_ACTIONS - 1], core_gap]


def _study_hours(resources):
    return (resources[0].effort_hours or 0) if resources else 0


def _read_once(action, studied):
    """`action` without the hours of a first resource an action of the plan already counts."""
    if action.resources and action.resources[0].slug in studied:
        return replace(action, hours=action.hours - _study_hours(action.resources))
    return action


def _scheduled(action, hours_before, hours_per_week):
    start = hours_before // hours_per_week + 1
    end = max(start, math.ceil((hours_before + action.hours) / hours_per_week))
    return replace(action, start_week=start, end_week=end)


def plan_of(snapshot, score, *, hours_per_week=DEFAULT_HOURS_PER_WEEK, weeks=WEEKS):
    """The plan for `snapshot` scored as `score`, or None for a first-edition snapshot."""
    if snapshot.version < 2:
        return None
    if not HOURS_PER_WEEK_MIN <= hours_per_week <= HOURS_PER_WEEK_MAX:
        raise ValueError(f"hours per week must be {HOURS_PER_WEEK_MIN}-{HOURS_PER_WEEK_MAX}")
    frozen = {item.slug: item for item in snapshot.items}
    scored = {item.item: item for item in score.items}
    shown = {"questions": set(), "resources": set()}
    candidates = [
        _action(snapshot, frozen[slug], scored[slug], shown) for slug in first_actions(score)
    ]
    budget = hours_per_week * weeks
    actions, later, used, over_budget, next_needs = [], [], 0, False, 0
    studied = set()  # the first resources of the actions taken: each read once
    for action in candidates:
        action = _read_once(action, studied)
        if used + action.hours <= budget:
            actions.append(_scheduled(action, used, hours_per_week))
            used += action.hours
        elif not actions and not later:
            actions.append(_scheduled(action, used, hours_per_week))
            used += action.hours
            over_budget = True
        else:
            if not later:
                next_needs = used + action.hours
            later.append(action)
            continue
        if action.resources:
            studied.add(action.resources[0].slug)
    return Plan(
        hours_per_week=hours_per_week,
        weeks=weeks,
        target_stage=score.target_stage,
        actions=tuple(actions),
        later=tuple(later),
        over_budget=over_budget,
        next_needs=next_needs,
    )
