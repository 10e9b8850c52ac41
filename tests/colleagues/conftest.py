import pytest
from django.core.cache import cache

from tests.colleagues.helpers import SELF_LEVEL, open_round
from tests.factories import CompletedAssessmentFactory


@pytest.fixture
def report(guide, member):
    """The member's completed assessment (own level 2 on every item)."""
    return CompletedAssessmentFactory(owner=member, default=SELF_LEVEL)


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
