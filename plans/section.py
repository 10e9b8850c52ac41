"""The development plan as a section of the report (reports/sections.py lists the sections).

The plan is a pure function of the frozen report and the hours a week the person gives
it, so those hours are all its stamp holds: a new budget is a new drawing.
"""

from typing import Annotated, Literal

from django.utils import translation
from django.utils.translation import gettext as _
from pydantic import Field

from assessments.contract import Declared, Level, Slug
from plans.models import Plan
from plans.plan import DEFAULT_HOURS_PER_WEEK, HOURS_PER_WEEK_MAX, HOURS_PER_WEEK_MIN, WEEKS
from plans.plan_view import plan_view


class PlanActionData(Declared):
    item: Slug
    from_level: Level
    to_level: Level
    goal: str
    resources: Annotated[list[Slug], Field(max_length=2)]
    # Issue 25: each resource's fit to the item, beside `resources` and in their order (null
    # for a report frozen before resources had fits).
    resource_fit: Annotated[list[Literal["core", "supporting"] | None], Field(max_length=2)]
    practice: str
    questions: list[Slug]
    hours: Annotated[int, Field(ge=0)]
    why: Annotated[str, Field(min_length=1)]
    start_week: Annotated[int, Field(ge=0)]
    end_week: Annotated[int, Field(ge=0)]


class PlanData(Declared):
    """The JSON export's `plan` (null for a first-edition report)."""

    hours_per_week: Annotated[int, Field(ge=HOURS_PER_WEEK_MIN, le=HOURS_PER_WEEK_MAX)]
    weeks: Annotated[int, Field(ge=WEEKS, le=WEEKS)]
    budget: int
    over_budget: bool
    actions: Annotated[list[PlanActionData], Field(max_length=3)]
    later: list[PlanActionData]


def hours_per_week_of(assessment):
    """The time the person gives their development plan (the default until they choose)."""
    hours = Plan.objects.filter(assessment=assessment).values_list("hours_per_week", flat=True)
    return hours.first() or DEFAULT_HOURS_PER_WEEK


class PlanSection:
    key = "plan"
    data_model = PlanData
    template = "assessments/report/_plan.html"
    in_page_body = True

    def state_for(self, seen, *, language):
        """Every audience sees the plan, drawn for the person's own budget (one query)."""
        return hours_per_week_of(seen.assessment)

    def stamp(self, state):
        return f"{DEFAULT_HOURS_PER_WEEK if state is None else state}h"

    def state_from_stamp(self, stamp, seen, *, language):
        """The budget a stamp names (no query)."""
        return int(stamp.removesuffix("h"))

    def add(self, report, state, built):
        hours = DEFAULT_HOURS_PER_WEEK if state is None else state
        report.plan = plan_view(
            built.snapshot, built.score, language=built.language, hours_per_week=hours
        )

    def data(self, report):
        """The JSON export's `plan`; null for a first-edition report."""
        plan = report.plan
        if plan is None:
            return None
        return {
            "hours_per_week": plan.hours_per_week,
            "weeks": plan.weeks,
            "budget": plan.budget,
            "over_budget": plan.over_budget,
            "actions": [_action_data(action) for action in plan.actions],
            "later": [_action_data(action) for action in plan.later],
        }

    # Its own table beside report.csv: one row per action, in plan.csv.
    csv_file = "plan"

    def csv_columns(self, report):
        return []

    def csv_cells(self, report, item_slug):
        return []

    def csv_table(self, report):
        """plan.csv: a header and one row per action, those of this plan (numbered in
        order, with their weeks) then those left for later (no weeks); None for a
        first-edition report. Weeks are two number columns: "1-6" would become a date."""
        if report.plan is None:
            return None
        with translation.override(report.language):
            header = [
                _("plan action"),
                _("timing"),
                _("item"),
                _("from level"),
                _("to level"),
                _("start week"),
                _("end week"),
                _("hours"),
                _("goal"),
                _("practice"),
                _("resources"),
            ]
            timed = [(_("this plan"), action) for action in report.plan.actions]
            timed += [(_("later"), action) for action in report.plan.later]
        rows = [header]
        for number, (timing, action) in enumerate(timed, start=1):
            scheduled = bool(action.start_week)  # an action left for later has no weeks
            rows.append(
                [
                    number,
                    timing,
                    action.item_name,
                    action.from_level,
                    action.to_level,
                    action.start_week if scheduled else "",
                    action.end_week if scheduled else "",
                    action.hours,
                    action.goal,
                    action.practice,
                    " / ".join(resource.title for resource in action.resources),
                ]
            )
        return rows


def _action_data(action):
    return {
        "item": action.item,
        "from_level": action.from_level,
        "to_level": action.to_level,
        "goal": action.goal,
        "resources": [resource.slug for resource in action.resources],
        # Beside `resources`, in the same order: "core" or "supporting" for the item (null
        # for a report frozen before resources had fits).
        "resource_fit": [resource.fit for resource in action.resources],
        "practice": action.practice,
        "questions": [question.slug for question in action.questions],
        "hours": action.hours,
        "why": action.why,
        "start_week": action.start_week,
        "end_week": action.end_week,
    }


section = PlanSection()
