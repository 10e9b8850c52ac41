"""URLs of the knowledge check, under its assessment."""

from django.urls import path

from calibration import views

app_name = "calibration"

urlpatterns = [
    path("<uuid:assessment_id>/check/", views.check, name="check"),
    path("<uuid:assessment_id>/check/<int:position>/", views.question, name="question"),
]
