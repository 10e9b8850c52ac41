"""Settings for the test suite: the real settings with a fixed key and a fast hasher."""

import os
import uuid

os.environ.setdefault("SECRET_KEY", "test-only-secret-key-not-for-production-use-0123456789")
os.environ.setdefault("ALLOWED_HOSTS", "testserver,localhost,127.0.0.1")

os.environ.setdefault("SECURE_SSL_REDIRECT", "0")
os.environ.setdefault("SESSION_COOKIE_SECURE", "0")
os.environ.setdefault("CSRF_COOKIE_SECURE", "0")

from cto_assess.settings import *  # noqa: E402,F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# Tests never run collectstatic; serve files straight from the finders.
STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}  # noqa: F405
WHITENOISE_USE_FINDERS = True
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# The suite starts and renders far more than a person does; the rate limit tests set theirs.
RATE_LIMITS = dict.fromkeys(RATE_LIMITS, "100000/h")  # noqa: F405
# No background drawing threads outliving a test's database; tests that want it turn it on.
REPORT_WARM_ON_COMPLETE = False

# Tasks run at once in the test's process. Rendered files share the default cache (one
# store: clearing the cache clears both).
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
CACHES["files"] = dict(CACHES["default"])  # noqa: F405

# A shared cache (CACHE_URL=redis://...) outlives the run and serves every test process:
# each process keys its entries apart, and clearing empties its own keys only.
_RUN = uuid.uuid4().hex[:12]
for _cache in CACHES.values():  # noqa: F405
    _cache["KEY_PREFIX"] = f"{_cache.get('KEY_PREFIX', '')}-test-{_RUN}"
    if _cache["BACKEND"] == "cto_assess.caches.FailOpenRedisCache":
        _cache["BACKEND"] = "tests.caches.OwnKeysRedisCache"
