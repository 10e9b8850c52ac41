"""The emailed sign-up link opened in another browser (a phone's mail app opens its own):
the assessment the person was taking where they asked for it still comes with them, as
long as they held it there and nobody replaced its link or took it since."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from pytest_django.asserts import assertContains, assertRedirects

from assessments.models import Assessment
from tests.questionnaire import english_browser, post_step, step_url

PASSWORD = "another-long-pass-77"
LINK = re.compile(r"https?://testserver(/accounts/signup/confirm/[^/\s]+/)")


def _ask(client, mailoutbox, email="newbie@example.com", **extra):
    """Step one in `client`; the link of the email it sent."""
    client.post(reverse("signup"), {"email": email, **extra})
    return LINK.search(mailoutbox[-1].body).group(1)


def _confirm_elsewhere(link):
    """Step two in a browser that never saw the assessment: (that browser, its response)."""
    elsewhere = english_browser()
    response = elsewhere.post(link, {"new_password1": PASSWORD, "new_password2": PASSWORD})
    return elsewhere, response


def test_the_assessment_started_here_comes_along_from_another_browser(
    visitor_draft, mailoutbox, django_user_model
):
    client, assessment = visitor_draft
    post_step(client, assessment, 1)
    step = step_url(assessment, 2)
    link = _ask(client, mailoutbox, next=step)

    elsewhere, response = _confirm_elsewhere(link)

    assertRedirects(response, step, fetch_redirect_response=False)
    assessment.refresh_from_db()
    assert assessment.owner == django_user_model.objects.get(username="newbie@example.com")
    page = elsewhere.get(step)
    assertContains(page, "The assessment you were taking is now saved to your account.")
    assert client.get(step).status_code == 404  # a member's now: the visitor's session lets go


def test_an_assessment_held_through_its_resume_link_comes_along_too(
    visitor_draft, resumed_client, mailoutbox
):
    _, assessment = visitor_draft
    link = _ask(resumed_client, mailoutbox)

    _confirm_elsewhere(link)

    assessment.refresh_from_db()
    assert assessment.owner.username == "newbie@example.com"


def test_a_resume_link_replaced_since_claims_nothing(visitor_draft, resumed_client, mailoutbox):
    client, assessment = visitor_draft
    link = _ask(resumed_client, mailoutbox)
    # The maker replaces the link (they sent it to the wrong person, say).
    client.post(reverse("assessments:new_resume_link", args=[assessment.pk]), {"page": "step"})

    elsewhere, response = _confirm_elsewhere(link)

    assertRedirects(response, reverse("dashboard"), fetch_redirect_response=False)
    assessment.refresh_from_db()
    assert assessment.owner is None
    assert client.get(step_url(assessment, 1)).status_code == 200  # still the maker's


def test_an_assessment_someone_else_kept_first_stays_theirs(
    visitor_draft, mailoutbox, django_user_model
):
    client, assessment = visitor_draft
    link = _ask(client, mailoutbox)
    first = _ask(client, mailoutbox, email="first@example.com")
    english_browser().post(first, {"new_password1": PASSWORD, "new_password2": PASSWORD})

    _confirm_elsewhere(link)

    assessment.refresh_from_db()
    assert assessment.owner.username == "first@example.com"
    assert django_user_model.objects.filter(username="newbie@example.com").exists()


def test_a_browser_holding_nothing_sends_a_link_that_claims_nothing(visitor_draft, mailoutbox):
    _, assessment = visitor_draft
    link = _ask(english_browser(), mailoutbox)

    _confirm_elsewhere(link)

    assessment.refresh_from_db()
    assert assessment.owner is None


@pytest.mark.parametrize("holding", [False, True], ids=["nothing", "an-assessment"])
def test_step_one_costs_the_same_queries_for_a_new_and_a_taken_address(
    visitor_draft, member, mailoutbox, holding
):
    """Holding an assessment adds its lookup to every answer, not only to the new one's."""
    client, _ = visitor_draft
    counts = []
    for email in ("someone.new@example.com", "mina@example.com"):
        asker = client if holding else english_browser()
        with CaptureQueriesContext(connection) as queries:
            asker.post(reverse("signup"), {"email": email})
        counts.append(len(queries))
    assert counts[0] == counts[1]
    assert Assessment.objects.filter(owner__isnull=False).count() == 0


def test_both_steps_run_a_bounded_number_of_queries_with_an_assessment_held(
    visitor_draft, mailoutbox, django_assert_max_num_queries
):
    client, assessment = visitor_draft
    with django_assert_max_num_queries(12):
        client.post(reverse("signup"), {"email": "newbie@example.com"})
    link = LINK.search(mailoutbox[-1].body).group(1)
    elsewhere = english_browser()
    with django_assert_max_num_queries(
        30
    ):  # the account, its profile, log-in (axes), the claim: 28
        elsewhere.post(link, {"new_password1": PASSWORD, "new_password2": PASSWORD})
    assessment.refresh_from_db()
    assert assessment.owner is not None
