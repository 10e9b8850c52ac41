from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OrganisationsConfig(AppConfig):
    name = "organisations"
    verbose_name = _("Organisations")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from assessments.signals import assessments_deleting

        assessments_deleting.connect(_delete_with, dispatch_uid="organisations.delete_with")


def _delete_with(sender, *, assessments, **kwargs):
    """Deleting assessments deletes what this app keeps of them (assessments.signals)."""
    from organisations.services import shares_delete

    shares_delete(assessments=assessments)
