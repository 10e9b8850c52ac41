"""Two-step verification: the code at log-in, a member's page to turn it on and off, the
backup codes, and the limits on guessing codes."""

import re
import time

import pytest
from django.test import Client
from django.urls import reverse
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice
from pytest_django.asserts import assertContains, assertRedirects

from accounts import two_factor
from tests.questionnaire import PASSWORD, english_browser, step_url
from tests.two_factor import authenticator, current_code

DASHBOARD = reverse("dashboard")
LOGIN = reverse("login")
CODE = reverse("login_code")
SETUP = reverse("two_factor_setup")
OVERVIEW = reverse("two_factor")


def _password(client, username="mina", **extra):
    return client.post(LOGIN, {"username": username, "password": PASSWORD, **extra})


def _logged_in(client):
    return "_auth_user_id" in client.session


# --- logging in with a code ------------------------------------------------------------


def test_a_member_without_it_logs_in_with_the_password_alone(member):
    client = english_browser()
    assertRedirects(_password(client), DASHBOARD, fetch_redirect_response=False)
    assert _logged_in(client)


def test_with_it_on_the_password_leads_to_the_code_and_the_code_logs_in(visitor_draft, member):
    client, assessment = visitor_draft
    device = authenticator(member)
    step = step_url(assessment, 1)

    response = _password(client, next=step)

    assertRedirects(response, CODE, fetch_redirect_response=False)
    assert not _logged_in(client)
    assertContains(client.get(CODE), "Enter your code")
    response = client.post(CODE, {"code": current_code(device)})
    assertRedirects(response, step, fetch_redirect_response=False)
    assert _logged_in(client)
    assert client.session[DEVICE_ID_SESSION_KEY] == device.persistent_id
    assessment.refresh_from_db()
    assert assessment.owner == member  # the draft came along, as with a password alone


def test_a_wrong_code_is_400_and_five_send_the_person_back_to_the_password(member):
    device = authenticator(member)
    client = english_browser()
    _password(client)
    for _attempt in range(4):
        response = client.post(CODE, {"code": "000000"})
        assert response.status_code == 400
        assertContains(response, "That code is not right", status_code=400)
    assertRedirects(client.post(CODE, {"code": "000000"}), LOGIN, fetch_redirect_response=False)
    assertRedirects(
        client.post(CODE, {"code": current_code(device)}), LOGIN, fetch_redirect_response=False
    )
    assert not _logged_in(client)


def test_each_wrong_code_makes_the_next_wait_longer(member):
    device = authenticator(member)
    client = english_browser()
    _password(client)
    client.post(CODE, {"code": "000000"})
    client.post(CODE, {"code": "000000"})
    device.refresh_from_db()
    assert device.throttling_failure_count >= 1
    # even the right code waits out the delay the wrong ones earned
    assert client.post(CODE, {"code": current_code(device)}).status_code == 400
    assert not _logged_in(client)


def test_a_code_waits_five_minutes_at_most(member, monkeypatch):
    device = authenticator(member)
    client = english_browser()
    _password(client)
    later = time.time() + two_factor.PENDING_SECONDS + 1
    monkeypatch.setattr(two_factor.time, "time", lambda: later)
    response = client.post(CODE, {"code": current_code(device)})
    assertRedirects(response, LOGIN, fetch_redirect_response=False)
    assert not _logged_in(client)


def test_the_code_page_without_a_password_first_goes_to_log_in(db):
    assertRedirects(english_browser().get(CODE), LOGIN, fetch_redirect_response=False)


def test_a_backup_code_logs_in_once(member):
    authenticator(member)
    code = two_factor.backup_codes_replace(user=member)[0]
    first, second = english_browser(), english_browser()
    _password(first)
    assertRedirects(first.post(CODE, {"code": code.upper()}), DASHBOARD, target_status_code=200)
    _password(second)
    assert second.post(CODE, {"code": code}).status_code == 400
    assert StaticToken.objects.count() == two_factor.BACKUP_CODE_COUNT - 1


# --- the member's page -----------------------------------------------------------------


def test_setting_it_up_shows_a_qr_code_drawn_here_and_a_code_turns_it_on(member, member_client):
    assertContains(member_client.get(OVERVIEW), "Set up two-step verification")
    page = member_client.get(SETUP)
    html = page.content.decode()
    svg = re.search(r"<svg.*?</svg>", html, re.S).group(0)
    assert "http" not in svg.replace("http://www.w3.org/2000/svg", "")  # nothing fetched
    device = TOTPDevice.objects.get(user=member, confirmed=False)
    assertContains(page, two_factor.secret_for_typing(device))
    assert member_client.get(SETUP).content.decode().count(two_factor.secret_for_typing(device))

    wrong = member_client.post(SETUP, {"code": "000000"})
    assert wrong.status_code == 400
    device.refresh_from_db()
    assert not device.confirmed

    device.throttle_reset()
    done = member_client.post(SETUP, {"code": current_code(device)})

    assert done.status_code == 200
    codes = re.findall(r"<li><code>([a-z2-7]{8})</code></li>", done.content.decode())
    assert len(codes) == two_factor.BACKUP_CODE_COUNT
    assert done["Cache-Control"].startswith("no-store") or "no-store" in done["Cache-Control"]
    device.refresh_from_db()
    assert device.confirmed
    assert member_client.session[DEVICE_ID_SESSION_KEY] == device.persistent_id
    assertRedirects(member_client.get(SETUP), OVERVIEW)  # shown once: no way back to them
    assertContains(member_client.get(OVERVIEW), "Turn two-step verification off")


