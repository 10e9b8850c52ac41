"""The one report object of a completed assessment.

Built from the frozen snapshot alone, with every number taken from scoring; the page,
the PDF, the CSV and the JSON all render it, so their numbers cannot differ.
"""

from dataclasses import dataclass, field

from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from assessments import scoring
from assessments.models import EVIDENCE_FROM_LEVEL
from assessments.reporting.recommendations import TOP_FOCUS_AREAS, recommend
from assessments.reporting.snapshot import read_snapshot, score_snapshot
from calibration.check_report import Calibration
from colleagues.reporting import ColleaguesView
from content.levels import LEVEL_NAMES
from plans.plan_view import PlanView
from reports.radar import Axis, radar_svg
from reports.route import Route, route_of
from reports.sections import SECTIONS

TOP_STRENGTHS = 5


@dataclass
class ItemRow:
    slug: str
    name: str
    category: str
    category_name: str
    rating: int
    rating_name: str
    expected: int
    importance: int
    gap: int
    priority: int
    rubric: str
    note: str
    change: int | None = None  # rating since the previous assessment, when compared
    evidence: str = ""  # the example behind a rating of 3 or 4 (shown where notes are)


@dataclass
class CategoryRow:
    slug: str
    name: str
    mean_rating: float
    mean_expected: float
    readiness: float | None


@dataclass
class CoreShortfall:
    """A core item of a stage rated below the level that stage expects: it holds it back."""

    slug: str
    name: str
    rating: int
    expected: int


@dataclass
class StageRow:
    slug: str
    name: str
    readiness: float
    is_reached: bool = False
    is_target: bool = False
    is_current: bool = False
    is_best_fit: bool = False
    blocked_by: list[CoreShortfall] = field(default_factory=list)
    core_items: list[str] = field(default_factory=list)  # names of its core items


@dataclass
class Recommended:
    slug: str
    title: str
    detail: str  # author, answer points or description
    kind: str  # resource kind, or "" for questions and trends
    step_name: str
    url: str
    serves: list[str]  # item slugs
    serves_names: list[str]
    reason: str
    effort_hours: int | None = None
    levels: tuple = (None, None)  # the level band a resource serves
    provenance: str = ""  # "guide" or "added"; "" for questions, trends and old reports
    year: int | None = None
    practice: dict | None = None  # a question the owner practised: attempts, last_at, covered


@dataclass
class CompanyKindRow:
    slug: str
    name: str
    target_note: str


@dataclass
class Movement:
    name: str
    before: float
    after: float

    @property
    def change(self):
        return round(self.after - self.before, 1)


@dataclass
class Comparison:
    previous_id: str
    previous_completed_at: object
    items: list[Movement]  # only the items whose rating moved
    stages: list[Movement]
    ratings_before: dict = field(default_factory=dict)  # {item slug: rating then}


@dataclass
class Report:
    assessment_id: str
    completed_at: object
    language: str
    current_stage: StageRow
    target_stage: StageRow
    best_fit_stage: StageRow
    target_readiness: float
    stages: list[StageRow]
    categories: list[CategoryRow]
    items: list[ItemRow]
    focus_areas: list[ItemRow]  # every item with a gap, most urgent first
    strengths: list[ItemRow]
    resources: list[Recommended]
    interview_questions: list[Recommended]
    trends: list[Recommended]
    threshold: float = scoring.BEST_FIT_THRESHOLD
    company_kind: CompanyKindRow | None = None  # None: scored against the base profile
    route: Route | None = None  # None for first-edition reports, whose ladder was a line
    comparison: Comparison | None = None
    radar: str = field(default="", repr=False)
    # The sections (sections.py): what the feature apps add beside the frozen report.
    plan: PlanView | None = None  # None for first-edition reports
    colleagues: ColleaguesView | None = None  # the colleagues' view this audience sees
    calibration: Calibration | None = None  # the person's knowledge check, once one starts

    @property
    def top_focus_areas(self):
        return self.focus_areas[:TOP_FOCUS_AREAS]

    @property
    def top_strengths(self):
        return self.strengths[:TOP_STRENGTHS]


