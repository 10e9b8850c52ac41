import pytest
from django.test import Client, override_settings

from tests.real_guide import StageSlug


@pytest.mark.django_db
def test_the_404_page_speaks_both_languages_and_leaks_nothing(client):
    japanese = client.get("/no/such/page/")
    assert japanese.status_code == 404
    assert "ページが見つかりません" in japanese.content.decode()
    english = client.get("/no/such/page/", HTTP_ACCEPT_LANGUAGE="en")
    html = english.content.decode()
    assert "Page not found" in html
    assert "Traceback" not in html and "urlpatterns" not in html


@pytest.mark.django_db
def test_a_missing_csrf_token_gets_the_403_page(client):
    csrf_client = Client(enforce_csrf_checks=True, HTTP_ACCEPT_LANGUAGE="en")
    response = csrf_client.post("/assessments/start/", {"current_stage": StageSlug.CTO})
    assert response.status_code == 403
    assert "Not allowed" in response.content.decode()


@pytest.mark.django_db
@override_settings(ROOT_URLCONF="tests.project.failing_urls")
def test_a_crash_gets_the_500_page_without_a_traceback():
    client = Client(raise_request_exception=False, HTTP_ACCEPT_LANGUAGE="en")
    response = client.get("/boom/")
    assert response.status_code == 500
    html = response.content.decode()
    assert "Something went wrong" in html
    assert "Traceback" not in html and "RuntimeError" not in html
