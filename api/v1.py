"""The read API, version 1 (django-ninja): a member's assessments and reports, and for an
organisation its owners and admins administer, its shared assessments and coverage.

Every error is JSON, {"error": {"code", "message"}}: 401 without a live token, 404 for
anything the token's member may not see (never 403), 400 for a query it cannot read, 429
past the rate limit. Reports carry an ETag and answer 304 to a matching If-None-Match.
"""

import hashlib
import uuid

from django.db.models import OuterRef, Subquery
from django.http import Http404, HttpResponse, JsonResponse
from django.urls import reverse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_safe
from ninja import Header, NinjaAPI, Query
from ninja.errors import AuthenticationError, HttpError, ValidationError
from pydantic import Field

from api import schemas
from api.auth import RateLimited, TokenAuth
from api.pagination import PageOutOfRange, page_of
from assessments.access import Access, Audience
from assessments.models import Assessment
from organisations import selectors
from organisations.models import SharedAssessment, ShareReadiness
from organisations.selectors import member_name
from organisations.team.common import HOLDS_LEVEL, latest_shares
from organisations.team.coverage import coverage
from reports.files import report_file
from reports.viewing import viewing_for

api = NinjaAPI(
    title="CTO Assess API",
    version="1",
    description=__doc__,
    auth=TokenAuth(),
    urls_namespace="api",
    docs_url=None,  # the interactive page would load scripts from another site
    openapi_url="/openapi.json",
    # The description answers GET and HEAD, and another method with the API's JSON 405
    # (a client of the API holds a token, never a CSRF cookie).
    docs_decorator=lambda view: csrf_exempt(require_safe(view)),
    # Relative: the paths are absolute from the site's root, so the description holds
    # behind whichever host name serves it.
    servers=[{"url": "/", "description": "The site that serves this description"}],
)

ERRORS = {400: schemas.Error, 401: schemas.Error, 404: schemas.Error, 429: schemas.Error}


def error(code, message, status, **headers):
    response = JsonResponse({"error": {"code": code, "message": message}}, status=status)
    for name, value in headers.items():
        response[name.replace("_", "-")] = value
    return response


@api.exception_handler(AuthenticationError)
def _unauthenticated(request, exc):
    return error(
        "unauthenticated",
        "Send a live personal API token: Authorization: Bearer <token>.",
        401,
        WWW_Authenticate="Bearer",
    )


@api.exception_handler(PageOutOfRange)
def _page_out_of_range(request, exc):
    return error("page_out_of_range", "There is no page with this number.", 404)


@api.exception_handler(Http404)
def _not_found(request, exc):
    return error("not_found", "Nothing here for this token.", 404)


@api.exception_handler(ValidationError)
def _bad_query(request, exc):
    return error("bad_request", "A parameter could not be read.", 400)


@api.exception_handler(HttpError)
def _http_error(request, exc):
    return error("error", str(exc), exc.status_code)


@api.exception_handler(RateLimited)
def _rate_limited(request, exc):
    return error(
        "rate_limited", "Too many requests.", 429, Retry_After=str(max(1, exc.retry_after))
    )


class PageQuery(schemas.Schema):
    page: int = Field(1, ge=1, description="The page, from 1.")


# A report's conditional GET, declared so that clients (and generated tests) know of it.
IfNoneMatch = Header(
    "",
    alias="If-None-Match",
    description="The ETag of the report the client holds, or *: 304 if it is current.",
)


def _report_response(request, access, if_none_match):
    """The report document, as the JSON export has it, with an ETag."""
    viewing = viewing_for(request, access)
    etag = '"' + hashlib.sha256(viewing.drawing("json").key.encode()).hexdigest()[:32] + '"'
    if _matches(if_none_match, etag):
        response = HttpResponse(status=304)
    else:
        content_type, _name, body = report_file("json", viewing)
        response = HttpResponse(body, content_type=content_type)
    response["ETag"] = etag
    # One policy: only the member's client may keep it, and asks again (with the ETag)
    # before using it.
    response["Cache-Control"] = "private, no-cache"
    response.revalidated_privately = True
    return response


def _matches(if_none_match, etag):
    """Whether If-None-Match names `etag` (weakly, as RFC 9110 compares for GET) or is *."""
    tags = [tag.strip() for tag in if_none_match.split(",")]
    return "*" in tags or etag in [tag.removeprefix("W/") for tag in tags]


# --- the member's own --------------------------------------------------------------------


