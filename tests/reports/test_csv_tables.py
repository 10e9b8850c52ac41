"""One table per CSV: report.csv is the items (and the columns sections add to an item's
row), plan.csv the plan; pandas reads each into the right columns and types."""

import io
import json

import pandas
import pytest
from django.core.cache import cache
from django.db.models import Value
from django.db.models.functions import Concat
from django.urls import reverse

from assessments import services as assessment_services
from colleagues import services as colleague_services
from content.models import Item
from tests.assessments.report_helpers import (
    client_in,
    detail_url,
    export_url,
    shared_export_url,
    shared_url,
)
from tests.assessments.reporting.test_snapshot import STORED_V1, stored
from tests.calibration.check_helpers import answer_all, factory_bank, start
from tests.colleagues.helpers import open_round, rate
from tests.factories import CompletedAssessmentFactory

ITEM_COLUMNS = ["item", "category", "rating", "expected", "importance", "gap", "priority"]
PLAN_COLUMNS = [
    "plan action",
    "timing",
    "item",
    "from level",
    "to level",
    "start week",
    "end week",
    "hours",
    "goal",
    "practice",
    "resources",
]
PLAN_COLUMNS_JA = [
    "計画のアクション",
    "時期",
    "項目",
    "開始レベル",
    "対象レベル（まで）",
    "開始週",
    "終了週",
    "時間",
    "目的",
    "実践",
    "教材",
]


@pytest.fixture(autouse=True)
def _empty_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def owner(member):
    client = client_in("en")
    client.force_login(member)
    return client


@pytest.fixture
def report(guide, member):
    """A completed assessment with gaps enough for a plan with actions left for later."""
    levels = {item.slug: index % 3 for index, item in enumerate(Item.objects.order_by("pk"))}
    return CompletedAssessmentFactory(owner=member, levels=levels)


def table_url(assessment, name="plan"):
    return reverse("assessments:table_export", args=[assessment.pk, name])


def read(response):
    assert response.status_code == 200, response.status_code
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response.content.startswith(b"\xef\xbb\xbf"), "UTF-8 with a BOM"
    return pandas.read_csv(io.BytesIO(response.content), encoding="utf-8-sig")


def plan_of(client, assessment):
    return json.loads(client.get(export_url(assessment, "json")).content)["plan"]


def test_report_csv_is_the_items_only_with_numbers_as_numbers(owner, report, guide_counts):
    table = read(owner.get(export_url(report, "csv")))
    assert list(table.columns) == ITEM_COLUMNS
    assert len(table) == guide_counts.active_items  # no plan rows, no blank row
    for column in ITEM_COLUMNS[2:]:
        assert table[column].dtype == "int64", column
    assert (table["priority"] == table["importance"] * table["gap"]).all()


def test_sections_add_columns_to_report_csv_never_rows(owner, member, guide):
    """With a knowledge check and a colleagues' round, report.csv is still one table."""
    factory_bank()
    assessment = CompletedAssessmentFactory(owner=member, default=2)
    start(owner, assessment)
    answer_all(owner, assessment, right=False)
    round_ = open_round(assessment)
    for relationship in ("peer", "peer", "direct_report"):
        token = colleague_services.invitation_create(round_=round_, relationship=relationship)[1]
        assert rate(token, round_, level=3).status_code == 302
    table = read(owner.get(export_url(assessment, "csv")))
    assert list(table.columns) == [*ITEM_COLUMNS, "colleagues' mean", "calibration"]
    assert len(table) == len(json.loads(owner.get(export_url(assessment, "json")).content)["items"])
    assert table["rating"].dtype == "int64"
    assert table["colleagues' mean"].dtype == "float64"
    assert table["colleagues' mean"].dropna().eq(3.0).all()
    assert table["colleagues' mean"].notna().sum() == round_.round_items.count()
    assert set(table["calibration"].dropna()) == {"possibly overrated"}


