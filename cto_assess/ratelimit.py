"""Rate limits on the costly or abusable actions, counted in Django's configured cache.

RATE_LIMITS in settings names each limit as "count/period" ("20/h", "5/10m"); the
environment overrides one with RATE_LIMIT_<NAME> (RATE_LIMIT_PDF=60/h). A member is counted
by account, anyone else by client address (cto_assess.client_address). Past the limit the
answer is a 429 page in the visitor's language with Retry-After. Fixed windows: cheap (one
add and one incr), and with a shared cache (Redis) every server counts together.
"""

import functools
import re
import time
from datetime import timedelta

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.template import loader
from django.utils import timezone

from cto_assess.caches import CacheUnavailable
from cto_assess.client_address import client_address

_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400}
_RATE = re.compile(r"^\s*(\d+)\s*/\s*(\d*)\s*([smhd])\s*$")


def parse_rate(rate):
    """'20/h' -> (20, 3600); '5/10m' -> (5, 600). ValueError for anything else."""
    match = _RATE.match(rate or "")
    if not match:
        raise ValueError(f"A rate limit reads like '20/h' or '5/10m', not {rate!r}")
    count, multiple, unit = match.groups()
    return int(count), int(multiple or 1) * _UNITS[unit]


def _who(request):
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return f"user:{user.pk}"
    return f"addr:{client_address(request) or 'unknown'}"


def over_limit(request, name, *, scope=None):
    """Counts this request against limit `name`; seconds to wait if over it, else None.

    `scope` counts something other than the person, for everyone together (an assessment,
    say: "assessment:<id>")."""
    limit, period = parse_rate(settings.RATE_LIMITS[name])
    now = int(time.time())
    window = now // period
    key = f"ratelimit:{name}:{scope or _who(request)}:{window}"
    cache.add(key, 0, timeout=period + 1)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.add(key, 1, timeout=period + 1)
        count = 1
    except CacheUnavailable:
        # Fail open: the cache logged a warning; better no limit for a while than no site.
        return None
    if count > limit:
        return (window + 1) * period - now
    return None


def too_many_requests(retry_after):
    """The 429 page, saying when to come back: in the site's time zone, which the
    browser turns into the person's own (static/js/local-time.js)."""
    retry_after = max(1, retry_after)
    back = timezone.localtime(timezone.now() + timedelta(seconds=retry_after))
    context = {"back": back, "minutes": max(1, round(retry_after / 60))}
    response = HttpResponse(loader.render_to_string("429.html", context), status=429)
    response["Retry-After"] = str(retry_after)
    return response


def ratelimited(name, *, methods=("POST",), when=None):
    """Limit a view by RATE_LIMITS[name], for the given methods (and when `when(**kwargs)`
    says so, e.g. only for the PDF format)."""

    def decorator(view):
        @functools.wraps(view)
        def wrapped(request, *args, **kwargs):
            if request.method in methods and (when is None or when(**kwargs)):
                retry_after = over_limit(request, name)
                if retry_after is not None:
                    return too_many_requests(retry_after)
            return view(request, *args, **kwargs)

        return wrapped

    return decorator
