"""Request size limits: bodies are capped, file parts refused, with a 413 page in both
languages; ordinary forms (urlencoded or multipart without files) still work."""

import io

import pytest
from django.test import Client
from django.urls import reverse

from tests.questionnaire import english_client


@pytest.mark.django_db
def test_a_body_over_the_cap_gets_a_413_page(settings):
    settings.MAX_REQUEST_BODY_BYTES = 10_000
    response = english_client().post("/i18n/setlang/", {"language": "en", "padding": "x" * 20_000})
    assert response.status_code == 413
    assert "Request too large" in response.content.decode()


@pytest.mark.django_db
def test_a_file_part_gets_a_413_page_in_japanese():
    upload = io.BytesIO(b"%PDF-1.7 not wanted here")
    upload.name = "cv.pdf"
    response = Client().post("/i18n/setlang/", {"language": "en", "file": upload})
    assert response.status_code == 413
    assert "リクエストが大きすぎます" in response.content.decode()


@pytest.mark.django_db
def test_a_file_part_is_refused_before_the_csrf_check_reads_it():
    upload = io.BytesIO(b"x" * 1000)
    upload.name = "a.txt"
    client = Client(enforce_csrf_checks=True, HTTP_ACCEPT_LANGUAGE="en")
    response = client.post(reverse("login"), {"username": "a", "file": upload})
    assert response.status_code == 413


@pytest.mark.django_db
def test_a_multipart_form_without_files_still_works():
    # Django's test client sends multipart bodies by default.
    response = english_client().post("/i18n/setlang/", {"language": "en", "next": "/"})
    assert response.status_code == 302


def test_a_questionnaire_step_still_saves_under_the_cap(visitor_draft):
    from tests.questionnaire import post_step, saved_answers

    client, assessment = visitor_draft
    response = post_step(client, assessment, 1, notes="a note")
    assert response.status_code == 302
    assert saved_answers(assessment)
