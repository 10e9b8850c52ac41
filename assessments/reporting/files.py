"""The report's files: JSON (cto-assess/report/v2), CSV and PDF, all rendered from Report.

The JSON is a contract: v2 keeps every field of v1 with its name and meaning and adds
`assessment.company_kind`, `route`, the resources' effort, band and provenance, and
`plan` (the development plan), `colleagues` (the colleagues' view, colleagues/) and
`calibration` (what a knowledge check said).
"""

import csv
import functools
import io
import json
from pathlib import Path
from urllib.parse import unquote, urlsplit
from urllib.request import url2pathname

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from assessments.reporting.cache import drawn
from colleagues import reporting as colleagues_reporting

SCHEMA = "cto-assess/report/v2"
FORMATS = ("pdf", "csv", "json")


def report_data(report):
    """The report as the JSON export's plain data (see PRODUCT.md, section 5)."""
    return {
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
            "by_stage": [{"stage": s.slug, "readiness": s.readiness} for s in report.stages],
        },
        "best_fit_stage": report.best_fit_stage.slug,
        "route": _route_data(report.route),
        "plan": _plan_data(report.plan),
        # The knowledge check: a dated addition, for the person only; null before one.
        "calibration": report.calibration.data() if report.calibration else None,
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
        "colleagues": colleagues_reporting.colleagues_data(report.colleagues),
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


def _practice_data(practice):
    """The owner's practice of a question (interview practice); null when none or unseen."""
    if not practice:
        return None
    return {**practice, "last_at": practice["last_at"].isoformat()}


def _band(levels):
    low, high = levels
    return None if low is None else {"from": low, "to": high}


def _action_data(action):
    return {
        "item": action.item,
        "from_level": action.from_level,
        "to_level": action.to_level,
        "goal": action.goal,
        "resources": [resource.slug for resource in action.resources],
        # Beside `resources`, in the same order: "core" or "supporting" for the item (null
        # for a report frozen before resources had fits).
        "resource_fit": [resource.fit for resource in action.resources],
        "practice": action.practice,
        "questions": [question.slug for question in action.questions],
        "hours": action.hours,
        "why": action.why,
        "start_week": action.start_week,
        "end_week": action.end_week,
    }


def _plan_data(plan):
    """The development plan (PRODUCT.md 8); null for a first-edition report."""
    if plan is None:
        return None
    return {
        "hours_per_week": plan.hours_per_week,
        "weeks": plan.weeks,
        "budget": plan.budget,
        "over_budget": plan.over_budget,
        "actions": [_action_data(action) for action in plan.actions],
        "later": [_action_data(action) for action in plan.later],
    }


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


# A spreadsheet runs a cell that begins with one of these as a formula (OWASP, "CSV
# injection"); names come from admin, so a text cell that does is prefixed with a quote.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(cell):
    """A text cell no spreadsheet program will run; numbers stay numbers."""
    if isinstance(cell, str) and cell.startswith(FORMULA_STARTS):
        return "'" + cell
    return cell


def report_csv(report):
    """One row per item; UTF-8 with a BOM so spreadsheet programs read Japanese correctly.
    Every text cell goes through spreadsheet_safe."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    with translation.override(report.language):
        writer.writerow(
            [
                _("item"),
                _("category"),
                _("rating"),
                _("expected"),
                _("importance"),
                _("gap"),
                _("priority"),
                *colleagues_reporting.csv_header(report.colleagues),
                *([_("calibration")] if report.calibration else []),
            ]
        )
        verdicts = _verdicts(report)
    for i in report.items:
        row = [i.name, i.category_name, i.rating, i.expected, i.importance, i.gap, i.priority]
        row += colleagues_reporting.csv_cells(report.colleagues, i.slug)
        if report.calibration:  # the column exists once a knowledge check has started
            row.append(verdicts.get(i.slug, ""))
        writer.writerow([spreadsheet_safe(cell) for cell in row])
    if report.plan is not None:
        _plan_rows(writer, report)
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def _verdicts(report):
    """{item: the knowledge check's verdict, in words} for the checked items."""
    if report.calibration is None:
        return {}
    words = {
        "consistent": _("consistent"),
        "overrated": _("possibly overrated"),
        "underrated": _("possibly underrated"),
    }
    return {i.item: words[i.verdict] for i in report.calibration.items}


def _plan_rows(writer, report):
    """The plan after the item rows and an empty row: one row per action, then the later ones."""
    with translation.override(report.language):
        writer.writerow([])
        writer.writerow(
            [
                _("plan action"),
                _("item"),
                _("from level"),
                _("to level"),
                _("weeks"),
                _("hours"),
                _("goal"),
                _("practice"),
                _("resources"),
            ]
        )
        rows = [(str(n), a) for n, a in enumerate(report.plan.actions, start=1)]
        rows += [(_("later"), a) for a in report.plan.later]
    for label, action in rows:
        weeks = f"{action.start_week}-{action.end_week}" if action.start_week else ""
        row = [
            label,
            action.item_name,
            action.from_level,
            action.to_level,
            weeks,
            action.hours,
            action.goal,
            action.practice,
            " / ".join(resource.title for resource in action.resources),
        ]
        writer.writerow([spreadsheet_safe(cell) for cell in row])


def _allowed_roots():
    """The app's own static files and the system's fonts: all a report may load."""
    roots = [*settings.STATICFILES_DIRS, settings.STATIC_ROOT, *PDF_FONT_DIRS]
    return [Path(root).resolve() for root in roots]


PDF_FONT_DIRS = ("/usr/share/fonts", "/usr/local/share/fonts")


def _url_fetcher():
    """WeasyPrint's fetcher, limited to local files under _allowed_roots: no network, no
    redirects, no other file. Nothing in the report loads a URL today; this keeps one
    escaping slip from making the renderer fetch. One per render: a fetcher keeps state."""
    from weasyprint.urls import URLFetcher

    class AppFilesOnly(URLFetcher):
        def fetch(self, url, headers=None):
            parsed = urlsplit(url)
            if parsed.scheme != "file" or parsed.netloc not in ("", "localhost"):
                raise ValueError(f"The report may not load {url[:80]!r}")
            path = Path(url2pathname(unquote(parsed.path))).resolve()
            if not any(path.is_relative_to(root) for root in _allowed_roots()):
                raise ValueError(f"The report may not load {url[:80]!r}")
            return super().fetch(path.as_uri(), headers)

    return AppFilesOnly(allowed_protocols={"file"}, allow_redirects=False)


@functools.cache
def _font_config():
    """One font configuration per process: building it costs a tenth of a render."""
    from weasyprint.text.fonts import FontConfiguration

    return FontConfiguration()


def report_pdf(report, *, show_notes):
    """A4 PDF of the whole report, drawn by WeasyPrint."""
    from weasyprint import HTML  # imported here: it loads Pango, which pages do not need

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
    return HTML(string=html, url_fetcher=_url_fetcher()).write_pdf(font_config=_font_config())


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
