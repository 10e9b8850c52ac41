"""The report page's frozen part: everything but the person around it, drawn once."""

from django.template.loader import render_to_string

from reports.cache import drawn
from reports.files import FORMATS, export_filename


def page_parts(viewing):
    """{stage_name, completed_at, filenames, body} of the report page for `viewing`.

    A completed report is frozen, so only the person around it (messages, share links,
    forms) is rendered for every request.
    """

    def draw():
        report = viewing.build()
        return {
            "stage_name": report.target_stage.name,
            "completed_at": report.completed_at,
            "filenames": {fmt: export_filename(report, fmt) for fmt in FORMATS},
            # Safe HTML from our template; it stays marked safe through the cache's pickling.
            "body": render_to_string(
                "assessments/report/_body.html",
                {
                    "report": report,
                    "show_notes": viewing.show_notes,
                    "is_owner_view": viewing.show_comparison,
                },
            ),
        }

    return drawn(viewing.drawing("page"), draw)