def _reason(kind, serves_names, gaps):
    names = (
        "、".join(serves_names) if translation.get_language() == "ja" else ", ".join(serves_names)
    )
    levels = max(gaps)
    if kind == "resource":
        return ngettext(
            "Strengthens %(items)s (at most %(levels)d level short of your target).",
            "Strengthens %(items)s (at most %(levels)d levels short of your target).",
            levels,
        ) % {"items": names, "levels": levels}
    if kind == "question":
        return _("Practise explaining %(items)s, one of your focus areas.") % {"items": names}
    return _("Shapes how %(items)s will be expected to grow.") % {"items": names}


@dataclass(frozen=True)
class Built:
    """What a section draws its part from (sections.py): the frozen report's inputs."""

    assessment: object
    snapshot: object
    score: object
    language: str


def build_report(assessment, *, language, previous=None, states=None):
    """The report of a completed assessment, in `language` ("ja" or "en"), with its
    sections drawn in the `states` an audience sees ({section key: state}, see
    sections.py; a section left out is drawn in its default state).
    """
    snapshot = read_snapshot(assessment.snapshot)
    states = states or {}
    with translation.override(language):
        score = score_snapshot(snapshot)
        report = _build(assessment, snapshot, score, language, previous)
        built = Built(assessment, snapshot, score, language)
        for section in SECTIONS:
            section.add(report, states.get(section.key), built)
    return report


def _build(assessment, snapshot, score, language, previous):
    category_names = {c.slug: c.name[language] for c in snapshot.categories}
    items = _item_rows(snapshot, score, category_names, language)
    by_slug = {row.slug: row for row in items}
    stage_rows = _stage_rows(snapshot, score, by_slug, language)
    stage_by_slug = {row.slug: row for row in stage_rows}
    categories = _category_rows(score, category_names)
    report = Report(
        assessment_id=str(assessment.pk),
        completed_at=assessment.completed_at,
        language=language,
        current_stage=stage_by_slug[snapshot.current_stage],
        target_stage=stage_by_slug[snapshot.target_stage],
        best_fit_stage=stage_by_slug[score.best_fit_stage],
        target_readiness=score.target.percent,
        stages=stage_rows,
        categories=categories,
        items=items,
        focus_areas=[by_slug[slug] for slug in score.focus_areas],
        strengths=[by_slug[slug] for slug in score.strengths],
        **_recommendations(snapshot, score.focus_areas, by_slug, language),
    )
    kind = snapshot.company_kind
    if kind is not None:
        report.company_kind = CompanyKindRow(
            kind.slug, kind.name[language], kind.target_note.get(language, "")
        )
    report.route = route_of(snapshot, stage_rows, report.best_fit_stage)
    report.radar = _radar(categories, report.target_stage.name)
    if previous is not None and previous.snapshot:
        report.comparison = _compare(previous, snapshot, score, by_slug, language)
        for row in report.items:
            before = report.comparison.ratings_before.get(row.slug)
            row.change = None if before is None else row.rating - before
    return report


def _item_rows(snapshot, score, category_names, language):
    """Each item as scored, with its frozen name, rubric, note and example."""
    frozen_items = {item.slug: item for item in snapshot.items}
    return [
        ItemRow(
            slug=s.item,
            name=frozen_items[s.item].name[language],
            category=s.category,
            category_name=category_names[s.category],
            rating=s.rating,
            rating_name=str(LEVEL_NAMES[s.rating]),
            expected=s.expected,
            importance=s.importance,
            gap=s.gap,
            priority=s.priority,
            rubric=frozen_items[s.item].rubric[language],
            note=frozen_items[s.item].note,
            evidence=(frozen_items[s.item].evidence if s.rating >= EVIDENCE_FROM_LEVEL else ""),
        )
        for s in score.items
    ]


