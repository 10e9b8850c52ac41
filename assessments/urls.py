"""URLs for taking an assessment."""

from django.urls import path

from assessments.views import taking

app_name = "assessments"

urlpatterns = [
    path("start/", taking.start, name="start"),
    path("resume/<str:token>/", taking.resume, name="resume"),
    path("<uuid:assessment_id>/", taking.detail, name="detail"),
    path("<uuid:assessment_id>/step/<int:number>/", taking.step, name="step"),
    path("<uuid:assessment_id>/review/", taking.review, name="review"),
    path("<uuid:assessment_id>/submit/", taking.submit, name="submit"),
    path("<uuid:assessment_id>/resume-link/", taking.new_resume_link, name="new_resume_link"),
    path("<uuid:assessment_id>/delete/", taking.delete, name="delete"),
]
