"""The server-error handler: a database outage is a 503 'try again', not a crash."""

import logging
import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.template import loader

logger = logging.getLogger(__name__)
RETRY_AFTER_SECONDS = 30


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
    if isinstance(exc, OperationalError | InterfaceError):
        logger.warning("database unavailable: %s", exc)
        return service_unavailable()
    return HttpResponse(loader.get_template("500.html").render({}), status=500)
