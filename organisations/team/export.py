"""All of the team's view as CSV, and a PDF summary (WeasyPrint, as the report's PDF).

Four CSVs, one table each: the team's readiness, the coverage, the whole bench and every
member's row of the heatmap; every text cell goes through spreadsheet_safe.
"""

import csv
import io

from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from assessments.models import Answer
from content.levels import LEVEL_NAMES
from cto_assess.pdf import html_to_pdf
from cto_assess.spreadsheet import spreadsheet_safe
from organisations.team.bench import bench, team_readiness
from organisations.team.common import active_items
from organisations.team.coverage import coverage
from organisations.team.heatmap import heatmap, shares_with_readiness

ALL_NAMES = 10**9


def _names(group):
    return " / ".join(group.names) if group.named else ""


def _readiness_rows(organisation, stage, all_stages, items):
    team = team_readiness(organisation, stage)
    yield [
        _("stage"),
        _("people"),
        _("mean readiness"),
        _("previous quarter: people"),
        _("previous quarter: mean readiness"),
        _("change"),
    ]
    yield [
        stage.name,
        team.people,
        team.mean,
        team.previous_people,
        team.previous_mean,
        team.change,
    ]


def _coverage_rows(organisation, stage, all_stages, items):
    yield [_("item"), _("category"), _("people at level 3 or above"), _("status"), _("who")]
    for row in coverage(organisation, items):
        yield [
            row.item.name,
            row.item.category.name,
            row.holders.count,
            row.status,
            _names(row.holders),
        ]


def _bench_rows(organisation, stage, all_stages, items):
    yield [_("stage"), _("ready"), _("who is ready"), _("within 10 points"), _("who is near")]
    for row in bench(organisation, all_stages, names_shown=ALL_NAMES):
        yield [row.stage.name, row.ready.count, _names(row.ready), row.near.count, _names(row.near)]


def _heatmap_rows(organisation, stage, all_stages, items):
    yield [_("member"), _("completed"), _("readiness")] + [i.name for i in items]
    shares = list(
        shares_with_readiness(organisation, stage)
        .order_by("name", "pk")
        .values_list("assessment_id", "name", "completed_at", "readiness")
    )
    levels = {}
    answers = Answer.objects.filter(
        assessment__organisation_shares__organisation=organisation,
        assessment__organisation_shares__is_latest=True,
    ).order_by()
    for assessment_id, item_id, level in answers.values_list(
        "assessment_id", "item_id", "level"
    ).iterator(chunk_size=5000):
        levels[(assessment_id, item_id)] = level
    for assessment_id, name, completed_at, readiness in shares:
        # The day as the site's time zone has it, as the pages show it.
        yield [name, timezone.localdate(completed_at).isoformat(), readiness] + [
            levels.get((assessment_id, item.pk)) for item in items
        ]


# The team's view as four CSVs, one table each (so any CSV reader takes each whole).
PARTS = {
    "readiness": _readiness_rows,
    "coverage": _coverage_rows,
    "bench": _bench_rows,
    "heatmap": _heatmap_rows,
}


def team_csv(organisation, stage, all_stages, *, part="heatmap"):
    """One part of the team's view (a key of PARTS) as one CSV table; UTF-8 with a BOM."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    for row in PARTS[part](organisation, stage, all_stages, active_items()):
        writer.writerow([spreadsheet_safe(cell) for cell in row])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def team_pdf(organisation, stage, all_stages, *, language):
    """A4 summary: team readiness, coverage, the bench (names as the pages show them) and
    the whole heatmap on landscape pages. The task worker draws it (summary.py)."""
    with translation.override(language):
        html = render_to_string(
            "organisations/summary_pdf.html",
            {
                "organisation": organisation,
                "stage": stage,
                "team": team_readiness(organisation, stage),
                "coverage": coverage(organisation),
                "bench": bench(organisation, all_stages),
                "heatmap": heatmap(organisation, stage=stage, per_page=ALL_NAMES),
                "levels": list(LEVEL_NAMES.items()),
            },
        )
    return html_to_pdf(html)
