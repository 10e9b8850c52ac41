import pytest

from tests.questionnaire import english_client


@pytest.fixture
def client():
    return english_client()
