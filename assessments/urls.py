"""URLs for taking an assessment; the flow arrives with the assessment issue."""

app_name = "assessments"

urlpatterns: list = []
