"""manage.py export_guide [-o FILE]: write the guide from the database as a data file."""

from django.core.management.base import BaseCommand

from content.guide_export import guide_dump, guide_export


class Command(BaseCommand):
    help = "Export the guide from the database in the format load_guide reads."

    def add_arguments(self, parser):
        parser.add_argument("-o", "--output", help="file to write (default: standard output)")

    def handle(self, *args, output=None, **options):
        text = guide_dump(guide_export())
        if output:
            with open(output, "w", encoding="utf-8") as handle:
                handle.write(text)
            self.stderr.write(f"Wrote the guide to {output}.")
        else:
            self.stdout.write(text, ending="")
