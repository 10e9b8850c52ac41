"""Top-level URL configuration."""

from django.contrib import admin
from django.templatetags.static import static
from django.urls import include, path
from django.views.generic import RedirectView

from assessments import urls as assessment_urls
from colleagues.views import rating
from cto_assess import health
from reports import urls as report_urls


class FaviconView(RedirectView):
    """The icon's hashed static address, looked up per request (not at import, before the
    static manifest may exist)."""

    def get_redirect_url(self, *args, **kwargs):
        return static("img/favicon.svg")


urlpatterns = [
    path("healthz", health.healthz, name="healthz"),
    # Browsers and the admin ask for /favicon.ico whatever the page says: no 404 for it.
    path("favicon.ico", FaviconView.as_view(), name="favicon"),
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

handler404 = "assessments.views.not_found.page_not_found"
handler500 = "cto_assess.errors.server_error"
