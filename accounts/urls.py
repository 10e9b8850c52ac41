"""URLs for members' accounts, beside Django's own auth views."""

from django.urls import include, path

from accounts import signup_views, two_factor_views, views

urlpatterns = [
    path("login/", views.LoginView.as_view(), name="login"),
    path("login/code/", two_factor_views.login_code, name="login_code"),
    path("signup/", signup_views.signup, name="signup"),
    path("signup/sent/", signup_views.signup_sent, name="signup_sent"),
    path("signup/confirm/<str:token>/", signup_views.signup_confirm, name="signup_confirm"),
    path("dashboard/", views.dashboard, name="dashboard"),
    path("settings/", views.account_settings, name="account_settings"),
    path("two-step/", two_factor_views.two_factor_overview, name="two_factor"),
    path("two-step/setup/", two_factor_views.two_factor_setup, name="two_factor_setup"),
    path("two-step/off/", two_factor_views.two_factor_disable, name="two_factor_disable"),
    path(
        "two-step/backup-codes/",
        two_factor_views.two_factor_backup_codes,
        name="two_factor_backup_codes",
    ),
    path("my-data.json", views.data_export, name="data_export"),
    path("delete/", views.account_delete, name="account_delete"),
    path("logout/", views.LogoutView.as_view(), name="logout"),
    path(
        "reset/<uidb64>/<token>/",
        views.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path("", include("django.contrib.auth.urls")),
]
