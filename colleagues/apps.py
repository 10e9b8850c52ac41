from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ColleaguesConfig(AppConfig):
    name = "colleagues"
    verbose_name = _("Colleagues' view")
    default_auto_field = "django.db.models.BigAutoField"
