from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ColleaguesConfig(AppConfig):
    name = "colleagues"
    verbose_name = _("Colleagues' view")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from assessments.signals import assessments_deleting

        assessments_deleting.connect(_delete_with, dispatch_uid="colleagues.delete_with")


def _delete_with(sender, *, assessments, **kwargs):
    """Deleting assessments deletes what this app keeps of them (assessments.signals)."""
    from colleagues.services import rounds_delete

    rounds_delete(assessments=assessments)
