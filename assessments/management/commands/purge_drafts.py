"""manage.py purge_drafts [--days 90] [--dry-run]: delete stale anonymous drafts."""

from datetime import timedelta

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from assessments.services import drafts_purge


class Command(BaseCommand):
    help = "Delete visitors' draft assessments (no account) untouched for a number of days."

    def add_arguments(self, parser):
        parser.add_argument(
            "--days", type=int, default=90, help="age in days since the last change (default 90)"
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="count what would be deleted and delete nothing"
        )

    def handle(self, *args, days, dry_run, **options):
        if days < 1:
            raise CommandError("--days must be at least 1.")
        count = drafts_purge(older_than=timezone.now() - timedelta(days=days), dry_run=dry_run)
        if dry_run:
            self.stdout.write(
                f"{count} anonymous drafts untouched for {days} days would be deleted."
            )
        else:
            self.stdout.write(f"Deleted {count} anonymous drafts untouched for {days} days.")
