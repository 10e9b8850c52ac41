from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


def _install_frozen_report_triggers(using, **kwargs):
    from django.db import connections

    from assessments import frozen

    frozen.install(connections[using])


class AssessmentsConfig(AppConfig):
    name = "assessments"
    verbose_name = _("Assessments")

    def ready(self):
        post_migrate.connect(
            _install_frozen_report_triggers,
            sender=self,
            dispatch_uid="assessments.frozen_report_triggers",
        )
