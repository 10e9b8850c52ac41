"""Fixtures shared by the whole suite."""

import pytest
from django.utils import translation


@pytest.fixture(autouse=True)
def _reset_language():
    """Each test starts in the default language, whatever the previous one activated."""
    translation.activate("ja")
    yield
    translation.deactivate()


@pytest.fixture(autouse=True, scope="session")
def _own_cache_keys_removed_at_the_end():
    """A shared cache (Redis) keeps nothing of this run once it is over."""
    yield
    from django.core.cache import caches

    for name in caches.settings:
        caches[name].clear()