def _stage_rows(snapshot, score, by_slug, language):
    """Each stage of the ladder: readiness, reached, and the core items holding it back."""
    readiness = {r.stage: r for r in score.by_stage}
    return [
        StageRow(
            slug=stage.slug,
            name=stage.name[language],
            readiness=readiness[stage.slug].percent,
            is_reached=readiness[stage.slug].reached,
            is_target=stage.slug == snapshot.target_stage,
            is_current=stage.slug == snapshot.current_stage,
            is_best_fit=stage.slug == score.best_fit_stage,
            blocked_by=[
                CoreShortfall(
                    slug,
                    by_slug[slug].name,
                    by_slug[slug].rating,
                    stage.profile[slug].expected,
                )
                for slug in readiness[stage.slug].blocked_by
            ],
            core_items=[by_slug[slug].name for slug in stage.core if slug in by_slug],
        )
        for stage in snapshot.stages
    ]


def _category_rows(score, category_names):
    return [
        CategoryRow(
            slug=c.category,
            name=category_names[c.category],
            mean_rating=round(c.mean_rating, 2),
            mean_expected=round(c.mean_expected, 2),
            readiness=scoring.shown_percent(c.readiness),
        )
        for c in score.categories
    ]


def _radar(categories, target_name):
    """The radar of the categories: each named without its parenthesised gloss."""
    return radar_svg(
        [
            Axis(c.name.split("（")[0].split(" (")[0], c.mean_rating, c.mean_expected)
            for c in categories
        ],
        title=_("Your levels against the profile of %(stage)s, by category")
        % {"stage": target_name},
        self_label=_("You"),
        target_label=_("Target: %(stage)s") % {"stage": target_name},
    )


# What each kind of recommendation shows as its title and detail, in one language.
_SHOWN = {
    "resource": lambda r, language: (r.title[language], r.author.get(language, "")),
    "question": lambda q, language: (q.question[language], q.answer_points.get(language, "")),
    "trend": lambda t, language: (t.name[language], t.description.get(language, "")),
}


def _recommendations(snapshot, focus_areas, by_slug, language):
    chosen = recommend(snapshot, focus_areas)
    steps = {s.slug: s.name[language] for s in snapshot.learning_steps}

    def rows(kind, recommendations):
        shown = _SHOWN[kind]
        result = []
        for r in recommendations:
            title, detail = shown(r.entry, language)
            serves_names = [by_slug[s].name for s in r.serves]
            result.append(
                Recommended(
                    slug=r.entry.slug,
                    title=title,
                    detail=detail,
                    kind=getattr(r.entry, "kind", ""),
                    step_name=steps.get(getattr(r.entry, "step", None), ""),
                    url=getattr(r.entry, "url", ""),
                    serves=r.serves,
                    serves_names=serves_names,
                    reason=_reason(kind, serves_names, [by_slug[s].gap for s in r.serves]),
                    effort_hours=getattr(r.entry, "effort_hours", None),
                    levels=getattr(r.entry, "levels", (None, None)),
                    provenance=getattr(r.entry, "provenance", ""),
                    year=getattr(r.entry, "year", None),
                )
            )
        return result

    return {
        "resources": rows("resource", chosen["resources"]),
        "interview_questions": rows("question", chosen["interview_questions"]),
        "trends": rows("trend", chosen["trends"]),
    }


def _compare(previous, snapshot, score, by_slug, language):
    before_score = score_snapshot(read_snapshot(previous.snapshot))
    before_items = {s.item: s.rating for s in before_score.items}
    before_stages = {s.stage: s.percent for s in before_score.by_stage}
    stage_names = {s.slug: s.name[language] for s in snapshot.stages}
    return Comparison(
        previous_id=str(previous.pk),
        previous_completed_at=previous.completed_at,
        items=[
            Movement(by_slug[s.item].name, before_items[s.item], s.rating)
            for s in score.items
            if s.item in before_items and before_items[s.item] != s.rating
        ],
        stages=[
            Movement(stage_names[s.stage], before_stages[s.stage], s.percent)
            for s in score.by_stage
            if s.stage in before_stages
        ],
        ratings_before=before_items,
    )
