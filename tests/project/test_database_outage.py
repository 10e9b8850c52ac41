"""When the database is unreachable: a 503 page, /healthz says so, and service comes back."""

from unittest import mock

import pytest
from django.db import OperationalError
from django.db.backends.base.base import BaseDatabaseWrapper
from django.test import Client


def database_down():
    return mock.patch.object(
        BaseDatabaseWrapper,
        "ensure_connection",
        side_effect=OperationalError("could not connect to server: Connection refused"),
    )


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/", "/skills/", "/career-ladder/", "/assessments/start/"])
def test_pages_answer_503_while_the_database_is_down_and_recover(path):
    client = Client(raise_request_exception=False, HTTP_ACCEPT_LANGUAGE="en")
    with database_down():
        response = client.get(path)
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    html = response.content.decode()
    assert "cannot reach its database" in html
    assert "Traceback" not in html and "Connection refused" not in html
    assert client.get(path).status_code == 200  # back by itself, no restart


@pytest.mark.django_db
def test_healthz_says_the_database_is_down_then_up():
    client = Client(raise_request_exception=False)
    with database_down():
        response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["database"] == "error"
    assert client.get("/healthz").json()["status"] == "ok"


@pytest.mark.django_db
def test_the_outage_page_speaks_japanese():
    client = Client(raise_request_exception=False)
    with database_down():
        response = client.get("/")
    assert "データベースに接続できません" in response.content.decode()


@pytest.mark.django_db
def test_other_crashes_stay_500s(settings):
    settings.ROOT_URLCONF = "tests.project.failing_urls"
    client = Client(raise_request_exception=False)
    assert client.get("/boom/").status_code == 500


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/api/v1/assessments", "/api/v1/organisations"])
def test_the_api_answers_json_while_the_database_is_down(path):
    client = Client(raise_request_exception=False, HTTP_AUTHORIZATION="Bearer cta_x")
    with database_down():
        response = client.get(path)
    assert response.status_code == 503
    assert response["Content-Type"] == "application/json"
    assert response["Retry-After"] == "30"
    assert response.json()["error"]["code"] == "unavailable"
    assert "Connection refused" not in response.content.decode()


@pytest.mark.django_db
def test_the_api_answers_json_to_a_body_over_the_cap(settings):
    settings.MAX_REQUEST_BODY_BYTES = 10
    response = Client().generic("GET", "/api/v1/assessments", data=b"x" * 100)
    assert response.status_code == 413
    assert response.json()["error"]["code"] == "too_large"


@pytest.mark.django_db
def test_the_api_answers_json_when_something_breaks(monkeypatch):
    from api import auth

    def broken(*args, **kwargs):
        raise RuntimeError("a bug")

    monkeypatch.setattr(auth.TokenAuth, "authenticate", broken)
    response = Client(raise_request_exception=False, HTTP_AUTHORIZATION="Bearer cta_x").get(
        "/api/v1/assessments"
    )
    assert response.status_code == 500
    assert response.json()["error"]["code"] == "server_error"
    assert "a bug" not in response.content.decode()
