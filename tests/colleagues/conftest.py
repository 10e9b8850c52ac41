import pytest
from django.core.cache import cache

from tests.colleagues.helpers import completed, open_round
from tests.questionnaire import english_client


@pytest.fixture
def client():
    return english_client()


@pytest.fixture
def report(guide, member):
    """The member's completed assessment (own level 2 on every item)."""
    return completed(owner=member)


@pytest.fixture
def round_(report):
    """An open round on the report's default items."""
    return open_round(report)


@pytest.fixture(autouse=True)
def _empty_cache():
    """Rate-limit counters and report drawings of one test never reach the next."""
    cache.clear()
    yield
    cache.clear()
