"""A task worker killed mid-PDF leaves its task RUNNING: a living worker puts such a task
back in the queue within a minute (and at its own start), and draws it."""

from datetime import timedelta

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.utils import timezone
from django_tasks import default_task_backend
from django_tasks_db.models import DBTaskResult

from cto_assess import task_reaper
from reports import tasks
from tests.assessments.report_helpers import export_url, visitor_client
from tests.factories import CompletedAssessmentFactory

DATABASE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@pytest.fixture
def database_queue(settings):
    cache.clear()
    settings.TASKS = DATABASE
    default_task_backend.clear() if hasattr(default_task_backend, "clear") else None
    yield
    cache.clear()


def _started(seconds_ago):
    """The worker took the queued task `seconds_ago`, then died (nothing more happens)."""
    row = DBTaskResult.objects.get()
    row.claim("dead-worker")
    DBTaskResult.objects.filter(pk=row.pk).update(
        started_at=timezone.now() - timedelta(seconds=seconds_ago)
    )
    return row


@pytest.mark.django_db(transaction=True)
def test_a_pdf_whose_worker_died_is_queued_again_and_drawn(guide, database_queue):
    assessment = CompletedAssessmentFactory()
    client = visitor_client(assessment)
    assert client.get(export_url(assessment, "pdf")).status_code == 202
    _started(seconds_ago=task_reaper.stale_seconds() + 1)

    call_command("db_worker", batch=True, no_startup_delay=True, verbosity=0)

    assert DBTaskResult.objects.get().status == "SUCCESSFUL"
    download = client.get(export_url(assessment, "pdf"))
    assert download.status_code == 200 and download.content.startswith(b"%PDF")


@pytest.mark.django_db
def test_a_task_still_within_its_time_is_left_to_its_worker(guide, database_queue):
    assessment = CompletedAssessmentFactory()
    visitor_client(assessment).get(export_url(assessment, "pdf"))
    _started(seconds_ago=5)
    assert task_reaper.stale_tasks_requeue() == 0
    assert DBTaskResult.objects.get().status == "RUNNING"


@pytest.mark.django_db
def test_a_dead_workers_task_is_ready_again_within_a_minute(guide, database_queue):
    assessment = CompletedAssessmentFactory()
    visitor_client(assessment).get(export_url(assessment, "pdf"))
    _started(seconds_ago=0)
    later = timezone.now() + timedelta(seconds=60 - task_reaper.REAP_EVERY_SECONDS)
    assert task_reaper.stale_tasks_requeue(now=later) == 1
    row = DBTaskResult.objects.get()
    assert row.status == "READY" and row.started_at is None
    assert tasks.draw_report_pdf.name in row.task_path
