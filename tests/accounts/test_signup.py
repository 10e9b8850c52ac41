"""Signing up: the account, its profile, the visitor's draft that comes along, and where
the member goes next."""

import pytest
from django.urls import reverse
from pytest_django.asserts import assertContains, assertRedirects

from accounts.models import Profile
from assessments.models import Answer
from tests.questionnaire import english_client, post_step, step_url

DASHBOARD = reverse("dashboard")


def _signup(client, username="newbie", **extra):
    data = {
        "username": username,
        "email": f"{username}@example.com",
        "password1": "another-long-pass-77",
        "password2": "another-long-pass-77",
        **extra,
    }
    return client.post(reverse("signup"), data)


def test_signing_up_mid_assessment_keeps_the_draft(visitor_draft, django_user_model):
    client, assessment = visitor_draft
    post_step(client, assessment, 1)

    response = _signup(client)

    assertRedirects(response, DASHBOARD, fetch_redirect_response=False)
    user = django_user_model.objects.get(username="newbie")
    assessment.refresh_from_db()
    assert assessment.owner == user
    assert Answer.objects.filter(assessment=assessment).count() == 7
    page = client.get(DASHBOARD)
    assertContains(page, "The assessment you were taking is now saved to your account.")
    assertContains(page, reverse("assessments:detail", args=[assessment.pk]))
    assert client.get(step_url(assessment, 2)).status_code == 200


def test_signing_up_makes_the_account_and_its_one_profile(db, django_user_model):
    response = _signup(english_client())

    assertRedirects(response, DASHBOARD, fetch_redirect_response=False)
    user = django_user_model.objects.get(username="newbie")
    assert user.email == "newbie@example.com"
    assert user.check_password("another-long-pass-77")
    profile = Profile.objects.get(user=user)
    assert (profile.display_name, profile.preferred_language) == ("", "")


def test_a_signup_with_bad_data_is_400_and_claims_nothing(visitor_draft):
    client, assessment = visitor_draft
    response = _signup(client, password2="does-not-match-99")
    assert response.status_code == 400
    assessment.refresh_from_db()
    assert assessment.owner is None
    assert not Profile.objects.exists()


# --- where signup goes next (each of these was a bug: a 500, an open redirect, a lost way
# back to the assessment) -------------------------------------------------------------------


@pytest.mark.parametrize("next_url", ["nonsense", "https://evil.example/phish", "//evil.example"])
def test_signup_ignores_a_next_that_is_not_a_page_of_this_site(db, next_url):
    client = english_client()
    client.raise_request_exception = False
    response = _signup(client, next=next_url)
    assertRedirects(response, DASHBOARD, fetch_redirect_response=False)


def test_signing_up_from_a_step_goes_back_to_it(visitor_draft):
    client, assessment = visitor_draft
    step = step_url(assessment, 2)
    link = f"{reverse('signup')}?next={step}"
    client.get(step)  # the one-time resume link shows in place of the signup link
    assertContains(client.get(step), f'href="{link}"')
    assertContains(client.get(link), f'name="next" value="{step}"')

    response = _signup(client, next=step)

    assertRedirects(response, step)
    assessment.refresh_from_db()
    assert assessment.owner.username == "newbie"


def test_signup_is_not_for_members(member_client):
    assertRedirects(member_client.get(reverse("signup")), DASHBOARD)
