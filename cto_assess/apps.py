"""Django's admin, served by the project's own site (cto_assess/admin_site.py)."""

from django.contrib.admin.apps import AdminConfig


class StaffAdminConfig(AdminConfig):
    default_site = "cto_assess.admin_site.StaffAdminSite"
