"""The report's files: JSON (cto-assess/report/v2), CSV and PDF, all rendered from Report,
and each section's own table as a CSV beside the report's (plan.csv): one table per CSV.

The JSON is a contract: v2 keeps every field of v1 with its name and meaning and adds
`assessment.company_kind`, `route`, the resources' effort, band and provenance, and
`plan` (the development plan), `colleagues` (the colleagues' view, colleagues/) and
`calibration` (what a knowledge check said).
"""

import csv
import io
import json

from django.http import Http404
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from cto_assess.pdf import html_to_pdf
from cto_assess.spreadsheet import spreadsheet_safe
from reports.cache import drawn
from reports.contract import SCHEMA, written
from reports.sections import SECTIONS

FORMATS = ("pdf", "csv", "json")  # report.pdf, report.csv, report.json
# The sections' own tables, each a CSV file beside report.csv ({name: section}: plan.csv).
TABLES = {section.csv_file: section for section in SECTIONS if section.csv_file}
FILES = (*FORMATS, *TABLES)  # every file a report offers, by kind


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
        "readiness": _readiness_data(report),
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
        "recommendations": _recommendations_data(report),
    }
    data.update({section.key: section.data(report) for section in SECTIONS})
    return written(data)  # in the declared shape and order (contract.py)


def _readiness_data(report):
    return {
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
    }


def _recommendations_data(report):
    return {
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
        "trends": [{"trend": t.slug, "name": t.title, "serves": t.serves} for t in report.trends],
    }


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
    """report.csv: one table, one row per item (the first edition's seven columns, then
    the columns the sections add to an item's row, such as the colleagues' mean)."""
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
    return csv_file(rows)


def table_csv(report, name):
    """A section's own table (plan.csv); a 404 when this report has none (a first-edition
    report has no plan)."""
    rows = TABLES[name].csv_table(report)
    if rows is None:
        raise Http404("This report has no such table")
    return csv_file(rows)


def csv_file(rows):
    """The bytes of a CSV: UTF-8 with a BOM so spreadsheet programs read Japanese
    correctly, every text cell through spreadsheet_safe; numbers stay numbers."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    for row in rows:
        writer.writerow([spreadsheet_safe(cell) for cell in row])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def report_pdf_html(report, *, show_notes):
    """The HTML document the report's PDF is drawn from."""
    with translation.override(report.language):
        return render_to_string(
            "assessments/report_pdf.html",
            {
                "report": report,
                "show_notes": show_notes,
                "is_owner_view": show_notes,  # only the person sees their notes
                "in_pdf": True,
            },
        )


def report_pdf(report, *, show_notes):
    """A4 PDF of the whole report, drawn by WeasyPrint."""
    return html_to_pdf(report_pdf_html(report, show_notes=show_notes))


RENDERERS = {
    "json": ("application/json; charset=utf-8", lambda report, show_notes: report_json(report)),
    "csv": ("text/csv; charset=utf-8", lambda report, show_notes: report_csv(report)),
    "pdf": (
        "application/pdf",
        lambda report, show_notes: report_pdf(report, show_notes=show_notes),
    ),
} | {
    name: ("text/csv; charset=utf-8", lambda report, show_notes, name=name: table_csv(report, name))
    for name in TABLES
}


def report_file(fmt, viewing):
    """(content type, file name, bytes) of the report of `viewing` as `fmt` (a kind of
    FILES), cached."""
    content_type, render = RENDERERS[fmt]

    def draw():
        report = viewing.build()
        return (export_filename(report, fmt), render(report, viewing.show_notes))

    return (content_type, *drawn(viewing.drawing(fmt), draw))


def offered_files(report):
    """The kinds of FILES this report offers: a section's table only when it has one."""
    return [
        kind for kind in FILES if kind not in TABLES or TABLES[kind].csv_table(report) is not None
    ]


def download_urls(args, *, report_view, table_view):
    """{kind: address} of every file of FILES: report.FMT from `report_view`, a section's
    table from `table_view`, both reversed with `args` and the kind."""
    return {fmt: reverse(report_view, args=[*args, fmt]) for fmt in FORMATS} | {
        name: reverse(table_view, args=[*args, name]) for name in TABLES
    }


def export_filename(report, fmt):
    """cto-assess-DATE-TARGET[-KIND].FMT: the kind of company is named when one was chosen,
    so that even the CSV, whose columns stay as they were, says which targets it holds; a
    section's table is cto-assess-DATE-TARGET[-KIND]-NAME.csv (…-plan.csv)."""
    completed_on = timezone.localtime(report.completed_at)  # the date the person saw
    kind = f"-{report.company_kind.slug}" if report.company_kind else ""
    ending = f"-{fmt}.csv" if fmt in TABLES else f".{fmt}"
    return f"cto-assess-{completed_on:%Y-%m-%d}-{report.target_stage.slug}{kind}{ending}"
