"""The report's files: CSV, PDF and JSON agree with the page."""

import csv
import io
import json
from datetime import UTC, datetime

import pytest
from django.core.cache import cache

from assessments.models import Assessment
from reports.report import build_report
from tests.assessments.report_helpers import (
    FORMATS,
    client_in,
    detail_url,
    export_url,
    items_table,
    pdf_fonts,
    pdf_reader,
    pdf_text,
)
from tests.factories import CompletedAssessmentFactory
from tests.real_guide import ItemSlug, StageSlug

CSV_HEADER = {
    "en": ["item", "category", "rating", "expected", "importance", "gap", "priority"],
    "ja": ["項目", "カテゴリ", "自己評価", "期待レベル", "重要度", "ギャップ", "優先度"],
}
CLOUD = {"ja": "クラウドコンピューティング", "en": "Cloud computing"}
A4_POINTS = (595, 842)


@pytest.fixture(autouse=True)
def _empty_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def completed(guide, member):
    return CompletedAssessmentFactory(
        owner=member, notes={ItemSlug.CLOUD_COMPUTING: "kept to myself"}
    )


def member_in(language, member):
    client = client_in(language)
    client.force_login(member)
    return client


def csv_rows(content):
    """The header and the item rows: report.csv is one table (the plan is plan.csv)."""
    assert content.startswith(b"\xef\xbb\xbf"), "the CSV starts with the UTF-8 BOM"
    rows = list(csv.reader(io.StringIO(content.decode("utf-8-sig"))))
    assert [] not in rows, "no second table after an empty row"
    return rows


@pytest.mark.parametrize("language", ["en", "ja"])
def test_the_csv_has_a_bom_a_translated_header_and_one_row_per_item(
    completed, member, language, guide
):
    response = member_in(language, member).get(export_url(completed, "csv"))
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    header, *rows = csv_rows(response.content)
    assert header == CSV_HEADER[language]
    assert [row[0] for row in rows] == [i["name"][language] for i in guide["items"]]
    assert all(len(row) == 7 for row in rows)
    assert rows[0][:2] == [CLOUD[language], guide["categories"][0]["name"][language]]


def test_the_csv_the_json_and_the_page_give_the_same_numbers(
    completed, member_client, guide_counts
):
    page = member_client.get(detail_url(completed))
    names = {i.slug: i.name for i in page.context["report"].items}
    on_page = items_table(page.content.decode())
    in_csv = {
        row[0]: [int(n) for n in row[2:]]  # rating, expected, importance, gap, priority
        for row in csv_rows(member_client.get(export_url(completed, "csv")).content)[1:]
    }
    document = json.loads(member_client.get(export_url(completed, "json")).content)
    in_json = {names[i["item"]]: i for i in document["items"]}

    assert len(on_page) == len(in_csv) == len(in_json) == guide_counts.active_items
    assert on_page == in_csv
    for name, (rating, expected, importance, gap, priority) in on_page.items():
        item = in_json[name]
        assert (item["rating"], item["expected"], item["importance"], item["gap"]) == (
            rating,
            expected,
            importance,
            gap,
        )
        assert priority == importance * gap
    assert any(row[3] for row in on_page.values()), "some items have a gap"
    readiness = page.content.decode().split('readiness-figure">')[1].split("%")[0]
    assert float(readiness) == document["readiness"]["target"]


@pytest.mark.parametrize("language", ["ja", "en"])
def test_the_pdf_is_a4_embeds_its_fonts_and_carries_the_item_names(completed, member, language):
    response = member_in(language, member).get(export_url(completed, "pdf"))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    fonts = pdf_fonts(response.content)
    assert fonts, "the PDF draws its text with fonts"
    assert all(fonts.values()), f"fonts not embedded: {[n for n, e in fonts.items() if not e]}"
    text = pdf_text(response.content)
    assert CLOUD[language] in text
    assert CLOUD["en" if language == "ja" else "ja"] not in text
    target_legend = {"ja": "目標：CTO（最高技術責任者）", "en": "Target: CTO (Chief Technology"}
    assert target_legend[language] in text, "the radar chart is drawn in the PDF"
    for page in pdf_reader(response.content).pages:
        size = (round(float(page.mediabox.width)), round(float(page.mediabox.height)))
        assert size == A4_POINTS


def test_the_pdf_of_the_owner_carries_their_notes(completed, member_client):
    text = pdf_text(member_client.get(export_url(completed, "pdf")).content)
    assert "kept to myself" in text


def _complete_at(moment, target=StageSlug.VP_ENGINEERING, **options):
    assessment = CompletedAssessmentFactory(target=target, **options)
    Assessment.objects.filter(pk=assessment.pk).update(completed_at=moment)
    return Assessment.objects.get(pk=assessment.pk)


@pytest.mark.parametrize("fmt", FORMATS)
def test_each_file_is_an_attachment_named_by_date_and_target_stage(guide, member, fmt):
    # 03:00 UTC is 12:00 in Tokyo: the same date on either clock.
    assessment = _complete_at(datetime(2025, 4, 2, 3, 0, tzinfo=UTC), owner=member)
    client = member_in("en", member)
    name = f"cto-assess-2025-04-02-vp-engineering.{fmt}"
    response = client.get(export_url(assessment, fmt))
    assert response["Content-Disposition"] == f'attachment; filename="{name}"'
    page = client.get(detail_url(assessment)).content.decode()
    assert f'href="{export_url(assessment, fmt)}" download="{name}"' in page


def test_the_file_name_carries_the_date_the_page_shows(guide, member):
    # 23:30 UTC on 1 April is 08:30 on 2 April in Tokyo (TIME_ZONE = "Asia/Tokyo").
    assessment = _complete_at(datetime(2025, 4, 1, 23, 30, tzinfo=UTC), owner=member)
    client = member_in("en", member)
    assert "Completed on 2 Apr 2025" in client.get(detail_url(assessment)).content.decode()
    response = client.get(export_url(assessment, "csv"))
    assert "cto-assess-2025-04-02-vp-engineering.csv" in response["Content-Disposition"]


def test_the_json_says_which_report_and_language_it_is(completed, member):
    document = json.loads(member_in("ja", member).get(export_url(completed, "json")).content)
    assert document["schema"] == "cto-assess/report/v2"
    assert document["assessment"]["id"] == str(completed.pk)
    assert document["assessment"]["target_stage"] == StageSlug.CTO
    assert document["assessment"]["current_stage"] == StageSlug.TECH_LEAD
    assert document["assessment"]["language"] == "ja"
    assert datetime.fromisoformat(document["assessment"]["completed_at"]) == completed.completed_at
    titles = [r["title"] for r in document["recommendations"]["resources"]]
    english = build_report(completed, language="en")
    assert [r.slug for r in english.resources] == [
        r["resource"] for r in document["recommendations"]["resources"]
    ]
    assert titles == [r.title for r in build_report(completed, language="ja").resources]
