"""The gap report in a real browser: summary, chart, downloads, accessibility, share links."""

import csv
import io
import json
import re
from pathlib import Path

import pytest

from assessments.models import Assessment
from reports.report import build_report
from tests import real_guide
from tests.assessments.report_helpers import pdf_text
from tests.e2e.conftest import axe_violations
from tests.real_guide import StageSlug

pytestmark = pytest.mark.usefixtures("live_guide")

DOWNLOAD_TIMEOUT = 60_000  # the first PDF is drawn by WeasyPrint while the test waits
COUNTS = real_guide.guide_counts()


def take_assessment(page, live_server, begin_label, submit_label, levels=(1, 2, 3, 4, 0)):
    """Start from the home page, answer every step (one level per step, in turn), submit."""
    page.goto(live_server.url + "/")
    page.locator("main a[href='/assessments/start/']").first.click()
    page.select_option("#id_current_stage", StageSlug.TECH_LEAD)
    page.get_by_role("button", name=begin_label).click()
    page.wait_for_load_state()
    for number in range(COUNTS.steps):
        level = levels[number % len(levels)]
        questions = page.locator("fieldset.item-question")
        for index in range(questions.count()):
            questions.nth(index).locator(f"input[type=radio][value='{level}']").check()
        # The button may wait for an autosave in flight before the form goes: wait for the
        # next page itself, not for the load state of the page still shown.
        with page.expect_navigation():
            page.locator("button[value=next], button[value=review]").first.click()
        page.wait_for_load_state()
    assert re.search(r"/review/$", page.url)
    page.get_by_role("button", name=submit_label).click()
    page.wait_for_load_state()
    return Assessment.objects.get(status=Assessment.Status.COMPLETED)


def download(page, fmt, file_name=None):
    # A PDF not drawn yet has a plain link (the worker draws it; here the tests' tasks
    # run at once), a drawn one a download link.
    with page.expect_download(timeout=DOWNLOAD_TIMEOUT) as info:
        page.locator(f"a[href$='/{file_name or f'report.{fmt}'}']").click()
    file = info.value
    assert file.failure() is None
    return file.suggested_filename, Path(file.path()).read_bytes()


def check_report_page(page, report, title):
    """Summary figure, radar and its table, as the report object says."""
    assert title in page.locator("h1").inner_text()
    figure = page.locator(".readiness-figure").inner_text()
    assert figure == f"{report.target_readiness:.1f}%"
    radar = page.locator("svg[role=img]")
    assert radar.count() == 1
    assert radar.is_visible()
    assert report.target_stage.name in radar.locator("title").text_content()
    rows = page.locator(".report-chart table tbody tr")
    assert rows.count() == len(report.categories) == COUNTS.categories
    for index, category in enumerate(report.categories):
        cells = rows.nth(index).locator("th, td").all_inner_texts()
        assert cells[0] == category.name
        assert cells[1] == f"{category.mean_rating:.1f}"


def check_downloads(page, report, header, cloud):
    names = {}
    for fmt in ("pdf", "csv", "json"):
        names[fmt], content = download(page, fmt)
        assert names[fmt].startswith("cto-assess-") and names[fmt].endswith(f"-cto.{fmt}")
        if fmt == "pdf":
            assert content.startswith(b"%PDF")
            assert cloud in pdf_text(content)
        elif fmt == "csv":
            assert content.startswith(b"\xef\xbb\xbf")
            rows = list(csv.reader(io.StringIO(content.decode("utf-8-sig"))))
            assert rows[0][0] == header
            # One table: the items (the development plan is plan.csv, beside it).
            assert len(rows) == 1 + COUNTS.active_items
            assert rows[1][0] == cloud
        else:
            document = json.loads(content)
            assert document["schema"] == "cto-assess/report/v2"
            assert document["readiness"]["target"] == report.target_readiness
            assert len(document["items"]) == COUNTS.active_items
    names["plan"], content = download(page, "csv", file_name="plan.csv")
    assert names["plan"].endswith("-cto-plan.csv")
    plan_rows = list(csv.reader(io.StringIO(content.decode("utf-8-sig"))))
    assert len(plan_rows) > 1 and all(len(row) == len(plan_rows[0]) for row in plan_rows)
    return names


def test_a_visitor_reads_and_downloads_the_report_in_japanese(live_server, page):
    assessment = take_assessment(page, live_server, "始める", "送信してレポートを見る")
    report = build_report(assessment, language="ja")
    check_report_page(page, report, "ギャップレポート")
    assert "クラウドコンピューティング" in page.locator(".items-table").inner_text()
    check_downloads(page, report, header="項目", cloud="クラウドコンピューティング")
    assert axe_violations(page) == []


def test_a_visitor_reads_and_downloads_the_report_in_english_on_a_phone(live_server, english_page):
    page = english_page
    assessment = take_assessment(page, live_server, "Begin", "Submit and see my report")
    report = build_report(assessment, language="en")
    check_report_page(page, report, "Your gap report: towards")
    check_downloads(page, report, header="item", cloud="Cloud computing")
    assert axe_violations(page) == []


def test_a_share_link_opens_a_read_only_report_until_it_is_revoked(live_server, page, browser):
    take_assessment(page, live_server, "始める", "送信してレポートを見る")
    page.select_option("#expires_in_days", "7")
    page.locator("form[action$='/share/'] button[type=submit]").click()
    page.wait_for_load_state()
    share_url = page.locator("#share-url").input_value()
    assert share_url.startswith(live_server.url + "/shared/")

    context = browser.new_context(locale="ja-JP")
    context.set_default_timeout(10_000)
    other = context.new_page()
    response = other.goto(share_url)
    assert response.status == 200
    assert "ギャップレポート" in other.locator("h1").inner_text()
    assert other.locator("svg[role=img]").count() == 1
    assert other.locator("#share, form[action*='/share/'], a[href*='/delete/']").count() == 0
    assert other.locator("a[href*='/report.']").count() == 3
    name, content = download(other, "csv")
    assert content.startswith(b"\xef\xbb\xbf")
    assert axe_violations(other) == []

    page.reload()
    assert page.locator("#share-url").count() == 0, "the link is shown only once"
    page.locator("form[action*='/revoke/'] button[type=submit]").click()
    page.wait_for_load_state()
    assert page.locator("form[action*='/revoke/']").count() == 0
    assert other.goto(share_url).status == 404
    context.close()
