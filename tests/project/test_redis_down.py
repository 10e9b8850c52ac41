"""With the cache's Redis out of reach (CACHE_URL pointing at a closed port), the app
still serves: rate limits and caches fail open with a logged warning, a PDF that cannot
be queued answers 503 with Retry-After, nothing answers 500, and /healthz says which
part is down while it stays 200."""

import logging
import socket

import pytest
from django.test import Client
from django.urls import reverse

from api.services import token_create
from cto_assess.env import envcaches, envfilescache
from tests.assessments.report_helpers import export_url
from tests.factories import CompletedAssessmentFactory
from tests.questionnaire import PASSWORD
from tests.real_guide import StageSlug


def closed_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def redis_down(settings, monkeypatch, tmp_path):
    """The production cache settings, built from CACHE_URL, with nobody at its port."""
    monkeypatch.setenv("CACHE_URL", f"redis://127.0.0.1:{closed_port()}/0")
    monkeypatch.delenv("FILES_CACHE_URL", raising=False)
    caches = envcaches("CACHE_URL")
    caches["files"] = envfilescache("FILES_CACHE_URL", "CACHE_URL", tmp_path)
    settings.CACHES = caches
    settings.RATE_LIMITS = dict.fromkeys(settings.RATE_LIMITS, "5/h")


def browser():
    return Client(HTTP_ACCEPT_LANGUAGE="en", raise_request_exception=False)


@pytest.mark.django_db
def test_starting_logging_in_reports_files_sharing_and_the_api_serve(
    redis_down, guide, member, caplog
):
    client = browser()
    assert client.get("/").status_code == 200
    start = {"current_stage": StageSlug.TECH_LEAD, "target_stage": StageSlug.CTO}
    starts = [client.post(reverse("assessments:start"), start).status_code for _ in range(7)]
    assert set(starts) == {302}  # the rate limit fails open (it cannot count)

    response = client.post("/accounts/login/", {"username": "mina", "password": PASSWORD})
    assert response.status_code == 302

    assessment = CompletedAssessmentFactory(owner=member)
    report = client.get(reverse("assessments:detail", args=[assessment.pk]))
    assert report.status_code == 200
    for fmt in ("csv", "json"):
        assert client.get(export_url(assessment, fmt)).status_code == 200
    pdf = client.get(export_url(assessment, "pdf"))  # nowhere to keep the drawing
    assert pdf.status_code == 503
    assert int(pdf["Retry-After"]) > 0
    assert "The PDF cannot be prepared right now" in pdf.content.decode()

    share = client.post(
        reverse("assessments:share_create", args=[assessment.pk]), {"expires_in_days": "7"}
    )
    assert share.status_code == 302

    token = token_create(user=member, name="HR tool")[1]
    api = browser().get("/api/v1/assessments", HTTP_AUTHORIZATION=f"Bearer {token}")
    assert api.status_code == 200

    warnings = [r for r in caplog.records if r.levelno == logging.WARNING]
    assert any("cache" in r.getMessage().lower() for r in warnings)


@pytest.mark.django_db
def test_healthz_names_the_cache_and_stays_200(redis_down):
    response = browser().get("/healthz")
    assert response.status_code == 200
    body = response.json()
    assert body["database"] == "ok"
    assert body["cache"] == "error"
    assert body["tasks"] == "ok"
    assert body["status"] == "degraded"
