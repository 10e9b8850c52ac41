from unittest import mock

import pytest
from django.db import OperationalError


@pytest.mark.django_db
def test_it_answers_ok_when_the_database_answers(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok", "cache": "ok", "tasks": "ok"}
    assert "no-cache" in response["Cache-Control"]


@pytest.mark.django_db
def test_it_answers_503_naming_the_database_when_a_query_fails(client):
    with mock.patch("cto_assess.health.connection.cursor", side_effect=OperationalError("down")):
        response = client.get("/healthz")
    assert response.status_code == 503
    body = response.json()
    assert body["status"] == "error"
    assert body["database"] == "error"


@pytest.mark.django_db
def test_it_refuses_post(client):
    assert client.post("/healthz").status_code == 405


@pytest.mark.django_db
def test_it_names_a_task_queue_it_cannot_reach_and_stays_200(client, settings):
    settings.TASKS_BACKEND = "database"
    with mock.patch(
        "django_tasks_db.models.DBTaskResult.objects.ready", side_effect=OperationalError("gone")
    ):
        response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json()["tasks"] == "error"
    assert response.json()["status"] == "degraded"