@api.get("/assessments", response={200: schemas.AssessmentPage, **ERRORS}, tags=["assessments"])
def assessments(request, query: Query[PageQuery]):
    """The token's member's assessments, the latest first (drafts have no report)."""
    owned = Assessment.objects.filter(owner=request.user)
    rows = owned.select_related("current_stage", "target_stage", "company_kind")
    info, rows = page_of(request, rows, page=query.page, count=owned.count())
    return {
        **info,
        "results": [
            {
                "id": a.pk,
                "status": a.status,
                "created_at": a.created_at,
                "completed_at": a.completed_at,
                "current_stage": a.current_stage.slug,
                "target_stage": a.target_stage.slug,
                "company_kind": a.company_kind.slug if a.company_kind else None,
                "report_url": request.build_absolute_uri(
                    reverse("api:assessment_report", args=[a.pk])
                )
                if a.is_completed
                else None,
            }
            for a in rows
        ],
    }


@api.get(
    "/assessments/{uuid:assessment_id}/report",
    response={200: schemas.ReportDocument, 304: None, **ERRORS},
    url_name="assessment_report",
    by_alias=True,
    tags=["assessments"],
)
def assessment_report(request, assessment_id: uuid.UUID, if_none_match: str = IfNoneMatch):
    """The report of one of the member's completed assessments (cto-assess/report/v2)."""
    assessment = Assessment.objects.filter(
        pk=assessment_id, owner=request.user, status=Assessment.Status.COMPLETED
    ).first()
    if assessment is None:
        raise Http404("No such report")
    return _report_response(request, Access(assessment, Audience.OWNER), if_none_match)


# --- organisations -------------------------------------------------------------------------


@api.get(
    "/organisations", response={200: schemas.OrganisationList, **ERRORS}, tags=["organisations"]
)
def organisations(request):
    """The organisations the member belongs to, with their role in each."""
    return {
        "results": [
            {
                "id": m.organisation_id,
                "name": m.organisation.name,
                "role": m.role,
                "members": m.members,
            }
            for m in selectors.memberships_of(request.user)
        ]
    }


@api.get(
    "/organisations/{uuid:organisation_id}/shared-assessments",
    response={200: schemas.SharedAssessmentPage, **ERRORS},
    url_name="shared_assessments",
    tags=["organisations"],
)
def shared_assessments(request, organisation_id: uuid.UUID, query: Query[PageQuery]):
    """Every assessment shared with the organisation, the latest first (owners and admins)."""
    organisation = selectors.membership_for(request.user, organisation_id, admin=True).organisation
    shares = SharedAssessment.objects.filter(organisation=organisation)
    target = ShareReadiness.objects.filter(share=OuterRef("pk"), stage=OuterRef("target_stage"))
    info, rows = page_of(
        request,
        shares.order_by("-completed_at", "-pk")
        .annotate(
            member=member_name("membership__user"),
            target_readiness=Subquery(target.values("readiness")[:1]),
        )
        .values(
            "assessment_id",
            "member",
            "completed_at",
            "shared_at",
            "target_stage",
            "target_readiness",
            "is_latest",
        ),
        page=query.page,
        count=shares.count(),
    )
    return {
        **info,
        "results": [
            {
                **row,
                "latest": row.pop("is_latest"),
                "report_url": request.build_absolute_uri(
                    reverse(
                        "api:shared_assessment_report",
                        args=[organisation.pk, row["assessment_id"]],
                    )
                ),
            }
            for row in rows
        ],
    }


@api.get(
    "/organisations/{uuid:organisation_id}/shared-assessments/{uuid:assessment_id}/report",
    response={200: schemas.ReportDocument, 304: None, **ERRORS},
    url_name="shared_assessment_report",
    by_alias=True,
    tags=["organisations"],
)
def shared_assessment_report(
    request,
    organisation_id: uuid.UUID,
    assessment_id: uuid.UUID,
    if_none_match: str = IfNoneMatch,
):
    """The report a member shared with the organisation: never notes or comparisons."""
    organisation = selectors.membership_for(request.user, organisation_id, admin=True).organisation
    share = (
        SharedAssessment.objects.select_related("assessment")
        .filter(organisation=organisation, assessment_id=assessment_id)
        .first()
    )
    if share is None:
        raise Http404("Not shared")
    return _report_response(
        request, Access(share.assessment, Audience.ORGANISATION_ADMIN), if_none_match
    )


@api.get(
    "/organisations/{uuid:organisation_id}/coverage",
    response={200: schemas.CoverageOut, **ERRORS},
    tags=["organisations"],
)
def organisation_coverage(request, organisation_id: uuid.UUID):
    """For each item, how many members are at level 3 or above in their latest share."""
    organisation = selectors.membership_for(request.user, organisation_id, admin=True).organisation
    return {
        "organisation": organisation.pk,
        "level": HOLDS_LEVEL,
        "people": latest_shares(organisation).count(),
        "items": [
            {
                "item": row.item.slug,
                "category": row.item.category.slug,
                "holders": row.holders.count,
                "status": row.status,
                "names": list(row.holders.names)
                if row.holders.named and row.holders.count
                else None,
            }
            for row in coverage(organisation)
        ],
    }
