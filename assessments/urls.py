"""URLs for taking an assessment (the report's, reports/urls.py, join them under the
"assessments" namespace in cto_assess/urls.py)."""

from django.urls import path

from assessments.views import keeping, taking

urlpatterns = [
    path("start/", taking.start, name="start"),
    path("resume/<str:token>/", taking.resume, name="resume"),
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
]
