"""A member's session ends after SESSION_IDLE_MINUTES without a request (2 hours) and
SESSION_ABSOLUTE_DAYS after log-in (14 days), whatever the session cookie says.

The log-in time is in the session (written at log-in, which writes the session anyway);
the last request's time is in a signed cookie of its own, so that no page pays for a
session write and every page keeps a fixed number of queries. The cookie names the
session it was set for (a digest of its key), so another session's fresh cookie counts
for nothing beside an idle one. Without that cookie (a stolen session cookie alone) the
idle time counts from log-in. Visitors' sessions are
left alone: they hold only the assessments being taken, which resume links reopen.
"""

import time

from django.conf import settings
from django.contrib.auth import logout
from django.contrib.auth.signals import user_logged_in
from django.core import signing
from django.dispatch import receiver
from django.utils.crypto import constant_time_compare, salted_hmac

STARTED_KEY = "_member_since"
SEEN_SALT = "cto_assess.session_timeout.seen"
REFRESH_EVERY_SECONDS = 60


def seen_cookie_name():
    return "__Host-member_seen" if settings.SESSION_COOKIE_SECURE else "member_seen"


@receiver(user_logged_in, dispatch_uid="cto_assess.session_timeout.started")
def _started(sender, request, user, **kwargs):
    if request is not None and hasattr(request, "session"):
        request.session[STARTED_KEY] = int(time.time())


def _session_digest(session_key):
    return salted_hmac(SEEN_SALT, session_key or "").hexdigest()[:32]


def seen_value(session_key, when):
    """The cookie's value: the time, and the session it belongs to."""
    return f"{int(when)}:{_session_digest(session_key)}"


def _last_seen(request, default):
    try:
        value = request.get_signed_cookie(seen_cookie_name(), salt=SEEN_SALT)
        when, digest = value.split(":", 1)
        if not constant_time_compare(digest, _session_digest(request.session.session_key)):
            return default
        return int(when)
    except (KeyError, ValueError, signing.BadSignature):
        return default


class SessionTimeoutMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not request.user.is_authenticated:
            return self.get_response(request)
        now = int(time.time())
        if STARTED_KEY not in request.session:  # a session from before this middleware
            request.session[STARTED_KEY] = now
        started = request.session[STARTED_KEY]
        seen = _last_seen(request, default=started)
        idle = settings.SESSION_IDLE_MINUTES * 60
        absolute = settings.SESSION_ABSOLUTE_DAYS * 86400
        if now - seen > idle or now - started > absolute:
            logout(request)
            return self.get_response(request)
        response = self.get_response(request)
        if now - seen >= REFRESH_EVERY_SECONDS or seen == started:
            response.set_signed_cookie(
                seen_cookie_name(),
                seen_value(request.session.session_key, now),
                salt=SEEN_SALT,
                max_age=idle,
                secure=settings.SESSION_COOKIE_SECURE,
                httponly=True,
                samesite=settings.SESSION_COOKIE_SAMESITE,
            )
        return response
