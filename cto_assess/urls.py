"""Top-level URL configuration."""

from django.contrib import admin
from django.urls import include, path

from assessments import urls as assessment_urls
from colleagues.views import rating
from cto_assess import health
from reports import urls as report_urls

urlpatterns = [
    path("healthz", health.healthz, name="healthz"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
    path(
        "assessments/",
        include(
            (assessment_urls.urlpatterns + report_urls.assessment_patterns, "assessments"),
        ),
    ),
    path("assessments/", include("plans.urls")),
    path("assessments/", include("colleagues.urls")),
    path("assessments/", include("calibration.urls")),
    path("accounts/", include("accounts.urls")),
    path("organisations/", include("organisations.urls")),
    path("api/", include("api.urls")),
    *report_urls.shared_patterns,
    # A colleague's rating form: the token in the path is masked in logs (log_masking).
    path("rate/<str:token>/", rating.rate, name="colleague_rate"),
    path("interview/", include("calibration.practice_urls")),
    path("", include("content.urls")),
]

handler500 = "cto_assess.errors.server_error"
