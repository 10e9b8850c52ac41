"""URLs of the report, under its assessment (the "assessments" namespace, as before) and
behind a share link."""

from django.urls import path, register_converter

from reports import views
from reports.converters import ExportFormat, SectionTable

register_converter(ExportFormat, "export_format")
register_converter(SectionTable, "section_table")

# Joined to assessments.urls under the "assessments" namespace (cto_assess/urls.py).
assessment_patterns = [
    path("<uuid:assessment_id>/", views.detail, name="detail"),
    path("<uuid:assessment_id>/report.<export_format:fmt>", views.export, name="export"),
    # A section's own table beside report.csv (plan.csv), under the same access rules.
    path("<uuid:assessment_id>/<section_table:fmt>.csv", views.export, name="table_export"),
    path("<uuid:assessment_id>/share/", views.share_create, name="share_create"),
    path(
        "<uuid:assessment_id>/share/<int:link_id>/revoke/", views.share_revoke, name="share_revoke"
    ),
]

shared_patterns = [
    path("shared/<str:token>/", views.shared_report, name="shared_report"),
    path(
        "shared/<str:token>/report.<export_format:fmt>", views.shared_export, name="shared_export"
    ),
    path(
        "shared/<str:token>/<section_table:fmt>.csv",
        views.shared_export,
        name="shared_table_export",
    ),
]
