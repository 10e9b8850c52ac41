"""Public pages that show the guide's structure: the landing before an assessment."""

from django.shortcuts import render

from content import selectors


def home(request):
    return render(
        request,
        "content/home.html",
        {
            "categories": selectors.categories_with_counts(),
            "stages": selectors.stages_in_order(),
        },
    )


def career_ladder(request):
    stages = selectors.career_ladder()
    # The matrix of expected levels: items as rows, stages as columns.
    matrix = {}
    for column, stage in enumerate(stages):
        for cell in stage.profile:
            row = matrix.setdefault(cell.item, [None] * len(stages))
            row[column] = cell
        stage.key_items = sorted(
            (cell for cell in stage.profile if cell.importance == 3 and cell.expected > 0),
            key=lambda cell: -cell.expected,
        )
    return render(
        request,
        "content/career_ladder.html",
        {
            "stages": stages,
            "matrix": list(matrix.items()),
            "company_kinds": selectors.company_kinds(),
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
