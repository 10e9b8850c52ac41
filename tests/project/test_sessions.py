"""Members' sessions end after idle hours and after an absolute time; cookies carry the
__Host- prefix over HTTPS."""

import os
import secrets
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.urls import reverse

from cto_assess import session_timeout

ROOT = Path(__file__).resolve().parents[2]


def started_ago(client, seconds):
    session = client.session
    session[session_timeout.STARTED_KEY] -= seconds
    session.save()


def seen_ago(client, seconds):
    """The signed last-seen cookie, as the app would have set it `seconds` ago."""
    from django.http import HttpResponse

    response = HttpResponse()
    response.set_signed_cookie(
        session_timeout.seen_cookie_name(),
        session_timeout.seen_value(client.session.session_key, int(time.time()) - seconds),
        salt=session_timeout.SEEN_SALT,
    )
    client.cookies.update(response.cookies)


def test_a_member_stays_logged_in_while_active(member_client):
    started_ago(member_client, 3 * 3600)
    seen_ago(member_client, 3600)
    assert member_client.get(reverse("dashboard")).status_code == 200


def test_a_member_is_logged_out_after_two_idle_hours(member_client):
    started_ago(member_client, 3 * 3600)
    seen_ago(member_client, 2 * 3600 + 5)
    response = member_client.get(reverse("dashboard"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_without_the_last_seen_cookie_idle_time_counts_from_log_in(member_client):
    started_ago(member_client, 2 * 3600 + 5)
    assert member_client.get(reverse("dashboard")).status_code == 302


def test_a_forged_last_seen_cookie_counts_for_nothing(member_client):
    started_ago(member_client, 2 * 3600 + 5)
    member_client.cookies[session_timeout.seen_cookie_name()] = str(int(time.time()))
    assert member_client.get(reverse("dashboard")).status_code == 302


def test_another_members_fresh_cookie_does_not_keep_an_idle_session_alive(
    member_client, other_member_client
):
    started_ago(member_client, 3 * 3600)
    seen_ago(member_client, 2 * 3600 + 5)
    response = other_member_client.get(reverse("dashboard"))
    fresh = response.cookies[session_timeout.seen_cookie_name()]
    member_client.cookies[session_timeout.seen_cookie_name()] = fresh.value

    response = member_client.get(reverse("dashboard"))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_a_member_is_logged_out_fourteen_days_after_log_in_however_active(member_client):
    started_ago(member_client, 14 * 86400 + 5)
    seen_ago(member_client, 0)
    assert member_client.get(reverse("dashboard")).status_code == 302


def test_each_request_moves_the_last_seen_time(member_client):
    started_ago(member_client, 3 * 3600)
    seen_ago(member_client, 3600)
    response = member_client.get(reverse("dashboard"))
    assert session_timeout.seen_cookie_name() in response.cookies


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
