"""Tiny helpers that read settings from the environment (in the manner of healthchecks)."""

import os

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}


def env(name: str, default: str = "") -> str:
    """A setting's text as the environment gives it, or `default`."""
    return os.getenv(name, default)


def envbool(name: str, default: str = "False") -> bool:
    value = os.getenv(name, default).strip().lower()
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise ValueError(f"{name} must be one of true/false/1/0/yes/no/on/off, got {value!r}")


def envint(name: str, default: str) -> int:
    value = os.getenv(name, default).strip()
    try:
        return int(value)
    except ValueError:
        raise ValueError(f"{name} must be an integer, got {value!r}") from None


def envlist(name: str, default: str = "") -> list[str]:
    return [part.strip() for part in os.getenv(name, default).split(",") if part.strip()]


def envcaches(name: str, default: str = "locmem://") -> dict:
    """CACHES from a URL: locmem:// (each process its own), redis://host:port/db, dummy://."""
    url = os.getenv(name, default).strip() or default
    scheme = url.split("://", 1)[0].lower() if "://" in url else ""
    if scheme == "locmem":
        backend = {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "reports",
            "OPTIONS": {"MAX_ENTRIES": 300},
        }
    elif scheme in ("redis", "rediss", "unix"):
        # Fails open: while Redis is away the app serves without it (cto_assess/caches.py),
        # and a Redis that hangs holds a request a second or two, not a worker's lifetime.
        backend = {
            "BACKEND": "cto_assess.caches.FailOpenRedisCache",
            "LOCATION": url,
            "KEY_PREFIX": "cto-assess",
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 2},
        }
    elif scheme == "dummy":
        backend = {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}
    else:
        raise ValueError(
            f"{name} must be locmem://, dummy:// or a redis:// (rediss://, unix://) URL, "
            f"got {url!r}"
        )
    return {"default": backend}


def envfilescache(name: str, cache_url_name: str, directory) -> dict:
    """The cache of rendered report files, which the web processes and the task worker
    share: the Redis of `cache_url_name` when it names one, else files in `directory`
    (one machine's processes), or what `name` says (file:///path, redis://..., dummy://)."""
    url = os.getenv(name, "").strip()
    if not url:
        main = os.getenv(cache_url_name, "").strip()
        scheme = main.split("://", 1)[0].lower() if "://" in main else ""
        url = main if scheme in ("redis", "rediss", "unix", "dummy") else f"file://{directory}"
    if url.startswith("file://"):
        return {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": url.removeprefix("file://"),
            "OPTIONS": {"MAX_ENTRIES": 2000},
        }
    files = envcaches(name, url)["default"]
    if "KEY_PREFIX" in files:
        files["KEY_PREFIX"] = "cto-assess-files"
    return files
