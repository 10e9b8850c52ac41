"""The slower, per-username limit on wrong passwords, beside django-axes' own.

Axes locks a username from one address (AXES_FAILURE_LIMIT), so someone guessing from
another address cannot lock the owner out, and a failure during a lockout neither counts
nor restarts the cool-off (AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT is off).

Guessing one username from many addresses is still bounded, without handing a stranger a
switch that locks the owner out: each address counts at most AXES_FAILURE_LIMIT failures
towards the username-wide AXES_USERNAME_FAILURE_LIMIT, so one address (or one NAT) can
never reach it; past it, the username waits AXES_USERNAME_DELAY_SECONDS after its latest
failure, doubled for each failure beyond the limit and never more than the cool-off time.
A refused attempt is not a failure: it adds nothing and restarts nothing, so the owner
who knows the password gets in once the wait is over (or at once by resetting it).
"""

from datetime import timedelta

from axes.exceptions import AxesBackendPermissionDenied
from axes.models import AccessAttempt
from django.conf import settings
from django.db.models import Max, Sum
from django.utils import timezone


def _recent(username, now):
    since = now - settings.AXES_COOLOFF_TIME
    return (
        AccessAttempt.objects.filter(username=username, attempt_time__gte=since)
        .values("ip_address")
        .annotate(failures=Sum("failures_since_start"), last=Max("attempt_time"))
    )


def username_failures(username, now=None):
    """Wrong passwords for this username within the cool-off time, from every address
    together, each address counting at most AXES_FAILURE_LIMIT."""
    rows = _recent(username, now or timezone.now())
    return sum(min(row["failures"], settings.AXES_FAILURE_LIMIT) for row in rows)


def username_wait(username, now=None):
    """Seconds this username must still wait before any address may try it, or 0."""
    now = now or timezone.now()
    rows = list(_recent(username, now))
    failures = sum(min(row["failures"], settings.AXES_FAILURE_LIMIT) for row in rows)
    excess = failures - settings.AXES_USERNAME_FAILURE_LIMIT
    if excess < 0:
        return 0
    cool_off = settings.AXES_COOLOFF_TIME.total_seconds()
    # 2 ** excess stays small: excess is bounded by the addresses that guessed.
    delay = min(cool_off, settings.AXES_USERNAME_DELAY_SECONDS * 2 ** min(excess, 32))
    latest = max(row["last"] for row in rows)
    remaining = (latest + timedelta(seconds=delay) - now).total_seconds()
    return max(0, int(remaining + 0.999))


class UsernameLimitBackend:
    """Refuses a log-in (as axes does: its lockout page) while the username waits;
    authenticates nobody itself, and has no get_user, so that force_login and sessions
    pick the model backend."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None or not username:
            return None
        if username_wait(login_name(username)):
            # Marked as locked out: axes then records no failure for this attempt.
            request.axes_locked_out = True
            raise AxesBackendPermissionDenied("This username waits after many failures")
        return None


def username_locks_lift(user):
    """Forget the failures recorded against this member's log-in names (after they chose
    a new password through the emailed link: whoever guessed the old one is beside the
    point now)."""
    names = {login_name(user.get_username()), login_name(user.email)} - {""}
    AccessAttempt.objects.filter(username__in=names).delete()


def login_name(value):
    """The name a log-in checks: an email address in lower case (as signing up keeps it),
    any other username as typed."""
    value = (value or "").strip()
    return value.lower() if "@" in value else value


def login_name_of(request, credentials):
    """django-axes' AXES_USERNAME_CALLABLE: count failures under the same name."""
    data = credentials or getattr(request, "POST", {})
    return login_name(data.get("username"))
