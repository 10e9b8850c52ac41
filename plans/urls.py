"""URLs of the development plan, under its assessment."""

from django.urls import path

from plans import views

app_name = "plans"

urlpatterns = [
    path("<uuid:assessment_id>/plan/", views.plan_page, name="plan"),
    path("<uuid:assessment_id>/plan/hours/", views.hours, name="hours"),
    path("<uuid:assessment_id>/plan/actions/<slug:item_slug>/", views.action, name="action"),
    path("<uuid:assessment_id>/plan/reassess/", views.reassess, name="reassess"),
    path("<uuid:assessment_id>/plan.ics", views.calendar, name="calendar"),
]
