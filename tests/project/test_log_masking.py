"""Resume, share and invitation tokens never reach a log: not gunicorn's, not the app's."""

import io
import logging
import runpy
from datetime import timedelta
from pathlib import Path
from types import SimpleNamespace

import pytest
from django.test import Client
from gunicorn.config import Config

from cto_assess.log_masking import MaskingGunicornLogger, MaskTokensFilter, mask_tokens

ROOT = Path(__file__).resolve().parents[2]
TOKEN = "Zk3q9V-secret-token-x1Y2"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (f"GET /assessments/resume/{TOKEN}/ HTTP/1.1", "GET /assessments/resume/[token]/ HTTP/1.1"),
        (f"/shared/{TOKEN}/report.pdf", "/shared/[token]/report.pdf"),
        (f"https://cto.example.com/shared/{TOKEN}/", "https://cto.example.com/shared/[token]/"),
        (f"POST /rate/{TOKEN}/ HTTP/1.1", "POST /rate/[token]/ HTTP/1.1"),
        (f"https://cto.example.com/rate/{TOKEN}/", "https://cto.example.com/rate/[token]/"),
        (
            "POST /accounts/signup/confirm/eyJlbWFpbCI6Im4ifQ:1xXZ91:7wWPcnNo/ HTTP/1.1",
            "POST /accounts/signup/confirm/[token]/ HTTP/1.1",
        ),
        ("/assessments/start/", "/assessments/start/"),
        (
            f"POST /organisations/join/{TOKEN}/ HTTP/1.1",
            "POST /organisations/join/[token]/ HTTP/1.1",
        ),
        (f"Authorization: Bearer cta_{TOKEN}", "Authorization: Bearer cta_[token]"),
        (f"Unexpected auth - 'Token cta_{TOKEN}'", "Unexpected auth - 'Token cta_[token]'"),
        ("/organisations/", "/organisations/"),
        # Password resets: the token after the user's id (the id is no secret).
        (
            "GET /accounts/reset/Mg/cn7z2x-0e1c8a3f9b2d4e6f8a0b/ HTTP/1.1",
            "GET /accounts/reset/Mg/[token]/ HTTP/1.1",
        ),
        ("/accounts/reset/Mg/set-password/", "/accounts/reset/Mg/set-password/"),
        ("/accounts/reset/done/", "/accounts/reset/done/"),
        # A link inside a percent-encoded query (a log-in's next=), once or twice encoded.
        (
            f"GET /accounts/login/?next=%2Fassessments%2Fresume%2F{TOKEN}%2F HTTP/1.1",
            "GET /accounts/login/?next=%2Fassessments%2Fresume%2F[token]%2F HTTP/1.1",
        ),
        (
            f"/accounts/login/?next=%2forganisations%2fjoin%2f{TOKEN}&x=1",
            "/accounts/login/?next=%2forganisations%2fjoin%2f[token]&x=1",
        ),
        (
            f"/accounts/login/?next=%252Fshared%252F{TOKEN}%252F",
            "/accounts/login/?next=%252Fshared%252F[token]%252F",
        ),
        (
            "/x/?next=%2Faccounts%2Fsignup%2Fconfirm%2FeyJlbWFpbCI6Im4ifQ%3A1xXZ91%3A7wWPcnNo%2F",
            "/x/?next=%2Faccounts%2Fsignup%2Fconfirm%2F[token]%2F",
        ),
        (
            "/x/?next=%2Faccounts%2Freset%2FMg%2Fcn7z2x-0e1c8a3f9b2d4e6f8a0b%2F",
            "/x/?next=%2Faccounts%2Freset%2FMg%2F[token]%2F",
        ),
        ("/accounts/signup/sent/", "/accounts/signup/sent/"),
        (None, None),
    ],
)
def test_it_masks_the_tokens_of_links_and_api_tokens(text, expected):
    assert mask_tokens(text) == expected


def test_gunicorns_access_log_masks_tokens_in_the_request_line_and_referer(tmp_path):
    assert runpy.run_path(str(ROOT / "gunicorn.conf.py"))["logger_class"] == (
        "cto_assess.log_masking.MaskingGunicornLogger"
    )
    config = Config()
    access_log = tmp_path / "access.log"
    config.set("accesslog", str(access_log))
    logger = MaskingGunicornLogger(config)
    environ = {
        "REQUEST_METHOD": "GET",
        "RAW_URI": f"/shared/{TOKEN}/report.csv",
        "PATH_INFO": f"/shared/{TOKEN}/report.csv",
        "QUERY_STRING": "",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "REMOTE_ADDR": "203.0.113.5",
        "HTTP_REFERER": f"https://cto.example.com/assessments/resume/{TOKEN}/",
    }
    response = SimpleNamespace(status="200 OK", sent=10, headers=[])
    request = SimpleNamespace(headers=[("REFERER", environ["HTTP_REFERER"])])

    logger.access(response, request, environ, timedelta(milliseconds=5))

    line = access_log.read_text()
    assert "/shared/[token]/report.csv" in line
    assert "/assessments/resume/[token]/" in line
    assert TOKEN not in line


@pytest.fixture
def app_log():
    """What the app's configured stdout handler writes, in a buffer."""
    handler = next(
        h
        for h in logging.getLogger("django").handlers
        if any(isinstance(f, MaskTokensFilter) for f in h.filters)
    )
    buffer = io.StringIO()
    previous = handler.setStream(buffer)
    yield buffer
    handler.setStream(previous)


@pytest.mark.django_db
def test_the_apps_own_log_masks_the_token_of_a_404(app_log):
    for path in (f"/shared/{TOKEN}/", f"/assessments/resume/{TOKEN}/", f"/rate/{TOKEN}/"):
        assert Client().get(path).status_code == 404
    out = app_log.getvalue()
    assert "/shared/[token]/" in out
    assert "/rate/[token]/" in out
    assert "/assessments/resume/[token]/" in out
    assert TOKEN not in out
