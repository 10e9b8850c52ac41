"""Two reference pages that only the benchmark's server serves, to read the ratios by.

- "layout only": the site's base template with nothing in it and no database query;
  no page of the site can cost less.
- "draft data only": what every page about a person's draft reads before it draws
  anything (the session, the assessment, its answers), answered as a few bytes of JSON.

They come after the project's own URL patterns, so the real pages resolve as in
production; `bench.settings` points the server here.
"""

from django.http import JsonResponse
from django.shortcuts import render
from django.urls import path

from assessments import access, selectors
from cto_assess.urls import handler500  # noqa: F401
from cto_assess.urls import urlpatterns as project_urlpatterns


def layout_only(request):
    return render(request, "base.html")


def draft_data_only(request, assessment_id):
    assessment = access.get_assessment_for(request, assessment_id)
    return JsonResponse({"answered": len(selectors.answers_by_item(assessment))})


urlpatterns = [
    *project_urlpatterns,
    path("bench/layout-only/", layout_only),
    path("bench/draft-data/<uuid:assessment_id>/", draft_data_only),
]
