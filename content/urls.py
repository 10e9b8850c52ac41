"""Public pages that show the guide."""

from django.urls import path

from content import views

urlpatterns = [
    path("", views.home, name="home"),
    path("career-ladder/", views.career_ladder, name="career_ladder"),
    path("skills/", views.skill_catalogue, name="skill_catalogue"),
    path("learning-path/", views.learning_path, name="learning_path"),
    path("interview/", views.interview_practice, name="interview_practice"),
    path("trends/", views.future_trends, name="future_trends"),
]
