from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


def _install_triggers(using, **kwargs):
    from django.db import connections

    from guide_version import triggers

    triggers.install_on_guide_tables(connections[using])


class GuideVersionConfig(AppConfig):
    name = "guide_version"
    verbose_name = _("Guide version")

    def ready(self):
        post_migrate.connect(
            _install_triggers, sender=self, dispatch_uid="guide_version.install_triggers"
        )
