"""URLs for taking an assessment."""

from django.urls import path, register_converter

from assessments.converters import ExportFormat
from assessments.views import keeping, report, taking

register_converter(ExportFormat, "export_format")

app_name = "assessments"

urlpatterns = [
    path("start/", taking.start, name="start"),
    path("resume/<str:token>/", taking.resume, name="resume"),
    path("<uuid:assessment_id>/", taking.detail, name="detail"),
    path("<uuid:assessment_id>/step/<int:number>/", taking.step, name="step"),
    path("<uuid:assessment_id>/step/<int:number>/autosave/", keeping.autosave, name="autosave"),
    path("<uuid:assessment_id>/review/", taking.review, name="review"),
    path("<uuid:assessment_id>/submit/", taking.submit, name="submit"),
    path("<uuid:assessment_id>/resume-link/", keeping.new_resume_link, name="new_resume_link"),
    path(
        "<uuid:assessment_id>/resume-link/email/",
        keeping.email_resume_link,
        name="email_resume_link",
    ),
    path("<uuid:assessment_id>/claim/", keeping.claim, name="claim"),
    path("<uuid:assessment_id>/delete/", taking.delete, name="delete"),
    path("<uuid:assessment_id>/report.<export_format:fmt>", report.export, name="export"),
    path("<uuid:assessment_id>/share/", report.share_create, name="share_create"),
    path(
        "<uuid:assessment_id>/share/<int:link_id>/revoke/", report.share_revoke, name="share_revoke"
    ),
]
