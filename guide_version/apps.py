from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GuideVersionConfig(AppConfig):
    name = "guide_version"
    verbose_name = _("Guide version")
