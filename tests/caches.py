"""A Redis cache for the test suite: clear() empties this process's keys only.

Under CACHE_URL=redis://... the suite's processes share one Redis database, and Django's
clear() would empty it for all of them in the middle of their tests.
"""

from cto_assess.caches import FailOpenRedisCache


class OwnKeysRedisCache(FailOpenRedisCache):
    def clear(self):
        client = self._cache.get_client(None, write=True)
        keys = list(client.scan_iter(match=self.make_key("*"), count=1000))
        if keys:
            client.delete(*keys)
        return True
