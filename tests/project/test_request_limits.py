"""Request size limits: bodies are capped, file parts refused, with a 413 page in both
languages; ordinary forms (urlencoded or multipart without files) still work."""

import io

import pytest
from django.test import Client
from django.urls import reverse

from tests.questionnaire import english_browser


@pytest.mark.django_db
def test_a_body_over_the_cap_gets_a_413_page(settings):
    settings.MAX_REQUEST_BODY_BYTES = 10_000
    response = english_browser().post("/i18n/setlang/", {"language": "en", "padding": "x" * 20_000})
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
    response = english_browser().post("/i18n/setlang/", {"language": "en", "next": "/"})
    assert response.status_code == 302


def test_a_questionnaire_step_still_saves_under_the_cap(visitor_draft):
    from tests.questionnaire import post_step, saved_answers

    client, assessment = visitor_draft
    response = post_step(client, assessment, 1, notes="a note")
    assert response.status_code == 302
    assert saved_answers(assessment)


@pytest.mark.django_db
@pytest.mark.parametrize("charset", ["cp500", "no-such-charset", "utf-16", "x\r\ny"])
@pytest.mark.parametrize("path", ["/accounts/login/", "/assessments/start/", "/i18n/setlang/"])
def test_a_form_in_a_charset_that_is_not_utf_8_gets_a_400_page(charset, path):
    client = Client(HTTP_ACCEPT_LANGUAGE="en", raise_request_exception=False)
    for content_type, body in (
        ("application/x-www-form-urlencoded", b"username=a&password=b"),
        ("multipart/form-data; boundary=BoUnDaRy", _multipart()),
    ):
        response = client.generic(
            "POST", path, data=body, content_type=f"{content_type}; charset={charset}"
        )
        assert response.status_code == 400, (content_type, response.status_code)
        assert "Bad request" in response.content.decode()


def _multipart():
    return (
        b'--BoUnDaRy\r\nContent-Disposition: form-data; name="username"\r\n\r\na\r\n'
        b"--BoUnDaRy--\r\n"
    )


@pytest.mark.django_db
def test_a_form_declared_utf_8_still_works():
    client = english_browser()
    response = client.post(
        "/i18n/setlang/",
        data=b"language=en",
        content_type="application/x-www-form-urlencoded; charset=UTF-8",
    )
    assert response.status_code == 302
