"""Production settings pass Django's deploy check, and every page sends the security headers."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def deploy_check(**settings):
    # The test settings switch HTTPS-only cookies off through the environment: drop that.
    # The browser tests allow async-unsafe calls, which the deploy check warns about.
    overrides = (
        "SECURE_",
        "SESSION_COOKIE_",
        "CSRF_COOKIE_",
        "DEBUG",
        "DJANGO_ALLOW_ASYNC",
        "EMAIL_",
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith(overrides)}
    env.update(
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="cto.example.com",
        DJANGO_SETTINGS_MODULE="cto_assess.settings",
        **settings,
    )
    return subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )


def test_the_deploy_check_is_clean_with_production_settings():
    result = deploy_check(EMAIL_HOST="smtp.example.com")
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize(
    "mail", [{}, {"EMAIL_BACKEND": "django.core.mail.backends.console.EmailBackend"}]
)
def test_the_deploy_check_fails_when_mail_would_go_to_the_console(mail):
    result = deploy_check(**mail)
    assert result.returncode != 0
    assert "cto_assess.E001" in result.stdout + result.stderr


def test_production_without_an_smtp_server_prints_no_mail(caplog, capsys):
    from django.core.mail import get_connection
    from django.core.mail.message import EmailMessage

    link = "https://cto.example.com/accounts/reset/Mg/secret-reset-token/"
    connection = get_connection("cto_assess.mail.UnconfiguredEmailBackend")
    sent = connection.send_messages([EmailMessage("Reset", link, to=["a@example.com"])])
    assert sent == 0
    assert "secret-reset-token" not in capsys.readouterr().out
    assert "not sent: EMAIL_HOST is not set" in caplog.text


PAGES = [
    "/",
    "/career-ladder/",
    "/skills/",
    "/learning-path/",
    "/interview/",
    "/trends/",
    "/assessments/start/",
    "/accounts/login/",
    "/accounts/signup/",
    "/healthz",
    "/no-such-page/",
]


@pytest.mark.django_db
@pytest.mark.parametrize("path", PAGES)
def test_every_page_type_sends_the_security_headers(client, path):
    response = client.get(path)
    policy = response["Content-Security-Policy"]
    script_src = next(d for d in policy.split(";") if d.strip().startswith("script-src"))
    assert "'unsafe-inline'" not in script_src
    assert "frame-ancestors 'none'" in policy
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"


@pytest.mark.django_db
def test_the_session_cookie_is_http_only_and_same_site(client):
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    client.get("/assessments/start/")
    cookie = client.cookies["csrftoken"]
    assert cookie["samesite"] == "Lax"


@pytest.mark.django_db
@pytest.mark.parametrize("path", PAGES)
def test_every_page_type_sends_the_tightened_policy_and_headers(client, path):
    response = client.get(path)
    directives = {
        d.strip().split()[0]: d.strip().split()[1:]
        for d in response["Content-Security-Policy"].split(";")
        if d.strip()
    }
    assert directives["default-src"] == ["'none'"]
    assert directives["base-uri"] == ["'none'"]
    assert directives["form-action"] == ["'self'"]
    assert "camera=()" in response["Permissions-Policy"]
    assert "geolocation=()" in response["Permissions-Policy"]
    assert response["Cross-Origin-Resource-Policy"] == "same-origin"


@pytest.mark.django_db
@pytest.mark.parametrize("path", PAGES)
def test_no_page_but_admins_allows_inline_styles(client, path):
    policy = client.get(path)["Content-Security-Policy"]
    assert "'unsafe-inline'" not in policy


@pytest.mark.django_db
def test_admin_alone_allows_inline_styles_for_its_widgets(client):
    policy = client.get("/admin/login/")["Content-Security-Policy"]
    style_src = next(d for d in policy.split(";") if d.strip().startswith("style-src"))
    assert "'unsafe-inline'" in style_src
    script_src = next(d for d in policy.split(";") if d.strip().startswith("script-src"))
    assert "'unsafe-inline'" not in script_src
