"""The PDF renderer loads nothing but the app's own static files and the system's fonts."""

from pathlib import Path

import pytest
from django.conf import settings
from django.core.cache import cache

from cto_assess import pdf
from reports import files
from reports.report import build_report
from tests.assessments.report_helpers import pdf_text
from tests.factories import CompletedAssessmentFactory

SITE_CSS = Path(settings.STATICFILES_DIRS[0]) / "css" / "site.css"


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1:9/secret",
        "https://example.invalid/x.css",
        "ftp://127.0.0.1/x",
        "data:text/css,body{}",
        "file:///etc/hostname",
        SITE_CSS.as_uri().replace("/css/site.css", "/../../../etc/hostname"),
    ],
)
def test_it_refuses_everything_but_the_apps_own_files(url):
    with pytest.raises(ValueError, match="may not load"):
        pdf.url_fetcher()(url)


def test_it_reads_the_apps_own_static_files():
    response = pdf.url_fetcher()(SITE_CSS.as_uri())
    assert response.read()[:10]


@pytest.fixture
def a_stylesheet_outside(tmp_path):
    stylesheet = tmp_path / "outside.css"
    stylesheet.write_text('h1::after { content: "LEAKED-FROM-OUTSIDE"; }', encoding="utf-8")
    return stylesheet


def test_a_report_that_names_an_outside_file_renders_without_it(
    guide, member, monkeypatch, a_stylesheet_outside
):
    cache.clear()
    assessment = CompletedAssessmentFactory(owner=member)
    report = build_report(assessment, language="en")
    html = f'<link rel="stylesheet" href="{a_stylesheet_outside.as_uri()}"><h1>Report</h1>'
    monkeypatch.setattr(files, "render_to_string", lambda *args, **kwargs: html)

    text = pdf_text(files.report_pdf(report, show_notes=False))

    assert "Report" in text
    assert "LEAKED-FROM-OUTSIDE" not in text