@pytest.mark.parametrize("language", ["en", "ja"])
def test_plan_csv_is_one_row_per_action_with_weeks_as_two_number_columns(member, report, language):
    client = client_in(language)
    client.force_login(member)
    plan = plan_of(client, report)
    assert plan["actions"] and plan["later"], "the report's plan has actions for later too"
    table = read(client.get(table_url(report)))

    assert list(table.columns) == {"en": PLAN_COLUMNS, "ja": PLAN_COLUMNS_JA}[language]
    table.columns = PLAN_COLUMNS
    actions = plan["actions"] + plan["later"]
    assert len(table) == len(actions)
    for column in ("plan action", "from level", "to level", "hours"):
        assert table[column].dtype == "int64", column
    for column in ("start week", "end week"):
        assert pandas.api.types.is_numeric_dtype(table[column]), column
    assert list(table["plan action"]) == list(range(1, len(actions) + 1))
    scheduled = table.head(len(plan["actions"]))
    assert list(scheduled["start week"]) == [a["start_week"] for a in plan["actions"]]
    assert list(scheduled["end week"]) == [a["end_week"] for a in plan["actions"]]
    assert table.tail(len(plan["later"]))[["start week", "end week"]].isna().all().all()
    assert list(table["hours"]) == [a["hours"] for a in actions]
    assert list(table["from level"]) == [a["from_level"] for a in actions]
    assert list(table["goal"]) == [a["goal"] for a in actions]
    timing = {"en": ("this plan", "later"), "ja": ("今回の計画", "次の計画")}[language]
    assert set(scheduled["timing"]) == {timing[0]}
    assert set(table.tail(len(plan["later"]))["timing"]) == {timing[1]}


def test_plan_csv_follows_the_hours_a_week_chosen(owner, report):
    before = read(owner.get(table_url(report)))
    response = owner.post(reverse("plans:hours", args=[report.pk]), {"hours_per_week": 20})
    assert response.status_code == 302
    after = read(owner.get(table_url(report)))
    assert len(after[after["start week"].notna()]) > len(before[before["start week"].notna()])


def test_plan_csv_is_named_after_the_report_and_linked_beside_report_csv(owner, report):
    response = owner.get(table_url(report))
    report_csv_name = owner.get(export_url(report, "csv"))["Content-Disposition"]
    name = report_csv_name.replace('.csv"', '-plan.csv"')
    assert response["Content-Disposition"] == name
    page = owner.get(detail_url(report)).content.decode()
    file_name = name.split('filename="')[1].rstrip('"')
    assert f'href="{table_url(report)}" download="{file_name}"' in page
    plan_page = owner.get(reverse("plans:plan", args=[report.pk])).content.decode()
    assert f'href="{table_url(report)}" download' in plan_page


def test_a_share_viewer_gets_plan_csv_beside_report_csv(report):
    _link, token = assessment_services.share_link_create(assessment=report)
    viewer = client_in("en")
    url = reverse("shared_table_export", args=[token, "plan"])
    page = viewer.get(shared_url(token)).content.decode()
    assert f'href="{url}"' in page and f'href="{shared_export_url(token, "csv")}"' in page
    assert list(read(viewer.get(url)).columns) == PLAN_COLUMNS


def test_outsiders_and_other_names_get_404(report, other_member_client, client):
    assert other_member_client.get(table_url(report)).status_code == 404
    assert client.get(table_url(report)).status_code == 404
    assert (
        client.get(reverse("shared_table_export", args=["no-such-token", "plan"])).status_code
        == 404
    )
    assert client.get(f"/assessments/{report.pk}/items.csv").status_code == 404


def test_a_report_without_a_plan_offers_no_plan_csv(owner, member, guide):
    """A first-edition report has no plan: no link, and plan.csv is a 404."""
    first_edition = stored(STORED_V1["current"], member)
    page = owner.get(detail_url(first_edition))
    assert page.status_code == 200
    assert "Download the plan (CSV)" not in page.content.decode()
    assert owner.get(table_url(first_edition)).status_code == 404


def test_plan_csv_cells_are_spreadsheet_safe(owner, member, guide):
    """Admin-edited names that begin a formula reach plan.csv neutralised."""
    Item.objects.update(name_en=Concat(Value("=HYPERLINK(1)+"), "name_en"))
    assessment = CompletedAssessmentFactory(owner=member, default=0)
    table = pandas.read_csv(
        io.BytesIO(owner.get(table_url(assessment)).content), encoding="utf-8-sig", dtype=str
    )
    assert len(table) and table["item"].str.startswith("'=HYPERLINK(1)+").all()
    cells = table.fillna("").to_numpy().ravel()
    assert not any(cell.startswith(("=", "+", "-", "@", "\t", "\r")) for cell in cells)
