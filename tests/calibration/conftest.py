import pytest

from tests.calibration.check_helpers import factory_bank
from tests.factories import CompletedAssessmentFactory
from tests.questionnaire import english_browser


@pytest.fixture
def bank(guide):
    """Three items with questions at levels 2, 3 and 4, made for the test."""
    return factory_bank()


@pytest.fixture
def own(member):
    client = english_browser()
    client.force_login(member)
    return client


@pytest.fixture
def all_fours(member, bank):
    assessment = CompletedAssessmentFactory(owner=member, default=4)
    return assessment
