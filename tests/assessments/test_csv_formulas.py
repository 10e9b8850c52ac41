"""No CSV cell the app writes runs as a spreadsheet formula (admin-edited names included)."""

import csv
import io

import pytest
from django.core.cache import cache

from content.models import Category, Item
from reports.files import spreadsheet_safe
from tests.assessments.report_helpers import client_in, export_url
from tests.factories import CompletedAssessmentFactory
from tests.real_guide import ItemSlug

DANGEROUS = ["=1+1", "+1", "-2+3", "@SUM(A1)", "\tTab", "\rReturn"]


@pytest.mark.parametrize("text", DANGEROUS)
def test_it_neutralises_a_text_cell_that_begins_a_formula(text):
    assert spreadsheet_safe(text) == "'" + text


@pytest.mark.parametrize("cell", ["Cloud computing", "", "a=b", 0, -1, 3])
def test_it_leaves_other_text_and_every_number_alone(cell):
    assert spreadsheet_safe(cell) == cell


@pytest.fixture(autouse=True)
def _empty_cache():
    cache.clear()


def test_admin_edited_names_reach_the_csv_neutralised(guide, member):
    item = Item.objects.get(slug=ItemSlug.CLOUD_COMPUTING)
    Item.objects.filter(pk=item.pk).update(name_en='=HYPERLINK("http://x.invalid")')
    Category.objects.filter(pk=item.category_id).update(name_en="@evil")
    assessment = CompletedAssessmentFactory(owner=member)
    client = client_in("en")
    client.force_login(member)

    content = client.get(export_url(assessment, "csv")).content.decode("utf-8-sig")

    rows = list(csv.reader(io.StringIO(content)))
    row = next(r for r in rows if "HYPERLINK" in r[0])
    assert row[0] == '\'=HYPERLINK("http://x.invalid")'
    assert row[1] == "'@evil"
    assert all(not cell.startswith(("=", "+", "-", "@", "\t", "\r")) for r in rows for cell in r)
