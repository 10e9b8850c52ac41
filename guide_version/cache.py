"""What a process draws from the guide, kept until the guide's stamp changes.

Every request that uses it reads the stamp (one small query) and gets the values kept
under that stamp, or an empty set of them when it changed, so a change shows on the next
request in every process. Read the stamp before the content: content read after a
change committed between the two is kept under the old stamp, which no later request
asks for again.

Kept values are shared by every request of the process: treat them as read-only.
"""

import threading

from guide_version.models import THE_ROW, GuideVersion


def current_stamp():
    """The guide's stamp now, or None before anything has been written to the guide."""
    return GuideVersion.objects.filter(pk=THE_ROW).values_list("stamp", flat=True).first()


class Kept:
    """The values kept under one stamp."""

    def __init__(self, values):
        self._values = values

    def get(self, key, draw):
        """The value kept under `key`, drawn with `draw()` the first time."""
        try:
            return self._values[key]
        except KeyError:
            value = self._values[key] = draw()
            return value


class GuideCache:
    """One process's values drawn from the guide (a test makes two to act as two workers)."""

    def __init__(self):
        self._stamp = None
        self._values = {}
        self._lock = threading.Lock()

    def clear(self):
        with self._lock:
            self._stamp, self._values = None, {}

    def current(self):
        """The values kept under the guide's stamp now."""
        stamp = current_stamp()
        if stamp is None:
            return Kept({})  # no stamp to key by: nothing is kept
        with self._lock:
            if stamp != self._stamp:
                self._stamp, self._values = stamp, {}
            return Kept(self._values)


PROCESS_CACHE = GuideCache()


def guide_kept():
    """This process's values drawn from the guide as it is now."""
    return PROCESS_CACHE.current()
