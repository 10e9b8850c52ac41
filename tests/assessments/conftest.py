"""Fixtures of the assessments tests. The shared ones (the guide, personas) are in
tests/conftest.py, the functions that take the questionnaire in tests/questionnaire.py."""

import pytest

from tests.questionnaire import english_client


@pytest.fixture
def client():
    """pytest-django's client, asking for English pages."""
    return english_client()
