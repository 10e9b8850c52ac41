"""manage.py send_reassessment_reminders: email members whose date to assess again has come.

Run it once a day (cron, a scheduled job). `--base-url https://cto.example.com` makes the
links in the email absolute.
"""

from django.core.management.base import BaseCommand

from plans.services import reminders_send


class Command(BaseCommand):
    help = "Email the members whose date to assess again has come (once per date)."

    def add_arguments(self, parser):
        parser.add_argument("--base-url", default="", help="the site's address, for links")

    def handle(self, *args, base_url, **options):
        sent = reminders_send(base_url=base_url.rstrip("/"))
        self.stdout.write(f"{sent} reminder(s) sent.")
