"""Django's Redis cache, failing open: while Redis cannot be reached the app serves on as
if the cache were empty and kept nothing.

Everything the app keeps in the cache can be done without: rendered report pages and
files are drawn again, and a rate limit that cannot count lets the request through
(cto_assess/ratelimit.py). So a Redis outage costs speed and the limits, never a page:
each failing call logs a warning (at most one per RETRY_SECONDS), answers what an empty
cache answers, and Redis is not asked again for RETRY_SECONDS, so that a Redis that
hangs rather than refuses delays one request, not every one. /healthz asks it directly
(`probe`) and says "cache": "error" meanwhile.
"""

import logging
import time

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)

RETRY_SECONDS = 5


class CacheUnavailable(Exception):
    """A counter (incr) could not be read: the cache is down."""


class FailOpenRedisCache(RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._down_until = 0.0

    def is_down(self):
        return time.monotonic() < self._down_until

    def _failed(self, operation, exc):
        if not self.is_down():
            logger.warning(
                "Cache unavailable (%s: %s): serving without it for %d s",
                operation,
                exc,
                RETRY_SECONDS,
            )
        self._down_until = time.monotonic() + RETRY_SECONDS

    def _call(self, operation, default, *args, **kwargs):
        if self.is_down():
            return default
        try:
            return getattr(super(), operation)(*args, **kwargs)
        except RedisError as exc:
            self._failed(operation, exc)
            return default

    def probe(self):
        """Ask Redis itself (raises RedisError when it does not answer)."""
        self._cache.get_client(None, write=True).ping()

    def get(self, key, default=None, version=None):
        return self._call("get", default, key, default, version)

    def get_many(self, keys, version=None):
        return self._call("get_many", {}, keys, version)

    def has_key(self, key, version=None):
        return self._call("has_key", False, key, version)

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call("add", False, key, value, timeout, version=version)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call("set", None, key, value, timeout, version=version)

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call("set_many", list(data), data, timeout, version=version)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call("touch", False, key, timeout, version=version)

    def delete(self, key, version=None):
        return self._call("delete", False, key, version)

    def delete_many(self, keys, version=None):
        return self._call("delete_many", None, keys, version)

    def clear(self):
        return self._call("clear", False)

    def incr(self, key, delta=1, version=None):
        unavailable = object()
        value = self._call("incr", unavailable, key, delta, version)
        if value is unavailable:
            raise CacheUnavailable(key)
        return value
