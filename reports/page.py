"""The report page's frozen part: everything but the person around it, drawn once."""

from django.template.loader import render_to_string

from reports.cache import drawn
from reports.files import export_filename, offered_files


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
            # Every file it offers (a section's table only when it has one: plan.csv).
            "filenames": {kind: export_filename(report, kind) for kind in offered_files(report)},
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
