"""manage.py load_guide [FILE] [--dry-run]: load the guide data file, in place by slug."""

from django.core.management.base import BaseCommand, CommandError

from content.guide_loader import DEFAULT_GUIDE_FILE, guide_load, read_guide_file
from content.guide_schema import GuideFileError


class Command(BaseCommand):
    help = "Load the guide (skill matrix, ladder, learning material) from its YAML data file."

    def add_arguments(self, parser):
        parser.add_argument("file", nargs="?", default=str(DEFAULT_GUIDE_FILE))
        parser.add_argument(
            "--dry-run", action="store_true", help="print what would change and change nothing"
        )
        parser.add_argument(
            "--missing-only",
            action="store_true",
            help="only add rows that do not exist yet; keep every admin edit (server start)",
        )

    def handle(self, *args, file, dry_run, missing_only, **options):
        try:
            data = read_guide_file(file)
            result = guide_load(data=data, dry_run=dry_run, missing_only=missing_only, source=file)
        except GuideFileError as exc:
            raise CommandError(f"Refused, nothing changed. {exc}") from exc
        verb = "would be" if dry_run else "were"
        if not result.changed:
            self.stdout.write(f"The guide is up to date: no changes from {file}.")
            return
        if result.created:
            self.stdout.write(f"{len(result.created)} rows {verb} created.")
        if result.updated:
            self.stdout.write(f"{len(result.updated)} rows {verb} updated:")
        verbose = dry_run or options["verbosity"] > 1
        for line in result.updated + (result.created if verbose else []):
            self.stdout.write(f"  {line}")
        if not dry_run:
            self.stdout.write(self.style.SUCCESS(f"Loaded the guide from {file}."))
        else:
            self.stdout.write("Dry run: nothing was changed.")
