"""The server-error handler: a database outage is a 503 'try again', not a crash; under
/api/v1/ every such answer is JSON in the API's error format, never a page."""

import logging
import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse, JsonResponse
from django.template import loader

logger = logging.getLogger(__name__)
RETRY_AFTER_SECONDS = 30


API_PREFIX = "/api/v1/"  # the API itself; /api/tokens/ are pages


def is_api(request):
    return request is not None and request.path_info.startswith(API_PREFIX)


def api_error(code, message, status, **headers):
    """The API's error body: {"error": {"code": ..., "message": ...}} (api/v1.py)."""
    response = JsonResponse({"error": {"code": code, "message": message}}, status=status)
    for name, value in headers.items():
        response[name] = value
    return response


def service_unavailable(retry_after=RETRY_AFTER_SECONDS, message=""):
    """The 503 page with Retry-After: something the app needs is away for a while (the
    database, unless `message` says what)."""
    body = loader.get_template("503.html").render({"message": message})
    response = HttpResponse(body, status=503)
    response["Retry-After"] = str(retry_after)
    return response


def server_error(request):
    """handler500: 503 with Retry-After when the database is unreachable, else 500.

    Both pages render without the database (no session, no user) and show no detail.
    """
    _, exc, _ = sys.exc_info()
    outage = isinstance(exc, OperationalError | InterfaceError)
    if outage:
        logger.warning("database unavailable: %s", exc)
    if is_api(request) and outage:
        return api_error(
            "unavailable",
            "The service cannot reach its database. Try again shortly.",
            503,
            **{"Retry-After": str(RETRY_AFTER_SECONDS)},
        )
    if is_api(request):
        return api_error("server_error", "Something went wrong on our side.", 500)
    if outage:
        return service_unavailable()
    return HttpResponse(loader.get_template("500.html").render({}), status=500)
