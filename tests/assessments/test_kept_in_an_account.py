"""The browser that was taking a visitor's assessment, once it is kept in an account from
elsewhere (the emailed sign-up link opened on a phone, say): a 404 that says to log in,
with a way back to the same page. Nobody else learns anything: the plain 404."""

from urllib.parse import quote

import pytest
from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains

from tests.questionnaire import english_browser, step_url

KEPT = "is now kept in an account"


@pytest.fixture
def kept_elsewhere(visitor_draft, django_user_model):
    client, assessment = visitor_draft
    member = django_user_model.objects.create_user("kept", "kept@example.com", "x-Passw0rd-9x")
    assessment.owner = member
    assessment.save(update_fields=["owner"])
    return client, assessment, member


def test_the_browser_that_held_it_is_told_to_log_in(kept_elsewhere, django_assert_max_num_queries):
    client, assessment, _ = kept_elsewhere
    step = step_url(assessment, 1)
    with django_assert_max_num_queries(4):
        response = client.get(step)
    assert response.status_code == 404
    assertContains(response, KEPT, status_code=404)
    assertContains(response, f"{reverse('login')}?next={quote(step)}", status_code=404)


def test_after_logging_in_there_the_page_opens(kept_elsewhere):
    client, assessment, member = kept_elsewhere
    client.force_login(member)
    assert client.get(step_url(assessment, 1)).status_code == 200


@pytest.mark.parametrize("who", ["stranger", "another member"])
def test_anyone_else_gets_the_plain_page(kept_elsewhere, django_user_model, who):
    _, assessment, _ = kept_elsewhere
    other = english_browser()
    if who == "another member":
        other.force_login(django_user_model.objects.create_user("o", "o@example.com", "x-Pw-91z"))
    response = other.get(step_url(assessment, 1))
    assertNotContains(response, KEPT, status_code=404)
    assertContains(response, "There is nothing here", status_code=404)


def test_a_page_that_was_never_there_is_the_plain_page(visitor_draft):
    client, _ = visitor_draft
    response = client.get("/assessments/00000000-0000-0000-0000-000000000000/step/1/")
    assertNotContains(response, KEPT, status_code=404)
