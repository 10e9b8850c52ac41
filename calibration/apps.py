from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CalibrationConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "calibration"
    verbose_name = _("Calibration")

    def ready(self):
        from assessments.signals import assessments_deleting

        assessments_deleting.connect(_delete_with, dispatch_uid="calibration.delete_with")


def _delete_with(sender, *, assessments, **kwargs):
    """Deleting assessments deletes what this app keeps of them (assessments.signals)."""
    from calibration.services import calibration_delete

    calibration_delete(assessments=assessments)
