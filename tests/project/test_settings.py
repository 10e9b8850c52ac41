import os
import subprocess
import sys
from pathlib import Path

import pytest

from cto_assess.env import envbool, envcaches, envint, envlist

ROOT = Path(__file__).resolve().parents[2]


def test_envbool_reads_common_spellings(monkeypatch):
    monkeypatch.setenv("FLAG", "yes")
    assert envbool("FLAG") is True
    monkeypatch.setenv("FLAG", "0")
    assert envbool("FLAG") is False
    monkeypatch.delenv("FLAG")
    assert envbool("FLAG", "true") is True


def test_envbool_refuses_nonsense(monkeypatch):
    monkeypatch.setenv("FLAG", "maybe")
    with pytest.raises(ValueError, match="FLAG"):
        envbool("FLAG")


def test_envint_and_envlist(monkeypatch):
    monkeypatch.setenv("N", " 4 ")
    assert envint("N", "1") == 4
    monkeypatch.setenv("HOSTS", "a.example, b.example,,")
    assert envlist("HOSTS") == ["a.example", "b.example"]


def test_caches_are_per_process_unless_cache_url_names_a_server(monkeypatch):
    monkeypatch.delenv("CACHE_URL", raising=False)
    default = envcaches("CACHE_URL")
    assert {c["BACKEND"] for c in default.values()} == {
        "django.core.cache.backends.locmem.LocMemCache"
    }
    monkeypatch.setenv("CACHE_URL", "redis://127.0.0.1:6379/1")
    shared = envcaches("CACHE_URL")
    assert shared["default"]["BACKEND"] == "cto_assess.caches.FailOpenRedisCache"
    assert shared["default"]["LOCATION"] == "redis://127.0.0.1:6379/1"
    assert shared["default"]["KEY_PREFIX"] == "cto-assess"
    monkeypatch.setenv("CACHE_URL", "dummy://")
    assert envcaches("CACHE_URL")["default"]["BACKEND"].endswith("DummyCache")


@pytest.mark.parametrize("url", ["memcached://127.0.0.1:11211", "127.0.0.1:6379", "redis"])
def test_a_cache_url_that_names_no_known_cache_is_refused(monkeypatch, url):
    monkeypatch.setenv("CACHE_URL", url)
    with pytest.raises(ValueError, match="CACHE_URL"):
        envcaches("CACHE_URL")


def _import_settings(extra_env):
    env = {k: v for k, v in os.environ.items() if k not in {"SECRET_KEY", "DEBUG"}}
    env.update(extra_env)
    env["DJANGO_SETTINGS_MODULE"] = "cto_assess.settings"
    code = "import django; django.setup(); from django.conf import settings; print(settings.DEBUG)"
    return subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True
    )


def test_it_refuses_to_start_without_secret_key_when_debug_is_off():
    result = _import_settings({})
    assert result.returncode != 0
    assert "SECRET_KEY is not set" in result.stderr


def test_it_starts_in_debug_without_secret_key():
    result = _import_settings({"DEBUG": "1"})
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "True"


def test_debug_is_off_unless_set():
    result = _import_settings({"SECRET_KEY": "x" * 50})
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "False"


def _manage(args, extra_env):
    env = {k: v for k, v in os.environ.items() if k not in {"SECRET_KEY", "DEBUG"}}
    env.pop("DJANGO_SETTINGS_MODULE", None)
    env.update(extra_env)
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True
    )


def test_manage_py_in_a_bare_checkout_runs_in_development_mode():
    result = _manage(["makemigrations", "--check", "--dry-run"], {})
    assert result.returncode == 0, result.stderr
    assert "development mode" in result.stderr


def test_manage_py_with_debug_off_and_no_key_says_why_it_stops():
    result = _manage(["check"], {"DEBUG": "0"})
    assert result.returncode != 0
    assert "SECRET_KEY is not set" in result.stderr
    assert "AppRegistryNotReady" not in result.stderr


def test_sqlite_waits_for_its_write_lock_instead_of_failing():
    code = (
        "from django.conf import settings; import django; django.setup(); "
        "print(settings.DATABASES['default']['OPTIONS'])"
    )
    env = {**os.environ, "DATABASE_URL": "sqlite:///x.sqlite3", "DEBUG": "1"}
    env["DJANGO_SETTINGS_MODULE"] = "cto_assess.settings"
    output = subprocess.run(
        [sys.executable, "-c", code], env=env, cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout
    assert "'transaction_mode': 'IMMEDIATE'" in output
    assert "journal_mode=WAL" in output


def _production_setting(name, extra_env=None):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SECURE_", "DEBUG"))}
    env.update(SECRET_KEY="x" * 50, DJANGO_SETTINGS_MODULE="cto_assess.settings")
    env.update(extra_env or {})
    setup = "import django; django.setup(); from django.conf import settings"
    code = f"{setup}; print(settings.{name})"
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_hsts_asks_for_the_preload_list_only_when_configured():
    """Preloading binds the domain and its subdomains to HTTPS for months in every browser:
    a decision for whoever runs it, not a default."""
    assert _production_setting("SECURE_HSTS_PRELOAD") == "False"
    assert _production_setting("SECURE_HSTS_PRELOAD", {"SECURE_HSTS_PRELOAD": "1"}) == "True"
