"""The health check that load balancers and docker-compose poll."""

import logging

from django.db import DatabaseError, connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

logger = logging.getLogger(__name__)


@require_GET
@never_cache
def healthz(request):
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError as exc:
        logger.warning("healthz: database check failed: %s", exc)
        return JsonResponse(
            {"status": "error", "database": "error", "detail": "database query failed"},
            status=503,
        )
    return JsonResponse({"status": "ok", "database": "ok"})
