"""Responses that show a person's data are never stored by a browser or a proxy cache.

A response is private when the request is a member's, when its session holds a visitor's
assessment, or when its view says so (`private_response`: shared reports, whose viewer has
no session). Such responses get `Cache-Control: no-store, private` (and Django's other
never-cache headers), so the back button on a shared computer, a proxy or a CDN never
serves a report, an answer or an export to someone else.
"""

import functools

from django.utils.cache import add_never_cache_headers

# The session key under which a visitor's browser holds the assessments it took
# (assessments.access reads and writes it; a session that holds one is a person's).
VISITOR_SESSION_KEY = "assessment_ids"


def _is_private(request, response):
    if getattr(response, "shows_personal_data", False):
        return True
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return True
    session = getattr(request, "session", None)
    return bool(session is not None and session.get(VISITOR_SESSION_KEY))


class PrivateResponseMiddleware:
    """Marks private responses as never to be cached (see the module's docstring)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        # A view that chose private revalidation with an ETag (the API's reports) keeps it:
        # no-store beside an ETag would contradict it.
        if getattr(response, "revalidated_privately", False):
            return response
        if _is_private(request, response):
            add_never_cache_headers(response)
        return response


def private_response(view):
    """For views that show a person's data to a request without a session of theirs."""

    @functools.wraps(view)
    def wrapped(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        response.shows_personal_data = True
        return response

    return wrapped


CLEAR_SITE_DATA = '"cache", "cookies", "storage"'


def clear_site_data(response):
    """Asks the browser to forget what this site left in it (on logging out)."""
    response["Clear-Site-Data"] = CLEAR_SITE_DATA
    return response
