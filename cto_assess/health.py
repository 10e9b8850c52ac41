"""The health check that load balancers and docker-compose poll.

It answers 200 while the app can serve, which is while the database answers: a cache or
task queue that is away makes the app slower (pages drawn afresh, no rate limits, PDFs
waiting) but not unable to serve, so they are named ("error") with "status": "degraded"
and the answer stays 200; taking the node out of the balancer would not help. Without
the database, 503.
"""

import logging

from django.conf import settings
from django.core.cache import caches
from django.db import DatabaseError, connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

logger = logging.getLogger(__name__)

PROBE_KEY = "healthz:probe"


def _database_ok():
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError as exc:
        logger.warning("healthz: database check failed: %s", exc)
        return False
    return True


def _cache_ok(alias):
    cache = caches[alias]
    try:
        if hasattr(cache, "probe"):  # Redis, failing open: ask Redis itself
            cache.probe()
        else:
            cache.set(PROBE_KEY, "1", 10)
    except Exception as exc:  # noqa: BLE001 (any failure means "error", with a warning)
        logger.warning("healthz: cache %r check failed: %s", alias, exc)
        return False
    return True


def _tasks_ok():
    """Can tasks be queued? The database's queue table, or RQ's Redis."""
    try:
        if settings.TASKS_BACKEND == "database":
            from django_tasks_db.models import DBTaskResult

            DBTaskResult.objects.ready().exists()
        elif settings.TASKS_BACKEND == "rq":
            import django_rq

            django_rq.get_connection("default").ping()
    except Exception as exc:  # noqa: BLE001
        logger.warning("healthz: task queue check failed: %s", exc)
        return False
    return True


def _word(ok):
    return "ok" if ok else "error"


@require_GET
@never_cache
def healthz(request):
    if not _database_ok():
        return JsonResponse(
            {"status": "error", "database": "error", "detail": "database query failed"},
            status=503,
        )
    checks = {
        "cache": _cache_ok("default") and _cache_ok("files"),
        "tasks": _tasks_ok(),
    }
    return JsonResponse(
        {
            "status": "ok" if all(checks.values()) else "degraded",
            "database": "ok",
            **{name: _word(ok) for name, ok in checks.items()},
        }
    )
