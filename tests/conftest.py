"""Fixtures shared by the whole suite."""

import pytest
from django.utils import translation


@pytest.fixture(autouse=True)
def _reset_language():
    """Each test starts in the default language, whatever the previous one activated."""
    translation.activate("ja")
    yield
    translation.deactivate()
