"""What the API answers, as schemas: django-ninja serves them as the OpenAPI description,
and the tests validate every response against that description."""

import datetime
import uuid

from ninja import Schema

from reports import contract


class ErrorDetail(Schema):
    code: str
    message: str


class Error(Schema):
    error: ErrorDetail


class PageInfo(Schema):
    count: int
    page: int
    pages: int
    next: str | None
    previous: str | None


class AssessmentOut(Schema):
    id: uuid.UUID
    status: str
    created_at: datetime.datetime
    completed_at: datetime.datetime | None
    current_stage: str
    target_stage: str
    company_kind: str | None
    report_url: str | None


class AssessmentPage(PageInfo):
    results: list[AssessmentOut]


class OrganisationOut(Schema):
    id: uuid.UUID
    name: str
    role: str
    members: int


class OrganisationList(Schema):
    results: list[OrganisationOut]


class SharedAssessmentOut(Schema):
    assessment_id: uuid.UUID
    member: str
    completed_at: datetime.datetime
    shared_at: datetime.datetime
    target_stage: str
    target_readiness: float | None
    latest: bool
    report_url: str


class SharedAssessmentPage(PageInfo):
    results: list[SharedAssessmentOut]


class CoverageItemOut(Schema):
    item: str
    category: str
    holders: int
    status: str  # "gap", "single-point" or "covered"
    names: list[str] | None  # null where the small-group rule hides who


class CoverageOut(Schema):
    organisation: uuid.UUID
    level: int
    people: int
    items: list[CoverageItemOut]


# The report as the JSON export writes it (cto-assess/report/v2), declared once.
ReportDocument = contract.ReportDocument
