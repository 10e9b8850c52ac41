"""Signing up by email and two-step verification in a real browser, with the
accessibility check on every page they show."""

import re
import time
from base64 import b32decode

import pytest
from django.core import mail
from django_otp.oath import TOTP

from tests.e2e.conftest import axe_violations

PASSWORD = "a-long-Passw0rd!"


def submit(page):
    with page.expect_navigation():
        page.locator("main button[type=submit]").first.click()
    page.wait_for_load_state()


def code_for(secret, *, steps_ahead=0):
    totp = TOTP(b32decode(secret.replace(" ", "")))
    totp.time = time.time() + steps_ahead * 30
    return f"{totp.token():06d}"


@pytest.mark.django_db(transaction=True)
def test_sign_up_then_turn_on_two_step_verification_and_log_in_with_a_code(live_server, page):
    page.goto(live_server.url + "/accounts/signup/")
    page.fill("#id_email", "aoi@example.com")
    submit(page)
    assert "Check your email" in page.content() or "メールを確認" in page.content()
    assert axe_violations(page) == []

    link = re.search(r"https?://[^\s]+/accounts/signup/confirm/[^\s]+/", mail.outbox[0].body)
    page.goto(link.group(0))
    assert axe_violations(page) == []
    page.fill("#id_new_password1", PASSWORD)
    page.fill("#id_new_password2", PASSWORD)
    submit(page)
    assert page.url.endswith("/accounts/dashboard/")

    page.goto(live_server.url + "/accounts/two-step/")
    assert axe_violations(page) == []
    page.locator("main a[href='/accounts/two-step/setup/']").click()
    page.wait_for_load_state()
    assert page.locator("figure.qr-code svg").is_visible()
    assert axe_violations(page) == []
    secret = page.locator("main code").first.inner_text()
    set_up_in = int(time.time() // 30)
    page.fill("#id_code", code_for(secret))
    submit(page)
    codes = page.locator("ul.backup-codes code").all_inner_texts()
    assert len(codes) == 10
    assert axe_violations(page) == []
    page.goto(live_server.url + "/accounts/two-step/")  # on: new codes, or turn it off
    assert page.locator("#id_codes-password").is_visible()
    assert axe_violations(page) == []

    page.locator("form[action='/accounts/logout/'] button").click()
    page.wait_for_load_state()
    page.goto(live_server.url + "/accounts/login/")
    page.fill("#id_username", "aoi@example.com")
    page.fill("#id_password", PASSWORD)
    submit(page)
    assert page.url.endswith("/accounts/login/code/")
    assert axe_violations(page) == []
    # A code is good once: the setup used this period's, so log in with a later period's.
    # Waiting for the next period (rather than sending the next one's code early) holds
    # however long the steps above took on a busy machine.
    while int(time.time() // 30) == set_up_in:
        time.sleep(0.5)
    page.fill("#id_code", code_for(secret))
    submit(page)
    assert page.url.endswith("/accounts/dashboard/")
