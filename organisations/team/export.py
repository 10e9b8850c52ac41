"""All of the team's view as one CSV, and a PDF summary (WeasyPrint, as the report's PDF).

The CSV holds the team's readiness, the coverage, the whole bench and every member's row
of the heatmap; every text cell goes through spreadsheet_safe.
"""

import csv
import io

from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _

from assessments.models import Answer
from cto_assess.pdf import html_to_pdf
from cto_assess.spreadsheet import spreadsheet_safe
from organisations.team.bench import bench, team_readiness
from organisations.team.common import active_items
from organisations.team.coverage import coverage
from organisations.team.heatmap import shares_with_readiness

ALL_NAMES = 10**9


def _names(group):
    return " / ".join(group.names) if group.named else ""


def _rows(organisation, stage, all_stages):
    """Every row of the CSV, section after section."""
    items = active_items()
    team = team_readiness(organisation, stage)
    yield [_("Team readiness"), stage.name]
    yield [_("people"), _("mean readiness"), _("previous quarter: people"), _("mean"), _("change")]
    yield [team.people, team.mean, team.previous_people, team.previous_mean, team.change]
    yield []
    yield [
        _("Coverage"),
        _("item"),
        _("category"),
        _("people at level 3 or above"),
        _("status"),
        _("who"),
    ]
    for row in coverage(organisation, items):
        yield [
            "",
            row.item.name,
            row.item.category.name,
            row.holders.count,
            row.status,
            _names(row.holders),
        ]
    yield []
    yield [_("Bench"), _("stage"), _("ready"), _("who"), _("within 10 points"), _("who")]
    for row in bench(organisation, all_stages, names_shown=ALL_NAMES):
        yield [
            "",
            row.stage.name,
            row.ready.count,
            _names(row.ready),
            row.near.count,
            _names(row.near),
        ]
    yield []
    yield [_("Heatmap"), _("member"), _("completed"), _("readiness")] + [i.name for i in items]
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
        yield ["", name, completed_at.date().isoformat(), readiness] + [
            levels.get((assessment_id, item.pk)) for item in items
        ]


def team_csv(organisation, stage, all_stages):
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    for row in _rows(organisation, stage, all_stages):
        writer.writerow([spreadsheet_safe(cell) for cell in row])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def team_pdf(organisation, stage, all_stages, *, language):
    """A4 summary: team readiness, coverage and the bench (names as the pages show them)."""
    with translation.override(language):
        html = render_to_string(
            "organisations/summary_pdf.html",
            {
                "organisation": organisation,
                "team": team_readiness(organisation, stage),
                "coverage": coverage(organisation),
                "bench": bench(organisation, all_stages),
            },
        )
    return html_to_pdf(html)
