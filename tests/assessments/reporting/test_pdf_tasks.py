"""PDFs are drawn by the task worker, never in a request: completing queues the PDF, a PDF
not drawn yet is queued once and a page says it is being prepared, and the worker's
drawing is what every later download gets."""

import pytest
from django.core.cache import cache
from django.urls import reverse
from django_tasks import default_task_backend

from reports import tasks
from reports.viewing import ReportViewing
from tests.assessments.report_helpers import (
    create_share_link,
    export_url,
    shared_export_url,
    shared_url,
    visitor_client,
)
from tests.factories import CompletedAssessmentFactory
from tests.questionnaire import answer_all

DUMMY = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}


@pytest.fixture
def queue(settings):
    """Tasks wait in a queue nobody works on, until the test runs them as the worker."""
    cache.clear()
    settings.TASKS = DUMMY
    default_task_backend.clear()
    return default_task_backend


def run_the_worker(queue):
    for result in list(queue.results):
        result.task.call(*result.args, **result.kwargs)
    queue.clear()


def _owner_viewing(assessment, language="en"):
    return ReportViewing(
        assessment=assessment, language=language, show_notes=True, show_comparison=True
    )


def test_completing_queues_the_pdf_and_the_worker_draws_it(
    visitor_draft, settings, queue, django_capture_on_commit_callbacks
):
    settings.REPORT_WARM_ON_COMPLETE = True
    client, assessment = visitor_draft
    answer_all(client, assessment)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("assessments:submit", args=[assessment.pk]))
    assert response.status_code == 302
    assert [r.task.name for r in queue.results] == ["draw_report_pdf"]
    assessment.refresh_from_db()
    assert not tasks.pdf_ready(_owner_viewing(assessment))

    page = client.get(reverse("assessments:detail", args=[assessment.pk]))
    assert "PDF: being prepared…" in page.content.decode()

    run_the_worker(queue)
    assert tasks.pdf_ready(_owner_viewing(assessment))
    page = client.get(reverse("assessments:detail", args=[assessment.pk]))
    assert 'download="cto-assess-' in page.content.decode()
    download = client.get(export_url(assessment, "pdf"))
    assert download.status_code == 200
    assert download.content.startswith(b"%PDF")
    assert queue.results == []  # served from the cache, not queued again


@pytest.mark.parametrize(
    ("language", "words"), [("en", "Preparing your PDF"), ("ja", "PDFを準備しています")]
)
def test_a_pdf_not_drawn_yet_is_queued_once_and_a_page_says_so(guide, queue, language, words):
    assessment = CompletedAssessmentFactory()
    client = visitor_client(assessment, language=language)

    first = client.get(export_url(assessment, "pdf"))
    second = client.get(export_url(assessment, "pdf"))

    for response in (first, second):
        assert response.status_code == 202
        assert response["Content-Type"].startswith("text/html")
        assert response["Refresh"] == "3"
        assert words in response.content.decode()
    assert len(queue.results) == 1  # one drawing for both requests
    run_the_worker(queue)
    assert client.get(export_url(assessment, "pdf")).content.startswith(b"%PDF")


def test_a_shared_reports_pdf_goes_through_the_worker_too(guide, member, member_client, queue):
    assessment = CompletedAssessmentFactory(owner=member)
    token = create_share_link(member_client, assessment)
    stranger = visitor_client()

    assert stranger.get(shared_export_url(token, "pdf")).status_code == 202
    assert (
        'href="' + shared_url(token)
        in stranger.get(shared_export_url(token, "pdf")).content.decode()
    )
    run_the_worker(queue)
    assert stranger.get(shared_export_url(token, "pdf")).content.startswith(b"%PDF")


def test_csv_and_json_are_served_at_once(guide, queue):
    assessment = CompletedAssessmentFactory()
    client = visitor_client(assessment)
    for fmt in ("csv", "json"):
        assert client.get(export_url(assessment, fmt)).status_code == 200
    assert queue.results == []


def test_an_outsider_queues_nothing(guide, queue, outsider):
    assessment = CompletedAssessmentFactory()
    assert outsider.get(export_url(assessment, "pdf")).status_code == 404
    assert queue.results == []


def test_the_report_page_reads_the_pdf_state_without_queueing(
    guide, queue, django_assert_max_num_queries
):
    assessment = CompletedAssessmentFactory()
    client = visitor_client(assessment)
    client.get(reverse("assessments:detail", args=[assessment.pk]))
    page = client.get(reverse("assessments:detail", args=[assessment.pk]))
    assert page.status_code == 200
    assert queue.results == []
    assert "Download PDF" in page.content.decode()
