"""Public pages that show the guide's structure: the landing before an assessment."""

from django.shortcuts import get_object_or_404, render

from content import selectors
from content.career_path import REACHED_AT
from content.models import CompanyKind, Track


def home(request):
    return render(
        request,
        "content/home.html",
        {
            "categories": selectors.categories_with_counts(),
            "stages": selectors.stages_in_order(),
        },
    )


def career_path(stages):
    """The stages as the path draws them: the shared start, the two tracks side by side, the top."""
    by_track = {}
    for stage in stages:
        by_track.setdefault(stage.track, []).append(stage)
    branches = [
        (Track(track).label, track, by_track[track])
        for track in (Track.MANAGEMENT, Track.ARCHITECTURE)
        if track in by_track
    ]
    return {
        "start": by_track.get(Track.CORE, []),
        "branches": branches,
        "top": by_track.get(Track.EXECUTIVE, []),
    }


def career_ladder(request):
    kinds = selectors.company_kinds()
    kind = None
    if request.GET.get("kind"):
        kind = get_object_or_404(CompanyKind, slug=request.GET["kind"])
    stages = selectors.career_ladder(kind)
    # The matrix of expected levels: items as rows, stages as columns.
    matrix = {}
    for column, stage in enumerate(stages):
        for cell in stage.profile:
            row = matrix.setdefault(cell.item, [None] * len(stages))
            row[column] = cell
        # The role-defining items: the stage is reached only with each at its level.
        stage.core_cells = [cell for cell in stage.profile if cell.core]
    return render(
        request,
        "content/career_ladder.html",
        {
            "stages": stages,
            "path": career_path(stages),
            "matrix": list(matrix.items()),
            "company_kinds": kinds,
            "company_kind": kind,
            "threshold": REACHED_AT,
        },
    )


def skill_catalogue(request):
    return render(
        request,
        "content/skill_catalogue.html",
        {
            "categories": selectors.skill_catalogue(),
        },
    )


def learning_path(request):
    return render(request, "content/learning_path.html", {"steps": selectors.learning_path()})


def interview_practice(request):
    return render(
        request, "content/interview_practice.html", {"questions": selectors.interview_questions()}
    )


def future_trends(request):
    return render(request, "content/future_trends.html", {"trends": selectors.future_trends()})
