"""The JSON export's shape (cto-assess/report/v2), declared once.

The export writes its document through `ReportDocument` (files.report_data), the API
describes its report with it (api/schemas.py, hence /api/v1/openapi.json), and the tests
validate documents against its JSON Schema (tests/assessments/report_schema.py). The
sections' parts are declared by their apps (each section's `data_model`). Fields come in
the order the document writes them; the contract only ever adds fields.
"""

from typing import Annotated, Literal

from pydantic import Field

from assessments.contract import Declared, Level, Number, Percent, Slug
from calibration.report_section import CalibrationData
from colleagues.section import ColleaguesData
from content.models import Track
from plans.section import PlanData

SCHEMA = "cto-assess/report/v2"


class AssessmentData(Declared):
    id: Annotated[str, Field(json_schema_extra={"format": "uuid"})]
    completed_at: Annotated[str, Field(json_schema_extra={"format": "date-time"})]
    current_stage: Slug
    target_stage: Slug
    language: Literal["ja", "en"]
    company_kind: Slug | None


class StageReadinessData(Declared):
    stage: Slug
    readiness: Percent
    reached: bool  # only with every core item at its level
    blocked_by: list[Slug]  # the stage's core items short of their level


class ReadinessData(Declared):
    target: Percent
    by_stage: list[StageReadinessData]


class RouteStepData(Declared):
    track: Literal[tuple(Track.values)]
    stage: Slug | None
    readiness: Percent | None


class RouteData(Declared):
    best_fit: Slug
    next: Annotated[list[RouteStepData], Field(min_length=1)]


class CategoryData(Declared):
    category: Slug
    mean_rating: Number
    readiness: Percent | None


class ItemData(Declared):
    item: Slug
    category: Slug
    rating: Level
    expected: Level
    importance: Annotated[int, Field(ge=1, le=3)]
    gap: Level


class BandData(Declared):
    from_: Level = Field(alias="from")
    to: Level


class ResourceData(Declared):
    resource: str
    kind: str
    title: str
    serves: list[str]
    effort_hours: int | None
    levels: BandData | None
    provenance: str | None
    url: str | None


class PracticeData(Declared):
    """The owner's practice of a question (interview practice)."""

    attempts: int
    last_at: str
    covered: int
    points: int


class QuestionData(Declared):
    question: str
    text: str
    serves: list[str]
    practice: PracticeData | None


class TrendData(Declared):
    trend: str
    name: str
    serves: list[str]


class RecommendationsData(Declared):
    resources: list[ResourceData]
    interview_questions: list[QuestionData]
    trends: list[TrendData]


class ReportDocument(Declared):
    """The report as the JSON export and the API write it."""

    schema_: Literal[SCHEMA] = Field(alias="schema")
    assessment: AssessmentData
    readiness: ReadinessData
    best_fit_stage: Slug
    route: RouteData | None  # null for a first-edition report
    plan: PlanData | None  # plans/section.py
    calibration: CalibrationData | None  # calibration/report_section.py
    categories: Annotated[list[CategoryData], Field(min_length=1)]
    items: list[ItemData]
    focus_areas: list[Slug]
    colleagues: ColleaguesData | None  # colleagues/section.py
    recommendations: RecommendationsData


def written(data):
    """`data` (the export's dictionaries) as the declared document: a field it does not
    declare, or one missing, is an error here rather than a quiet change of contract."""
    return ReportDocument.model_validate(data).model_dump(mode="json", by_alias=True)


def json_schema():
    """The declared document as a JSON Schema (draft 2020-12)."""
    return ReportDocument.model_json_schema(by_alias=True)