def test_turning_it_off_needs_the_password_and_a_code(member, member_client):
    device = authenticator(member)
    two_factor.backup_codes_replace(user=member)
    off = reverse("two_factor_disable")

    bad_password = member_client.post(
        off, {"off-password": "wrong", "off-code": current_code(device)}
    )
    bad_code = member_client.post(off, {"off-password": PASSWORD, "off-code": "000000"})
    assert (bad_password.status_code, bad_code.status_code) == (400, 400)
    assert TOTPDevice.objects.filter(user=member).exists()

    device.throttle_reset()
    done = member_client.post(off, {"off-password": PASSWORD, "off-code": current_code(device)})

    assertRedirects(done, OVERVIEW)
    assert not TOTPDevice.objects.filter(user=member).exists()
    assert not StaticDevice.objects.filter(user=member).exists()
    assertRedirects(_password(english_browser()), DASHBOARD, fetch_redirect_response=False)


def test_new_backup_codes_replace_the_old_ones(member, member_client):
    device = authenticator(member)
    old = two_factor.backup_codes_replace(user=member)
    url = reverse("two_factor_backup_codes")

    refused = member_client.post(url, {"codes-password": PASSWORD, "codes-code": "000000"})
    assert refused.status_code == 400
    device.throttle_reset()
    done = member_client.post(url, {"codes-password": PASSWORD, "codes-code": old[0]})

    new = re.findall(r"<li><code>([a-z2-7]{8})</code></li>", done.content.decode())
    assert len(new) == two_factor.BACKUP_CODE_COUNT
    assert not set(new) & set(old)
    assert set(StaticToken.objects.values_list("token", flat=True)) == set(new)
    assert TOTPDevice.objects.filter(user=member, confirmed=True).exists()


def test_the_pages_speak_japanese(member):
    client = Client()
    client.force_login(member)
    assert "2段階認証" in client.get(OVERVIEW).content.decode()
    assert "認証アプリ" in client.get(SETUP).content.decode()


def test_the_pages_are_for_members(db):
    for url in (OVERVIEW, SETUP):
        assertRedirects(english_browser().get(url), f"{LOGIN}?next={url}")


@pytest.mark.parametrize("url", [OVERVIEW, SETUP])
def test_the_pages_run_a_fixed_number_of_queries(
    member, member_client, url, django_assert_max_num_queries
):
    member_client.get(url)
    with django_assert_max_num_queries(12):
        assert member_client.get(url).status_code == 200


# --- admin -------------------------------------------------------------------------------


@pytest.fixture
def staff(django_user_model):
    return django_user_model.objects.create_user(
        "sora", "sora@example.com", PASSWORD, is_staff=True, is_superuser=True
    )


def test_staff_without_an_authenticator_are_sent_to_set_one_up(staff):
    client = english_browser()
    _password(client, "sora")
    response = client.get("/admin/", follow=True)
    assert response.redirect_chain[-1][0] == OVERVIEW
    assertContains(response, "Staff need two-step verification for admin")


def test_staff_open_admin_after_the_password_and_the_code(staff):
    device = authenticator(staff)
    client = english_browser()
    login_page = client.get("/admin/", follow=True)
    assert login_page.redirect_chain[-1][0] == f"{LOGIN}?next=%2Fadmin%2F"

    assertRedirects(_password(client, "sora", next="/admin/"), CODE, fetch_redirect_response=False)
    response = client.post(CODE, {"code": current_code(device)})

    assertRedirects(response, "/admin/")


def test_staff_logged_in_without_the_code_do_not_open_admin(staff):
    authenticator(staff)
    client = english_browser()
    client.force_login(staff)
    response = client.get("/admin/content/item/", follow=True)
    assert response.redirect_chain[-1][0].startswith(f"{LOGIN}?next=")
    assertContains(response, "Log in again with your code")


def test_a_verified_member_who_is_not_staff_does_not_open_admin(member):
    device = authenticator(member)
    client = english_browser()
    _password(client)
    client.post(CODE, {"code": current_code(device)})
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


def test_admin_lists_devices_without_their_secrets(admin_client, member):
    device = authenticator(member)
    two_factor.backup_codes_replace(user=member)
    for url in ("/admin/otp_totp/totpdevice/", "/admin/otp_static/staticdevice/"):
        assert admin_client.get(url).status_code == 200, url
    page = admin_client.get(f"/admin/otp_totp/totpdevice/{device.pk}/change/")
    assert page.status_code == 200
    assert device.key not in page.content.decode()
