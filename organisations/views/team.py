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
from cto_assess.ratelimit import ratelimited
from organisations import selectors
from organisations.team.bench import bench, team_readiness
from organisations.team.common import BadChoice, page_number, picked_stage, stages
from organisations.team.coverage import coverage
from organisations.team.export import team_csv, team_pdf
from organisations.team.heatmap import SORTS, heatmap
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
    all_stages, stage = _stage_choice(request)
    return _download(team_csv(organisation, stage, all_stages), "text/csv; charset=utf-8", "csv")


@ratelimited("pdf", methods=("GET", "HEAD"))
@_admin_page
@private_response
def summary_pdf(request, organisation):
    all_stages, stage = _stage_choice(request)
    return _download(
        team_pdf(organisation, stage, all_stages, language=request.LANGUAGE_CODE),
        "application/pdf",
        "pdf",
    )
