"""The organisation's summary PDF: drawn by the task worker (never in the request), with
the heatmap, redrawn when the team changes, and headers that keep their words whole."""

import io

import pytest
from django.core.cache import cache
from django_tasks import default_task_backend
from pypdf import PdfReader

from organisations import services
from tests.factories import CompletedAssessmentFactory

DUMMY = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}


@pytest.fixture
def queue(settings):
    """Tasks wait in a queue nobody works on, until the test runs them as the worker."""
    cache.clear()
    settings.TASKS = DUMMY
    default_task_backend.clear()
    yield default_task_backend
    default_task_backend.clear()


def run_the_worker(queue):
    for result in list(queue.results):
        result.task.call(*result.args, **result.kwargs)
    queue.clear()


def _summary(client, organisation, language="en"):
    return client.get(
        f"/organisations/{organisation.pk}/summary.pdf", HTTP_ACCEPT_LANGUAGE=language
    )


def _text(pdf_bytes):
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf_bytes)).pages)


@pytest.mark.django_db
def test_the_summary_is_drawn_by_the_worker_and_then_served(
    english_client, organisation, owner, team, queue
):
    english_client.force_login(owner)

    waiting = _summary(english_client, organisation)
    again = _summary(english_client, organisation)

    assert waiting.status_code == 202 and again.status_code == 202
    assert "Preparing the summary" in waiting.content.decode()
    assert waiting["Refresh"]
    assert [r.task.name for r in queue.results] == ["draw_team_summary_pdf"]  # queued once
    run_the_worker(queue)
    served = _summary(english_client, organisation)
    assert served.status_code == 200
    assert served.content.startswith(b"%PDF")
    assert served["Content-Disposition"].startswith("attachment")
    assert queue.results == []


@pytest.mark.django_db
def test_the_summary_holds_the_heatmap(english_client, organisation, owner, team):
    english_client.force_login(owner)

    response = _summary(english_client, organisation)  # the immediate backend draws it at once

    text = _text(response.content)
    assert "Heatmap" in text
    for name in ("avery", "blake", "casey"):
        assert name in text
    reader = PdfReader(io.BytesIO(response.content))
    last = reader.pages[-1].mediabox
    assert last.width > last.height  # the heatmap's pages are landscape


@pytest.mark.django_db
def test_a_change_in_the_team_is_a_new_drawing(
    english_client, organisation, owner, team, queue, make_member
):
    english_client.force_login(owner)
    _summary(english_client, organisation)
    run_the_worker(queue)
    assert _summary(english_client, organisation).status_code == 200

    dana = make_member("dana")
    from tests.organisations.conftest import join

    services.share_create(
        membership=join(organisation, dana), assessment=CompletedAssessmentFactory(owner=dana)
    )

    assert _summary(english_client, organisation).status_code == 202  # not the old file
    run_the_worker(queue)
    assert "dana" in _text(_summary(english_client, organisation).content)


@pytest.mark.django_db
def test_japanese_headers_keep_their_words_whole(english_client, organisation, owner, team):
    english_client.force_login(owner)

    text = _text(_summary(english_client, organisation, language="ja").content)

    for header in ("ヒートマップ", "カバー状況"):
        assert header in text
    for broken in ("あな\nた", "ギャッ\nプ", "ステー\nタス"):
        assert broken not in text
