"""The slower, per-username limit on wrong passwords, beside django-axes' own.

Axes locks a username from one address (AXES_FAILURE_LIMIT), so someone guessing from
another address cannot lock the owner out. Guessing one username from many addresses is
still bounded: once AXES_USERNAME_FAILURE_LIMIT failures from all addresses together sit
within the cool-off time, the username is refused everywhere until they age out.
"""

from axes.exceptions import AxesBackendPermissionDenied
from axes.models import AccessAttempt
from django.conf import settings
from django.db.models import Sum
from django.utils import timezone


def username_failures(username):
    """Wrong passwords for this username from every address within the cool-off time."""
    since = timezone.now() - settings.AXES_COOLOFF_TIME
    total = AccessAttempt.objects.filter(username=username, attempt_time__gte=since).aggregate(
        total=Sum("failures_since_start")
    )["total"]
    return total or 0


class UsernameLimitBackend:
    """Refuses a log-in (as axes does: its lockout page) while the username is over its
    limit; authenticates nobody itself, and has no get_user, so that force_login and
    sessions pick the model backend."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None or not username:
            return None
        if username_failures(username) >= settings.AXES_USERNAME_FAILURE_LIMIT:
            request.axes_locked_out = True
            raise AxesBackendPermissionDenied("Too many failures for this username")
        return None


def login_name(value):
    """The name a log-in checks: an email address in lower case (as signing up keeps it),
    any other username as typed."""
    value = (value or "").strip()
    return value.lower() if "@" in value else value


def login_name_of(request, credentials):
    """django-axes' AXES_USERNAME_CALLABLE: count failures under the same name."""
    data = credentials or getattr(request, "POST", {})
    return login_name(data.get("username"))
