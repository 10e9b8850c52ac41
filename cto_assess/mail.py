"""Mail in production goes through SMTP or nowhere: never to the console.

Mails carry live links (resume, sign-up, password reset, invitations). With DEBUG off and
no EMAIL_HOST, printing them would put those links in the logs unmasked, so the default
backend then sends nothing and logs that it did not (UnconfiguredEmailBackend), and
`manage.py check --deploy` fails (mail_check) until EMAIL_HOST is set, or when someone
chooses the console backend outright.
"""

import logging

from django.conf import settings
from django.core import checks
from django.core.mail.backends.base import BaseEmailBackend

logger = logging.getLogger(__name__)

CONSOLE = "django.core.mail.backends.console.EmailBackend"
UNCONFIGURED = "cto_assess.mail.UnconfiguredEmailBackend"


class UnconfiguredEmailBackend(BaseEmailBackend):
    """Sends nothing, prints nothing of the mail, and says so in the log."""

    def send_messages(self, email_messages):
        count = len(list(email_messages or []))
        if count:
            logger.error("%d mail(s) not sent: EMAIL_HOST is not set", count)
        return 0


@checks.register(checks.Tags.security, deploy=True)
def mail_check(app_configs, **kwargs):
    if settings.DEBUG or settings.EMAIL_BACKEND not in (CONSOLE, UNCONFIGURED):
        return []
    return [
        checks.Error(
            "No mail is sent: EMAIL_HOST is empty (or EMAIL_BACKEND is the console's).",
            hint="Set EMAIL_HOST (and its account): sign-up links, password resets and "
            "invitations must reach people, and never the logs.",
            id="cto_assess.E001",
        )
    ]
