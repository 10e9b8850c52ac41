"""The one cache of drawn reports: a drawing is made once, under a key naming all it used."""

import shutil

import pytest
from django.core.cache import cache
from django.test import override_settings

from assessments.reporting.snapshot import SNAPSHOT_VERSION
from reports import cache as report_cache
from reports import files
from reports.files import report_file
from reports.page import page_parts
from reports.report import build_report
from reports.viewing import ReportViewing
from tests.assessments.report_helpers import export_url
from tests.factories import CompletedAssessmentFactory
from tests.real_guide import ItemSlug


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


@pytest.fixture
def pdf_renders(monkeypatch):
    """Count WeasyPrint runs: report_pdf is replaced by a cheap fake."""
    calls = []

    def fake_pdf(report, *, show_notes):
        calls.append((report.assessment_id, report.language, show_notes))
        return b"%PDF-fake " + str(len(calls)).encode()

    monkeypatch.setattr(files, "report_pdf", fake_pdf)
    return calls


def viewing(assessment, *, language="en", notes=True, comparison=True, previous=None):
    return ReportViewing(
        assessment=assessment,
        language=language,
        show_notes=notes,
        show_comparison=comparison,
        previous=previous,
    )


def test_a_second_export_of_the_same_file_comes_from_the_cache(completed, pdf_renders):
    first, second = report_file("pdf", viewing(completed)), report_file("pdf", viewing(completed))
    name = files.export_filename(build_report(completed, language="en"), "pdf")
    assert first == second == ("application/pdf", name, b"%PDF-fake 1")
    assert len(pdf_renders) == 1


def test_a_cached_drawing_does_not_build_the_report_again(completed, pdf_renders, monkeypatch):
    report_file("pdf", viewing(completed))
    page_parts(viewing(completed))
    builds = []
    monkeypatch.setattr(ReportViewing, "build", lambda self: builds.append(self))
    report_file("pdf", viewing(completed))
    page_parts(viewing(completed))
    assert builds == []


def test_the_cache_keeps_languages_audiences_and_reports_apart(completed, member, pdf_renders):
    other = CompletedAssessmentFactory(owner=member)
    report_file("pdf", viewing(completed))
    report_file("pdf", viewing(completed, language="ja"))
    report_file("pdf", viewing(completed, notes=False, comparison=False))
    report_file("pdf", viewing(completed, previous=other))
    report_file("pdf", viewing(other))
    assert [(a, lang, notes) for a, lang, notes in pdf_renders] == [
        (str(completed.pk), "en", True),
        (str(completed.pk), "ja", True),
        (str(completed.pk), "en", False),
        (str(completed.pk), "en", True),
        (str(other.pk), "en", True),
    ]


def test_a_previous_assessment_not_shown_to_the_audience_is_not_in_the_key(completed, member):
    other = CompletedAssessmentFactory(owner=member)
    hidden = viewing(completed, comparison=False, previous=other)
    assert hidden.drawing("pdf") == viewing(completed, comparison=False).drawing("pdf")
    assert hidden.build().comparison is None


def test_the_key_names_the_rendering_version(completed, pdf_renders, monkeypatch):
    report_file("pdf", viewing(completed))
    monkeypatch.setattr(report_cache, "rendering_version", lambda: "1.drawn-by-other-code")
    assert "1.drawn-by-other-code" in viewing(completed).drawing("pdf").key
    report_file("pdf", viewing(completed))
    assert len(pdf_renders) == 2, "code that draws differently never reuses another's drawing"


def test_the_rendering_version_changes_with_the_templates_that_draw_reports(settings, tmp_path):
    for folder in ("assessments", "templates", "content", "locale"):
        shutil.copytree(settings.BASE_DIR / folder, tmp_path / folder)
    compute = report_cache.rendering_version.__wrapped__
    with override_settings(BASE_DIR=tmp_path):
        before = compute()
        assert before.startswith(f"{SNAPSHOT_VERSION}."), "it starts with the snapshot version"
        assert compute() == before
        ladder = tmp_path / "templates/assessments/report/_ladder.html"
        ladder.write_text(ladder.read_text() + "\n")
        assert compute() != before
    assert compute() == report_cache.rendering_version()


def test_downloading_the_pdf_twice_runs_weasyprint_once(completed, member_client, pdf_renders):
    bodies = [member_client.get(export_url(completed, "pdf")).content for _ in range(2)]
    assert bodies == [b"%PDF-fake 1"] * 2
    assert len(pdf_renders) == 1
