"""An organisation in a real browser, in Japanese and in English: create, invite, join,
share, heatmap, coverage, bench, withdraw, leave. Each page is accessible and fits."""

import re

import pytest

from accounts.services import account_create
from tests.e2e.conftest import DESKTOP, PHONE, axe_violations
from tests.factories import CompletedAssessmentFactory

PASSWORD = "a-long-Passw0rd!"  # noqa: S105 (a test account's password)


def _log_in(page, base, username):
    page.goto(base + "/accounts/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.locator("main button[type=submit]").click()
    page.wait_for_load_state()


def _fits(page):
    return page.evaluate(
        "() => document.documentElement.scrollWidth <= document.documentElement.clientWidth"
    )


def _click_and_wait(page, locator):
    with page.expect_navigation():
        locator.click()


@pytest.mark.parametrize(("locale", "viewport"), [("ja-JP", DESKTOP), ("en-US", PHONE)])
def test_the_whole_organisation_flow(live_server, live_guide, browser, locale, viewport):
    base = live_server.url
    account_create(username="chief", email="chief@example.com", password=PASSWORD)
    member = account_create(username="rin", email="rin@example.com", password=PASSWORD)
    CompletedAssessmentFactory(owner=member, default=3)
    owner_context = browser.new_context(locale=locale, viewport=viewport)
    member_context = browser.new_context(locale=locale, viewport=viewport)
    chief, rin = owner_context.new_page(), member_context.new_page()
    for page in (chief, rin):
        page.set_default_timeout(10_000)
    try:
        # Create, then invite by link.
        _log_in(chief, base, "chief")
        chief.goto(base + "/organisations/")
        chief.fill("#id_name", "Kaizen Labs")
        _click_and_wait(chief, chief.locator("main form button[type=submit]"))
        assert chief.locator("h1").inner_text() == "Kaizen Labs"
        assert axe_violations(chief) == [] and _fits(chief)
        _click_and_wait(chief, chief.locator("form[action$='/invitations/'] button"))
        link = chief.locator("#invitation-link").input_value()
        assert "/organisations/join/" in link
        detail_url = chief.url

        # Join, then share a completed assessment.
        _log_in(rin, base, "rin")
        rin.goto(link)
        assert "Kaizen Labs" in rin.locator("h1").inner_text()
        _click_and_wait(rin, rin.locator("main form button[type=submit]"))
        assert rin.url == detail_url
        _click_and_wait(rin, rin.locator("form[action$='/share/'] button"))
        assert rin.locator("form[action*='/withdraw/']").count() == 1
        assert axe_violations(rin) == [] and _fits(rin)

        # The owner's view: heatmap, coverage, bench.
        for path in ("heatmap/?sort=gap", "coverage/", "bench/"):
            chief.goto(detail_url + path)
            assert "rin" in chief.locator("main").inner_text() or path != "heatmap/?sort=gap"
            assert axe_violations(chief) == [], path
            assert _fits(chief), path
        chief.goto(detail_url + "coverage/")
        assert chief.locator(".badge").count() > 0

        # Withdraw: gone from the heatmap at once.
        _click_and_wait(rin, rin.locator("form[action*='/withdraw/'] button"))
        chief.goto(detail_url + "heatmap/")
        assert not re.search(r"\brin\b", chief.locator("main").inner_text())

        # Leave: the organisation is no longer the member's to open.
        rin.goto(detail_url + "leave/")
        _click_and_wait(rin, rin.locator("main form button.btn-danger"))
        assert rin.url.endswith("/organisations/")
        response = rin.goto(detail_url)
        assert response.status == 404
    finally:
        owner_context.close()
        member_context.close()
