"""A production server behind a TLS proxy scores A+ by the HTTP Observatory's rules, with
no deduction: every header the Observatory scores, on the pages a visitor meets first,
and every cookie the site sets on the way to logging in.

The server is the real thing: gunicorn with gunicorn.conf.py, DEBUG off, the production
settings, static files collected; the proxy is played by the requests, which arrive with
`X-Forwarded-Proto` (https, or http for the first visit) and `X-Forwarded-For`.
"""

import http.client
import os
import re
import secrets
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests import observatory

ROOT = Path(__file__).resolve().parents[2]
HOST = "cto.example.com"
SITE = f"https://{HOST}/"
PASSWORD = "a-long-Passw0rd!"
PAGES = ["/", "/accounts/login/", "/accounts/signup/", "/assessments/start/", "/skills/"]
# The suite's own settings reach the server's environment through these: drop them.
TEST_ONLY = ("SECURE_", "SESSION_COOKIE_", "CSRF_COOKIE_", "DEBUG", "DJANGO_ALLOW_ASYNC")


def _free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class ProxiedServer:
    """Requests to gunicorn as a TLS-terminating proxy would send them."""

    def __init__(self, port):
        self.port = port

    def request(self, method, path, *, scheme="https", headers=None, body=None):
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        connection.request(
            method,
            path,
            body=body,
            headers={
                "Host": HOST,
                "X-Forwarded-Proto": scheme,
                "X-Forwarded-For": "203.0.113.7",
                "Accept-Language": "en",
                **(headers or {}),
            },
        )
        response = connection.getresponse()
        response.text = response.read().decode("utf-8", "replace")
        connection.close()
        return response


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    work = tmp_path_factory.mktemp("production")
    env = {k: v for k, v in os.environ.items() if not k.startswith(TEST_ONLY)}
    env.pop("CACHE_URL", None)
    env.update(
        DJANGO_SETTINGS_MODULE="cto_assess.settings",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS=HOST,
        SECURE_PROXY_SSL_HEADER="1",
        TRUSTED_PROXY_COUNT="1",
        DATABASE_URL=f"sqlite:///{work / 'db.sqlite3'}",
        STATIC_ROOT=str(work / "static"),
        REPORT_WARM_ON_COMPLETE="0",
        LOG_LEVEL="WARNING",
    )

    def manage(*args):
        subprocess.run(
            [sys.executable, "manage.py", *args], cwd=ROOT, env=env, check=True, capture_output=True
        )

    manage("migrate", "--no-input")
    manage("collectstatic", "--no-input")
    manage(
        "shell",
        "-c",
        "from django.contrib.auth.models import User; "
        f"User.objects.create_user('mina@example.com', 'mina@example.com', '{PASSWORD}')",
    )
    port = _free_port()
    gunicorn = Path(sys.executable).parent / "gunicorn"
    log = open(work / "gunicorn.log", "w")  # noqa: SIM115 (closed below)
    process = subprocess.Popen(
        [str(gunicorn), "--config", "gunicorn.conf.py", "--bind", f"127.0.0.1:{port}"]
        + ["--workers", "1", "cto_assess.wsgi"],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    proxied = ProxiedServer(port)
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                if proxied.request("GET", "/healthz", scheme="http").status == 200:
                    break
            except OSError:
                pass
            if time.monotonic() > deadline or process.poll() is not None:
                raise RuntimeError((work / "gunicorn.log").read_text())
            time.sleep(0.2)
        yield proxied
    finally:
        process.terminate()
        process.wait(timeout=20)
        log.close()


def _headers(response):
    return {name: value for name, value in response.getheaders()}


def _csrf(response):
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', response.text).group(1)


def _cookie_header(set_cookies):
    return "; ".join(value.split(";", 1)[0] for value in set_cookies)


def _log_in_journey(server):
    """Every Set-Cookie the site sends from the log-in page to a member's dashboard."""
    set_cookies = []
    page = server.request("GET", "/accounts/login/")
    set_cookies += page.headers.get_all("Set-Cookie") or []
    form = {"Cookie": _cookie_header(set_cookies), "Origin": f"https://{HOST}"}
    form["Content-Type"] = "application/x-www-form-urlencoded"
    token = _csrf(page)
    language = server.request(
        "POST", "/i18n/setlang/", headers=form, body=f"csrfmiddlewaretoken={token}&language=en"
    )
    set_cookies += language.headers.get_all("Set-Cookie") or []
    form["Cookie"] = _cookie_header(set_cookies)
    login = server.request(
        "POST",
        "/accounts/login/",
        headers=form,
        body=f"csrfmiddlewaretoken={token}&username=mina%40example.com&password={PASSWORD}",
    )
    assert login.status == 302, login.text[:500]
    set_cookies += login.headers.get_all("Set-Cookie") or []
    return set_cookies


def _grade(server, path, set_cookies):
    first = server.request("GET", path, scheme="http")
    page = server.request("GET", path)
    assert page.status == 200, (path, page.status)
    headers = _headers(page)
    results = {
        "content-security-policy": observatory.csp(headers),
        "cookies": observatory.cookies(set_cookies, headers),
        "cross-origin-resource-sharing": observatory.cors(headers),
        "redirection": observatory.redirection(
            f"http://{HOST}{path}", first.status, first.getheader("Location", ""), SITE + path
        ),
        "referrer-policy": observatory.referrer_policy(headers),
        "strict-transport-security": observatory.hsts(headers),
        "subresource-integrity": observatory.subresource_integrity(headers, page.text, SITE),
        "x-content-type-options": observatory.x_content_type_options(headers),
        "x-frame-options": observatory.x_frame_options(headers),
        "cross-origin-resource-policy": observatory.cross_origin_resource_policy(headers),
    }
    return results, observatory.score_of(results)


@pytest.mark.parametrize("path", PAGES)
def test_every_first_page_scores_a_plus_with_no_deduction(server, path):
    set_cookies = _log_in_journey(server)
    results, score = _grade(server, path, set_cookies)

    deductions = {test: result for test, result in results.items() if result[1] < 0}
    assert deductions == {}
    assert observatory.grade(score) == "A+"
    assert score == 135  # every bonus but the HSTS preload list's
    assert results["cookies"][0] == "cookies-secure-with-httponly-sessions-and-samesite"
    assert results["content-security-policy"][0] == (
        "csp-implemented-with-no-unsafe-default-src-none"
    )


def test_the_cookies_are_host_only_secure_and_same_site(server):
    cookies = {value.split("=", 1)[0]: value for value in _log_in_journey(server)}
    assert {"__Host-csrftoken", "__Host-sessionid", "django_language"} <= set(cookies)
    for name, value in cookies.items():
        flags = value.lower()
        assert "secure" in flags and "samesite=lax" in flags, name
        if name.startswith("__Host-"):
            assert "path=/" in flags and "domain=" not in flags, name
    assert "httponly" in cookies["__Host-sessionid"].lower()
    assert "httponly" in cookies["django_language"].lower()


def test_plain_http_goes_to_the_same_page_over_https_and_only_healthz_stays(server):
    first = server.request("GET", "/skills/?x=1", scheme="http")
    assert (first.status, first.getheader("Location")) == (301, f"https://{HOST}/skills/?x=1")
    assert server.request("GET", "/healthz", scheme="http").status == 200


# --- the grader's own rules, on headers that break them --------------------------------

GOOD = {
    "Content-Security-Policy": "default-src 'none'; script-src 'self'; frame-ancestors 'none'",
    "Strict-Transport-Security": "max-age=31536000",
}


@pytest.mark.parametrize(
    ("headers", "test", "result"),
    [
        ({**GOOD, "Content-Security-Policy": "default-src 'self' 'unsafe-inline'"}, "csp", -20),
        (
            {**GOOD, "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'"},
            "csp",
            0,
        ),
        ({"Strict-Transport-Security": "max-age=300"}, "hsts", -10),
        ({}, "hsts", -20),
        ({"Referrer-Policy": "unsafe-url"}, "referrer_policy", -5),
        ({"X-Frame-Options": "DENY"}, "x_frame_options", 0),
        ({}, "x_frame_options", -20),
        ({"X-Content-Type-Options": "sniff"}, "x_content_type_options", -5),
        ({"Cross-Origin-Resource-Policy": "nonsense"}, "cross_origin_resource_policy", -5),
    ],
)
def test_the_grader_deducts_what_the_observatory_deducts(headers, test, result):
    assert getattr(observatory, test)(headers)[1] == result


@pytest.mark.parametrize(
    ("cookie", "result"),
    [
        (
            "django_language=en; Path=/; SameSite=Lax",
            "cookies-without-secure-flag-but-protected-by-hsts",
        ),
        ("sessionid=x; Path=/; Secure; SameSite=Lax", "cookies-session-without-httponly-flag"),
        ("csrftoken=x; Path=/; Secure", "cookies-anticsrf-without-samesite-flag"),
        ("theme=x; Path=/; Secure", "cookies-secure-with-httponly-sessions"),
    ],
)
def test_the_grader_reads_cookies_as_the_observatory_does(cookie, result):
    assert observatory.cookies([cookie], GOOD)[0] == result


def test_a_grade_needs_ninety_before_bonuses_count():
    results = {"a": ("x", -20), "b": ("y", 10), "c": ("z", 10)}
    assert observatory.score_of(results) == 80
    assert observatory.grade(80) == "B+"
