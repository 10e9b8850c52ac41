"""Django's admin, served by the project's own site (cto_assess/admin_site.py), and the
third-party apps it lists, under names translated like the project's own (the admin's
index otherwise showed "AXES", "OTP_TOTP" and "Tasks Database Backend" in Japanese)."""

from axes.apps import AppConfig as AxesAppConfig
from django.contrib.admin.apps import AdminConfig
from django.utils.translation import gettext_lazy as _
from django_otp.plugins.otp_static.apps import DefaultConfig as StaticDeviceConfig
from django_otp.plugins.otp_totp.apps import DefaultConfig as TOTPDeviceConfig
from django_tasks_db.apps import TasksAppConfig as TasksDatabaseConfig


class StaffAdminConfig(AdminConfig):
    default_site = "cto_assess.admin_site.StaffAdminSite"


class AxesConfig(AxesAppConfig):
    verbose_name = _("Log-in lockouts")


class TOTPConfig(TOTPDeviceConfig):
    verbose_name = _("Two-step verification: authenticator apps")


class StaticCodesConfig(StaticDeviceConfig):
    verbose_name = _("Two-step verification: backup codes")


class TaskResultsConfig(TasksDatabaseConfig):
    verbose_name = _("Background tasks")
