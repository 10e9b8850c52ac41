"""Members' sessions end after idle hours and after an absolute time; cookies carry the
__Host- prefix over HTTPS."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.urls import reverse

from cto_assess import session_timeout

ROOT = Path(__file__).resolve().parents[2]


def shift_session(client, **seconds_ago):
    session = client.session
    for key, ago in seconds_ago.items():
        session[key] = session[key] - ago
    session.save()


def test_a_member_stays_logged_in_while_active(member_client):
    shift_session(member_client, **{session_timeout.SEEN_KEY: 60 * 60})
    assert member_client.get(reverse("dashboard")).status_code == 200


def test_a_member_is_logged_out_after_two_idle_hours(member_client):
    shift_session(member_client, **{session_timeout.SEEN_KEY: 2 * 3600 + 5})
    response = member_client.get(reverse("dashboard"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_a_member_is_logged_out_fourteen_days_after_log_in_however_active(member_client):
    shift_session(member_client, **{session_timeout.STARTED_KEY: 14 * 86400 + 5})
    assert member_client.get(reverse("dashboard")).status_code == 302


@pytest.mark.parametrize(
    ("name", "expected"),
    [("SESSION_COOKIE_NAME", "__Host-sessionid"), ("CSRF_COOKIE_NAME", "__Host-csrftoken")],
)
def test_cookies_carry_the_host_prefix_over_https(name, expected):
    overrides = ("SECURE_", "SESSION_COOKIE_", "CSRF_COOKIE_", "DEBUG")
    env = {k: v for k, v in os.environ.items() if not k.startswith(overrides)}
    env.update(SECRET_KEY=secrets.token_urlsafe(50), DJANGO_SETTINGS_MODULE="cto_assess.settings")
    code = f"from django.conf import settings; print(settings.{name})"
    shown = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert shown.stdout.strip() == expected, shown.stderr
