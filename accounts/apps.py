from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = _("Accounts")

    def ready(self):
        # The deploy check that mail reaches people, never the console; the receiver that
        # stamps a member's log-in time (the session timeout).
        import cto_assess.mail  # noqa: F401
        import cto_assess.session_timeout  # noqa: F401
