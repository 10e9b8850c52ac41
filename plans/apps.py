from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PlansConfig(AppConfig):
    name = "plans"
    verbose_name = _("Development plans")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from assessments.signals import assessments_deleting

        assessments_deleting.connect(_delete_with, dispatch_uid="plans.delete_with")


def _delete_with(sender, *, assessments, **kwargs):
    """Deleting assessments deletes what this app keeps of them (assessments.signals)."""
    from plans.services import plans_delete

    plans_delete(assessments=assessments)
