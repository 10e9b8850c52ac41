"""Logging in (keeping the visitor's draft), logging out, changing and resetting passwords."""

import re

from django.conf import settings
from django.test import Client
from django.urls import reverse
from pytest_django.asserts import assertContains, assertRedirects

from accounts.models import Profile
from tests.questionnaire import PASSWORD, english_browser, start_assessment

DASHBOARD = reverse("dashboard")


def test_logging_in_mid_assessment_keeps_the_draft(visitor_draft, member):
    client, assessment = visitor_draft

    response = client.post(reverse("login"), {"username": "mina", "password": PASSWORD})

    assertRedirects(response, DASHBOARD, fetch_redirect_response=False)
    assessment.refresh_from_db()
    assert assessment.owner == member
    assertContains(client.get(DASHBOARD), "now saved to your account")


def test_a_wrong_password_logs_nobody_in_and_claims_nothing(visitor_draft, member):
    client, assessment = visitor_draft
    response = client.post(reverse("login"), {"username": "mina", "password": "wrong"})
    assert response.status_code == 200
    assert "_auth_user_id" not in client.session
    assessment.refresh_from_db()
    assert assessment.owner is None


def test_logging_out_takes_a_post(member_client):
    assert member_client.get(reverse("logout")).status_code == 405
    assert member_client.get(DASHBOARD).status_code == 200

    response = member_client.post(reverse("logout"))

    assertRedirects(response, reverse("home"), fetch_redirect_response=False)
    assertRedirects(member_client.get(DASHBOARD), f"{reverse('login')}?next={DASHBOARD}")


def test_a_member_changes_their_password(member, member_client):
    response = member_client.post(
        reverse("password_change"),
        {
            "old_password": PASSWORD,
            "new_password1": "brand-new-pass-31",
            "new_password2": "brand-new-pass-31",
        },
    )
    assertRedirects(response, reverse("password_change_done"))
    member.refresh_from_db()
    assert member.check_password("brand-new-pass-31")


def test_a_member_resets_a_forgotten_password_by_email(member, mailoutbox):
    client = english_browser()
    response = client.post(reverse("password_reset"), {"email": "mina@example.com"})
    assertRedirects(response, reverse("password_reset_done"))

    assert len(mailoutbox) == 1
    assert mailoutbox[0].to == ["mina@example.com"]
    link = re.search(r"http://testserver(/accounts/reset/\S+/)", mailoutbox[0].body).group(1)
    set_password = client.get(link)
    assert set_password.status_code == 302
    done = client.post(
        set_password["Location"],
        {"new_password1": "reset-pass-2024-x", "new_password2": "reset-pass-2024-x"},
    )
    assertRedirects(done, reverse("password_reset_complete"))
    member.refresh_from_db()
    assert member.check_password("reset-pass-2024-x")


def test_a_reset_for_an_unknown_address_sends_nothing(db, mailoutbox):
    response = english_browser().post(reverse("password_reset"), {"email": "who@example.com"})
    assert response.status_code == 302
    assert mailoutbox == []


# --- the member's language ------------------------------------------------------------------


def _log_in(client):
    return client.post(reverse("login"), {"username": "mina", "password": PASSWORD})


def test_logging_in_switches_to_the_members_language(guide, member):
    Profile.objects.create(user=member, preferred_language="en")
    japanese_browser = Client(HTTP_ACCEPT_LANGUAGE="ja")
    start_assessment(japanese_browser)

    response = _log_in(japanese_browser)

    cookie = response.cookies[settings.LANGUAGE_COOKIE_NAME]
    assert cookie.value == "en"
    assert cookie["path"] == settings.LANGUAGE_COOKIE_PATH
    page = japanese_browser.get(response["Location"])
    assertContains(page, '<html lang="en">')
    # The message added while logging in speaks the new language too.
    assertContains(page, "The assessment you were taking is now saved to your account.")


def test_logging_in_without_a_preference_keeps_the_browsers_language(db, member):
    Profile.objects.create(user=member)
    response = _log_in(english_browser())
    assert settings.LANGUAGE_COOKIE_NAME not in response.cookies


def test_a_member_made_without_a_profile_gets_one_at_log_in(db, member):
    assert not Profile.objects.filter(user=member).exists()  # as createsuperuser makes them
    _log_in(english_browser())
    assert Profile.objects.filter(user=member).count() == 1
