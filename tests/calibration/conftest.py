import pytest

from tests.assessments.report_helpers import complete_assessment
from tests.calibration.check_helpers import factory_bank
from tests.questionnaire import english_client


@pytest.fixture
def client():
    return english_client()


@pytest.fixture
def bank(guide):
    """Three items with questions at levels 2, 3 and 4, made for the test."""
    return factory_bank()


@pytest.fixture
def own(member):
    client = english_client()
    client.force_login(member)
    return client


@pytest.fixture
def all_fours(member, bank):
    assessment, _ = complete_assessment(owner=member, default=4)
    return assessment
