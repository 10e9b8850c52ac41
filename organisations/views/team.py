"""The organisation's view of its team (owners and admins only): heatmap, coverage, bench
and team readiness, and all of it as CSV or a PDF summary."""

from urllib.parse import urlencode

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_safe

from content.levels import LEVEL_NAMES
from cto_assess.private import private_response
from cto_assess.ratelimit import over_limit, too_many_requests
from organisations import selectors
from organisations.team.bench import bench, team_readiness
from organisations.team.common import NEAR, READY, BadChoice, page_number, picked_stage, stages
from organisations.team.coverage import coverage
from organisations.team.export import PARTS, team_csv
from organisations.team.heatmap import SORTS, heatmap
from organisations.team.summary import (
    PREPARING_REFRESH_SECONDS,
    summary_is_queued,
    summary_pdf_or_queue,
)
from organisations.views.errors import bad_request


def _admin_page(view):
    """Owners and admins only (404 for anyone else); 400 for a query it does not know."""

    @login_required
    @require_safe
    def wrapped(request, organisation_id):
        membership = selectors.membership_for(request.user, organisation_id, admin=True)
        try:
            return view(request, membership.organisation)
        except BadChoice:
            return bad_request(request)

    wrapped.__name__ = view.__name__
    wrapped.__doc__ = view.__doc__
    return wrapped


def _stage_choice(request):
    all_stages = stages()
    return all_stages, picked_stage(all_stages, request.GET.get("stage"))


@_admin_page
def heatmap_page(request, organisation):
    all_stages, stage = _stage_choice(request)
    sort = request.GET.get("sort") or "name"
    view = heatmap(organisation, stage=stage, sort=sort, page=page_number(request.GET.get("page")))
    return render(
        request,
        "organisations/heatmap.html",
        {
            "organisation": organisation,
            "heatmap": view,
            "levels": list(LEVEL_NAMES.items()),
            "stages": all_stages,
            "stage": stage,
            "sorts": list(SORTS),
            "query": urlencode({"sort": view.sort, "stage": stage.slug}),
        },
    )


@_admin_page
def coverage_page(request, organisation):
    return render(
        request,
        "organisations/coverage.html",
        {"organisation": organisation, "coverage": coverage(organisation)},
    )


@_admin_page
def bench_page(request, organisation):
    all_stages, stage = _stage_choice(request)
    return render(
        request,
        "organisations/bench.html",
        {
            "organisation": organisation,
            "bench": bench(organisation, all_stages),
            "team": team_readiness(organisation, stage),
            "stages": all_stages,
            "stage": stage,
            "ready": READY,
            "near": NEAR,
        },
    )


def _download(content, content_type, extension):
    response = HttpResponse(content, content_type=content_type)
    filename = f"cto-assess-team-{timezone.localdate():%Y-%m-%d}.{extension}"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@_admin_page
@private_response
def export_csv(request, organisation):
    """One part of the team's view (?part=readiness|coverage|bench|heatmap) as one table."""
    all_stages, stage = _stage_choice(request)
    part = request.GET.get("part") or "heatmap"
    if part not in PARTS:
        raise BadChoice("part")
    content = team_csv(organisation, stage, all_stages, part=part)
    response = _download(content, "text/csv; charset=utf-8", "csv")
    filename = f"cto-assess-team-{part}-{timezone.localdate():%Y-%m-%d}.csv"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@_admin_page
@private_response
def summary_pdf(request, organisation):
    """The summary from the task worker: the file when drawn, else a page that waits."""
    all_stages, stage = _stage_choice(request)
    language = request.LANGUAGE_CODE
    # Only a request that queues a drawing spends the PDF limit (as the report's PDF).
    if not summary_is_queued(organisation, stage, language):
        wait = over_limit(request, "pdf")
        if wait is not None:
            return too_many_requests(wait)
    content = summary_pdf_or_queue(organisation, stage, language)
    if content is None:
        response = render(
            request,
            "organisations/summary_preparing.html",
            {"organisation": organisation},
            status=202,
        )
        response["Refresh"] = str(PREPARING_REFRESH_SECONDS)
        response["Retry-After"] = str(PREPARING_REFRESH_SECONDS)
        return response
    return _download(content, "application/pdf", "pdf")
