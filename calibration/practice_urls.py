"""URLs of interview practice: a question answered and checked against its points."""

from django.urls import path

from calibration import practice_views

app_name = "practice"

urlpatterns = [
    path("<slug:slug>/", practice_views.practise, name="practise"),
]
