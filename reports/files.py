"""The report's files: JSON (cto-assess/report/v2), CSV and PDF, all rendered from Report.

The JSON is a contract: v2 keeps every field of v1 with its name and meaning and adds
`assessment.company_kind`, `route`, the resources' effort, band and provenance, and
`plan` (the development plan), `colleagues` (the colleagues' view, colleagues/) and
`calibration` (what a knowledge check said).
"""

import csv
import io
import json

from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from cto_assess.pdf import html_to_pdf
from cto_assess.spreadsheet import spreadsheet_safe
from reports.cache import drawn
from reports.contract import SCHEMA, written
from reports.sections import SECTIONS

FORMATS = ("pdf", "csv", "json")


def report_data(report):
    """The report as the JSON export's plain data: the frozen fields, then the sections'."""
    data = {
        "schema": SCHEMA,
        "assessment": {
            "id": report.assessment_id,
            "completed_at": report.completed_at.isoformat(),
            "current_stage": report.current_stage.slug,
            "target_stage": report.target_stage.slug,
            "language": report.language,
            "company_kind": report.company_kind.slug if report.company_kind else None,
        },
        "readiness": {
            "target": report.target_readiness,
            "by_stage": [
                {
                    "stage": s.slug,
                    "readiness": s.readiness,
                    "reached": s.is_reached,
                    # The stage's core items short of their level: why a stage is not reached.
                    "blocked_by": [short.slug for short in s.blocked_by],
                }
                for s in report.stages
            ],
        },
        "best_fit_stage": report.best_fit_stage.slug,
        "route": _route_data(report.route),
        "categories": [
            {"category": c.slug, "mean_rating": c.mean_rating, "readiness": c.readiness}
            for c in report.categories
        ],
        "items": [
            {
                "item": i.slug,
                "category": i.category,
                "rating": i.rating,
                "expected": i.expected,
                "importance": i.importance,
                "gap": i.gap,
            }
            for i in report.items
        ],
        "focus_areas": [i.slug for i in report.focus_areas],
        "recommendations": {
            "resources": [
                {
                    "resource": r.slug,
                    "kind": r.kind,
                    "title": r.title,
                    "serves": r.serves,
                    "effort_hours": r.effort_hours,
                    "levels": _band(r.levels),
                    "provenance": r.provenance or None,
                    "url": r.url or None,
                }
                for r in report.resources
            ],
            "interview_questions": [
                {
                    "question": q.slug,
                    "text": q.title,
                    "serves": q.serves,
                    "practice": _practice_data(q.practice),
                }
                for q in report.interview_questions
            ],
            "trends": [
                {"trend": t.slug, "name": t.title, "serves": t.serves} for t in report.trends
            ],
        },
    }
    data.update({section.key: section.data(report) for section in SECTIONS})
    return written(data)  # in the declared shape and order (contract.py)


def _practice_data(practice):
    """The owner's practice of a question (interview practice); null when none or unseen."""
    if not practice:
        return None
    return {**practice, "last_at": practice["last_at"].isoformat()}


def _band(levels):
    low, high = levels
    return None if low is None else {"from": low, "to": high}


def _route_data(route):
    """The best fit and the next stage on each track; null for a first-edition report."""
    if route is None:
        return None
    return {
        "best_fit": route.best_fit.slug,
        "next": [
            {
                "track": step.track,
                "stage": step.stage.slug if step.stage else None,
                "readiness": step.stage.readiness if step.stage else None,
            }
            for step in route.next_steps
        ],
    }


def report_json(report):
    return json.dumps(report_data(report), ensure_ascii=False, indent=2).encode("utf-8")


def report_csv(report):
    """One row per item, the sections' columns after the item columns and their rows after
    the item rows; UTF-8 with a BOM so spreadsheet programs read Japanese correctly.
    Every text cell goes through spreadsheet_safe."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    with translation.override(report.language):
        header = [
            _("item"),
            _("category"),
            _("rating"),
            _("expected"),
            _("importance"),
            _("gap"),
            _("priority"),
        ]
        for section in SECTIONS:
            header += section.csv_columns(report)
        rows = [header]
        for i in report.items:
            row = [i.name, i.category_name, i.rating, i.expected, i.importance, i.gap, i.priority]
            for section in SECTIONS:
                row += section.csv_cells(report, i.slug)
            rows.append(row)
        for section in SECTIONS:
            rows += section.csv_rows(report)
    for row in rows:
        writer.writerow([spreadsheet_safe(cell) for cell in row])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def report_pdf(report, *, show_notes):
    """A4 PDF of the whole report, drawn by WeasyPrint."""
    with translation.override(report.language):
        html = render_to_string(
            "assessments/report_pdf.html",
            {
                "report": report,
                "show_notes": show_notes,
                "is_owner_view": show_notes,  # only the person sees their notes
                "in_pdf": True,
            },
        )
    return html_to_pdf(html)


RENDERERS = {
    "json": ("application/json; charset=utf-8", lambda report, show_notes: report_json(report)),
    "csv": ("text/csv; charset=utf-8", lambda report, show_notes: report_csv(report)),
    "pdf": (
        "application/pdf",
        lambda report, show_notes: report_pdf(report, show_notes=show_notes),
    ),
}


def report_file(fmt, viewing):
    """(content type, file name, bytes) of the report of `viewing` as `fmt`, cached."""
    content_type, render = RENDERERS[fmt]

    def draw():
        report = viewing.build()
        return (export_filename(report, fmt), render(report, viewing.show_notes))

    return (content_type, *drawn(viewing.drawing(fmt), draw))


def export_filename(report, fmt):
    """cto-assess-DATE-TARGET[-KIND].FMT: the kind of company is named when one was chosen,
    so that even the CSV, whose columns stay as they were, says which targets it holds."""
    completed_on = timezone.localtime(report.completed_at)  # the date the person saw
    kind = f"-{report.company_kind.slug}" if report.company_kind else ""
    return f"cto-assess-{completed_on:%Y-%m-%d}-{report.target_stage.slug}{kind}.{fmt}"
