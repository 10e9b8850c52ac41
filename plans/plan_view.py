"""The development plan as a report shows it: names, texts and the reason, in one language."""

from dataclasses import dataclass

from django.utils.translation import gettext as _

from plans.plan import band_for, plan_of, practice_hours


@dataclass
class PlanResource:
    slug: str
    title: str
    author: str
    url: str
    effort_hours: int | None
    levels: tuple  # the band it serves for the action's item
    fit: str | None = None  # "core" or "supporting" for the item; None before version 4


@dataclass
class PlanQuestion:
    slug: str
    text: str


@dataclass
class ActionRow:
    item: str
    item_name: str
    from_level: int
    to_level: int
    goal: str
    resources: list[PlanResource]
    practice: str
    practice_hours: int | None
    questions: list[PlanQuestion]
    hours: int
    start_week: int
    end_week: int
    why: str


@dataclass
class PlanView:
    hours_per_week: int
    weeks: int
    budget: int
    total_hours: int
    over_budget: bool
    actions: list[ActionRow]
    later: list[ActionRow]
    hours_left: int = 0  # of the budget, beside the actions
    fitting_hours_per_week: int | None = None  # what would fit the next action too

    @property
    def next_fit(self):
        """In words, in the active language: the hours the next action waiting needs
        beside the hours left, and the hours a week that would fit it in this plan; ""
        when none waits. The plan page and the report's plan both say it with this."""
        if not self.later:
            return ""
        waiting = self.later[0]
        needs = _(
            "The next action, %(item)s, needs about %(hours)s hours; %(left)s hours are "
            "left in these %(weeks)s weeks."
        ) % {
            "item": waiting.item_name,
            "hours": waiting.hours,
            "left": self.hours_left,
            "weeks": self.weeks,
        }
        if self.fitting_hours_per_week:
            fits = _("At %(per_week)s hours a week it fits in this plan.") % {
                "per_week": self.fitting_hours_per_week
            }
        else:
            fits = _("Take it when these are done.")
        # Two sentences: a space between them in English, none in Japanese.
        return _("%(needs)s %(fits)s") % {"needs": needs, "fits": fits}


def _why(action, item_name, stage_name):
    return _(
        "You rate %(item)s at %(rating)d; %(stage)s expects %(expected)d, with importance "
        "%(importance)d of 3. One level up is the next step."
    ) % {
        "item": item_name,
        "rating": action.from_level,
        "stage": stage_name,
        "expected": action.expected,
        "importance": action.importance,
    }


def _row(action, language, names, stage_name):
    return ActionRow(
        item=action.item,
        item_name=names[action.item],
        from_level=action.from_level,
        to_level=action.to_level,
        goal=action.goal[language] if action.goal else "",
        resources=[
            PlanResource(
                r.slug,
                r.title[language],
                r.author.get(language, ""),
                r.url,
                r.effort_hours,
                band_for(r, action.item),
                fit,
            )
            for r, fit in zip(action.resources, action.resource_fit, strict=True)
        ],
        practice=action.practice.text[language] if action.practice else "",
        practice_hours=practice_hours(action.practice) if action.practice else None,
        questions=[PlanQuestion(q.slug, q.question[language]) for q in action.questions],
        hours=action.hours,
        start_week=action.start_week,
        end_week=action.end_week,
        why=_why(action, names[action.item], stage_name),
    )


def plan_view(snapshot, score, *, language, hours_per_week):
    """The plan of a snapshot in `language` (call inside translation.override), or None."""
    plan = plan_of(snapshot, score, hours_per_week=hours_per_week)
    if plan is None:
        return None
    names = {item.slug: item.name[language] for item in snapshot.items}
    stage_name = snapshot.stage(plan.target_stage).name[language]
    return PlanView(
        hours_per_week=plan.hours_per_week,
        weeks=plan.weeks,
        budget=plan.budget,
        total_hours=plan.total_hours,
        over_budget=plan.over_budget,
        actions=[_row(a, language, names, stage_name) for a in plan.actions],
        later=[_row(a, language, names, stage_name) for a in plan.later],
        hours_left=plan.hours_left,
        fitting_hours_per_week=plan.fitting_hours_per_week,
    )
