"""A member's session ends after SESSION_IDLE_MINUTES without a request (2 hours) and
SESSION_ABSOLUTE_DAYS after log-in (14 days), whatever the cookie says.

Visitors' sessions are left alone: they hold only the assessments being taken, which the
resume link opens again. The last-seen time is written at most once a minute, so a
member's pages do not each pay for a session write.
"""

import time

from django.conf import settings
from django.contrib.auth import logout
from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver

STARTED_KEY = "_member_since"
SEEN_KEY = "_member_seen"
WRITE_EVERY_SECONDS = 60


@receiver(user_logged_in, dispatch_uid="cto_assess.session_timeout.started")
def _started(sender, request, user, **kwargs):
    if request is not None and hasattr(request, "session"):
        now = int(time.time())
        request.session[STARTED_KEY] = request.session[SEEN_KEY] = now


class SessionTimeoutMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.user.is_authenticated:
            now = int(time.time())
            started = request.session.get(STARTED_KEY, now)
            seen = request.session.get(SEEN_KEY, now)
            idle = settings.SESSION_IDLE_MINUTES * 60
            absolute = settings.SESSION_ABSOLUTE_DAYS * 86400
            if now - seen > idle or now - started > absolute:
                logout(request)
            else:
                if STARTED_KEY not in request.session:
                    request.session[STARTED_KEY] = now
                if now - seen >= WRITE_EVERY_SECONDS or SEEN_KEY not in request.session:
                    request.session[SEEN_KEY] = now
        return self.get_response(request)
