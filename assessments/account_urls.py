"""URLs for members' accounts, beside Django's own auth views."""

from django.contrib.auth import views as auth_views
from django.urls import include, path

from assessments.views import account

urlpatterns = [
    path("login/", account.LoginView.as_view(), name="login"),
    path("signup/", account.signup, name="signup"),
    path("dashboard/", account.dashboard, name="dashboard"),
    path("my-data.json", account.data_export, name="data_export"),
    path("delete/", account.account_delete, name="account_delete"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("", include("django.contrib.auth.urls")),
]
