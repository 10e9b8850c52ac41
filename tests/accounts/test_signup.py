"""Signing up by email: the same answer whether or not the address has an account, the
link that makes the account, the visitor's draft that comes along, and where the member
goes next."""

import re

import pytest
from django.core import signing
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from pytest_django.asserts import assertContains, assertRedirects, assertTemplateUsed

from accounts.models import Profile
from accounts.signup import SALT, signup_link_token
from assessments.models import Answer
from tests.questionnaire import english_browser, post_step, step_url

DASHBOARD = reverse("dashboard")
SENT = reverse("signup_sent")
PASSWORD = "another-long-pass-77"
LINK = re.compile(r"https?://testserver(/accounts/signup/confirm/[^/\s]+/)")


def _ask(client, email="newbie@example.com", **extra):
    return client.post(reverse("signup"), {"email": email, **extra})


def _link_in(message):
    match = LINK.search(message.body)
    assert match, message.body
    return match.group(1)


def _sign_up(client, mailoutbox, email="newbie@example.com", **extra):
    """Step one, the email, step two: the member's response to their password."""
    assertRedirects(_ask(client, email, **extra), SENT, fetch_redirect_response=False)
    link = _link_in(mailoutbox[-1])
    assertContains(client.get(link), "Choose your password")
    return client.post(link, {"new_password1": PASSWORD, "new_password2": PASSWORD})


def test_signing_up_mid_assessment_keeps_the_draft(visitor_draft, django_user_model, mailoutbox):
    client, assessment = visitor_draft
    post_step(client, assessment, 1)

    response = _sign_up(client, mailoutbox)

    assertRedirects(response, DASHBOARD, fetch_redirect_response=False)
    user = django_user_model.objects.get(username="newbie@example.com")
    assessment.refresh_from_db()
    assert assessment.owner == user
    assert Answer.objects.filter(assessment=assessment).count() == 7
    page = client.get(DASHBOARD)
    assertContains(page, "The assessment you were taking is now saved to your account.")
    assertContains(page, reverse("assessments:detail", args=[assessment.pk]))
    assert client.get(step_url(assessment, 2)).status_code == 200


def test_signing_up_makes_the_account_and_its_one_profile(db, django_user_model, mailoutbox):
    client = english_browser()
    response = _sign_up(client, mailoutbox, email="NewBie@Example.com")

    assertRedirects(response, DASHBOARD, fetch_redirect_response=False)
    user = django_user_model.objects.get()
    assert (user.username, user.email) == ("newbie@example.com", "newbie@example.com")
    assert user.check_password(PASSWORD)
    profile = Profile.objects.get(user=user)
    assert (profile.display_name, profile.preferred_language) == ("", "")
    assert mailoutbox[0].to == ["newbie@example.com"]
    # and the member logs in with the address, however they capitalise it
    client.post(reverse("logout"))
    login = client.post(reverse("login"), {"username": "NEWBIE@example.com", "password": PASSWORD})
    assertRedirects(login, DASHBOARD, fetch_redirect_response=False)


# --- the same answer whether or not the address has an account -------------------------


def _answer(client, email):
    """What step one shows the person who typed `email`: the redirect, then the page,
    with the address and the form's CSRF token taken out; and the queries it cost."""
    with CaptureQueriesContext(connection) as queries:
        response = _ask(client, email)
    page = client.get(response["Location"])
    body = page.content.decode().replace(email.lower(), "EMAIL")
    body = re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", body)
    return (response.status_code, response["Location"], page.status_code, body), len(queries)


@pytest.mark.parametrize(
    "taken", ["mina@example.com", "MINA@example.com"], ids=["address", "capitals"]
)
def test_an_address_with_an_account_gets_the_same_answer_and_an_email_saying_so(
    member, django_user_model, mailoutbox, taken
):
    new_answer, new_queries = _answer(english_browser(), "someone.new@example.com")
    taken_answer, taken_queries = _answer(english_browser(), taken)

    assert taken_answer == new_answer
    assert taken_queries == new_queries
    assert len(mailoutbox) == 2  # one each, to the address typed
    existing = mailoutbox[1]
    assert "already has one" in existing.body
    assert "/accounts/login/" in existing.body and "/accounts/password_reset/" in existing.body
    assert not LINK.search(existing.body)  # nothing to make a second account with
    assert django_user_model.objects.count() == 1


