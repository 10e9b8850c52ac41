"""Account settings: a member edits their display name and language; nobody else can."""

import re

import pytest
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from pytest_django.asserts import assertContains, assertRedirects

from accounts import services
from accounts.models import Profile

SETTINGS = reverse("account_settings")
# Session, user, profile.
SETTINGS_QUERIES = 3


def _save(client, display_name="", preferred_language=""):
    return client.post(
        SETTINGS, {"display_name": display_name, "preferred_language": preferred_language}
    )


def test_it_shows_the_members_current_settings(member, member_client):
    services.profile_update(
        profile=services.profile_get_or_create(user=member),
        display_name="Mina T.",
        preferred_language="ja",
    )

    page = member_client.get(SETTINGS)

    assertContains(page, '<h1 class="h2">Account settings</h1>', html=False)
    assertContains(page, 'value="Mina T."')
    checked = re.findall(r'name="preferred_language" value="(\w*)"[^>]*checked', page.text)
    assert checked == ["ja"]
    assertContains(page, "日本語")
    assertContains(page, "Follow my browser")


def test_the_owner_saves_their_name_and_it_greets_them_on_the_dashboard(member, member_client):
    response = _save(member_client, display_name="  Mina T.  ")

    assertRedirects(response, SETTINGS, fetch_redirect_response=False)
    profile = Profile.objects.get(user=member)
    assert (profile.display_name, profile.preferred_language) == ("Mina T.", "")
    assertContains(member_client.get(SETTINGS), "Your settings are saved.")
    dashboard = member_client.get(reverse("dashboard"))
    assertContains(dashboard, "Logged in as <strong>Mina T.</strong>")
    assertContains(dashboard, f'href="{SETTINGS}"')


def test_the_dashboard_greets_a_member_without_a_display_name_by_username(member_client):
    assertContains(member_client.get(reverse("dashboard")), "Logged in as <strong>mina</strong>")


def test_the_page_reads_the_session_the_user_and_the_profile_only(member, member_client):
    services.profile_get_or_create(user=member)
    with CaptureQueriesContext(connection) as queries:
        assert member_client.get(SETTINGS).status_code == 200
    assert len(queries) == SETTINGS_QUERIES


@pytest.mark.parametrize("method", ["get", "post"])
def test_a_visitor_is_sent_to_log_in(english_client, db, method):
    response = getattr(english_client, method)(SETTINGS)
    assertRedirects(response, f"{reverse('login')}?next={SETTINGS}")
    assert not Profile.objects.exists()


@pytest.mark.parametrize(
    "display_name, preferred_language, message",
    [
        ("x" * 51, "", "Ensure this value has at most 50 characters (it has 51)."),
        ("Mina", "fr", "Select a valid choice. fr is not one of the available choices."),
    ],
)
def test_bad_input_is_400_with_a_clear_message_and_saves_nothing(
    member, member_client, display_name, preferred_language, message
):
    services.profile_update(
        profile=services.profile_get_or_create(user=member),
        display_name="Mina",
        preferred_language="en",
    )

    response = _save(member_client, display_name, preferred_language)

    assertContains(response, message, status_code=400)
    assert settings.LANGUAGE_COOKIE_NAME not in response.cookies
    profile = Profile.objects.get(user=member)
    assert (profile.display_name, profile.preferred_language) == ("Mina", "en")


def test_choosing_a_language_switches_the_interface_to_it(member_client):
    response = _save(member_client, preferred_language="ja")

    cookie = response.cookies[settings.LANGUAGE_COOKIE_NAME]
    assert cookie.value == "ja"
    assert cookie["path"] == settings.LANGUAGE_COOKIE_PATH
    page = member_client.get(SETTINGS)  # an English browser, now answered in Japanese
    assertContains(page, '<html lang="ja">')
    assertContains(page, "設定を保存しました。")


def test_going_back_to_the_browsers_language_forgets_the_cookie(member_client):
    _save(member_client, preferred_language="ja")

    response = _save(member_client, preferred_language="")

    assert response.cookies[settings.LANGUAGE_COOKIE_NAME]["max-age"] == 0
    assertContains(member_client.get(SETTINGS), '<html lang="en">')


def test_saving_a_name_leaves_a_language_chosen_in_the_header_alone(member_client):
    member_client.post(reverse("set_language"), {"language": "ja", "next": SETTINGS})

    response = _save(member_client, display_name="Mina")

    assert settings.LANGUAGE_COOKIE_NAME not in response.cookies
    assertContains(member_client.get(SETTINGS), '<html lang="ja">')