def test_a_login_name_that_is_an_address_counts_as_taken(django_user_model, mailoutbox):
    django_user_model.objects.create_user("kai@example.com", "", "x-Passw0rd-long")
    _ask(english_browser(), "kai@example.com")
    assert "already has one" in mailoutbox[0].body


def test_the_emails_speak_the_language_of_the_page(db, mailoutbox):
    _ask(Client(HTTP_ACCEPT_LANGUAGE="ja"), "hana@example.com")
    assert "パスワード" in mailoutbox[0].body


def test_a_bad_address_is_400_and_sends_nothing(visitor_draft, mailoutbox):
    client, assessment = visitor_draft
    for email in ("not-an-address", "a!b@example.com", f"{'x' * 140}@example.com"):
        assert _ask(client, email).status_code == 400, email
    assert mailoutbox == []
    assessment.refresh_from_db()
    assert assessment.owner is None


# --- the link --------------------------------------------------------------------------


def test_a_link_makes_one_account_only(db, django_user_model, mailoutbox):
    client = english_browser()
    _sign_up(client, mailoutbox)
    link = _link_in(mailoutbox[0])

    again = english_browser().post(link, {"new_password1": PASSWORD, "new_password2": PASSWORD})

    assertContains(again, "You already have an account")
    assert django_user_model.objects.count() == 1


@pytest.mark.parametrize("case", ["forged", "expired", "damaged"])
def test_a_link_that_is_forged_damaged_or_expired_is_refused(db, settings, case, mailoutbox):
    token = signup_link_token(email="newbie@example.com", next_url="")
    if case == "forged":
        token = signing.dumps({"email": "newbie@example.com"}, salt=SALT, key="not-the-key")
    elif case == "damaged":
        token = token[:-3]
    else:
        settings.SIGNUP_LINK_HOURS = 0
    url = reverse("signup_confirm", args=[token])
    client = english_browser()
    response = client.post(url, {"new_password1": PASSWORD, "new_password2": PASSWORD})
    assert response.status_code == 400
    assertContains(response, "This link does not work", status_code=400)
    assert "_auth_user_id" not in client.session


def test_a_weak_password_is_400_and_makes_nothing(visitor_draft, django_user_model, mailoutbox):
    client, assessment = visitor_draft
    _ask(client)
    link = _link_in(mailoutbox[0])
    response = client.post(link, {"new_password1": "newbie", "new_password2": "newbie"})
    assert response.status_code == 400
    assert not django_user_model.objects.exists()
    assessment.refresh_from_db()
    assert assessment.owner is None


# --- where signup goes next (each of these was a bug: a 500, an open redirect, a lost way
# back to the assessment) -------------------------------------------------------------------


@pytest.mark.parametrize("next_url", ["nonsense", "https://evil.example/phish", "//evil.example"])
def test_signup_ignores_a_next_that_is_not_a_page_of_this_site(db, next_url, mailoutbox):
    client = english_browser()
    client.raise_request_exception = False
    response = _sign_up(client, mailoutbox, next=next_url)
    assertRedirects(response, DASHBOARD, fetch_redirect_response=False)


def test_signing_up_from_a_step_goes_back_to_it(visitor_draft, mailoutbox):
    client, assessment = visitor_draft
    step = step_url(assessment, 2)
    link = f"{reverse('signup')}?next={step}"
    client.get(step)  # the one-time resume link shows in place of the signup link
    assertContains(client.get(step), f'href="{link}"')
    assertContains(client.get(link), f'name="next" value="{step}"')

    response = _sign_up(client, mailoutbox, next=step)

    assertRedirects(response, step)
    assessment.refresh_from_db()
    assert assessment.owner.username == "newbie@example.com"


def test_signup_is_not_for_members(member_client):
    assertRedirects(member_client.get(reverse("signup")), DASHBOARD)


def test_the_sent_page_is_the_same_for_everyone(english_client):
    response = english_client.get(SENT)
    assertTemplateUsed(response, "registration/signup_sent.html")
    assertContains(response, "Check your email")


def test_the_sign_up_pages_run_a_fixed_number_of_queries(db, django_assert_max_num_queries):
    client = english_browser()
    link = reverse("signup_confirm", args=[signup_link_token(email="n@example.com", next_url="")])
    for url in (reverse("signup"), SENT, link):
        client.get(url)
        with django_assert_max_num_queries(12):
            assert client.get(url).status_code == 200, url
