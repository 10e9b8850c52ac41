"""A member's pages in a real browser: the dashboard fits a phone, and account settings
are accessible in both languages, the language chosen being the one the site speaks
after saving and at each log-in."""

import pytest

from accounts.services import account_create
from tests.e2e.conftest import PHONE, axe_violations
from tests.factories import AnswerFactory, AssessmentFactory

PASSWORD = "a-long-Passw0rd!"  # noqa: S105 (a test account's password)


def _log_in(page, url):
    page.goto(url + "/accounts/login/")
    page.fill("#id_username", "hana")
    page.fill("#id_password", PASSWORD)
    page.locator("main button[type=submit]").click()
    page.wait_for_load_state()


def test_a_member_chooses_a_language_and_the_site_keeps_to_it(
    live_server, page, english_page, django_user_model
):
    django_user_model.objects.create_user("hana", "hana@example.com", PASSWORD)
    _log_in(page, live_server.url)  # a Japanese desktop browser
    page.goto(live_server.url + "/accounts/settings/")
    assert page.locator("html").get_attribute("lang") == "ja"
    assert axe_violations(page) == []

    page.fill("#id_display_name", "はな")
    page.get_by_label("English").check()
    page.locator("main button[type=submit]").click()
    page.wait_for_load_state()

    assert page.locator("html").get_attribute("lang") == "en"
    assert "Your settings are saved." in page.locator("main").inner_text()
    assert axe_violations(page) == []
    page.goto(live_server.url + "/accounts/dashboard/")
    assert "Logged in as はな" in page.locator("main").inner_text()

    # Another browser, set to English, logs in: still English; Japanese chosen there
    # is what the Japanese desktop browser gets at its next log-in.
    _log_in(english_page, live_server.url)
    english_page.goto(live_server.url + "/accounts/settings/")
    english_page.get_by_label("日本語").check()
    english_page.locator("main button[type=submit]").click()
    english_page.wait_for_load_state()
    assert english_page.locator("html").get_attribute("lang") == "ja"
    assert axe_violations(english_page) == []
    page.locator(".site-header form[action$='/logout/'] button").click()
    page.wait_for_load_state()
    _log_in(page, live_server.url)
    assert page.locator("html").get_attribute("lang") == "ja"


@pytest.mark.parametrize("locale", ["ja-JP", "en-US"])
def test_the_dashboard_scrolls_its_table_not_the_page_on_a_phone(live_server, browser, locale):
    # The buttons' hidden labels once escaped the table's scroll box and widened the page.
    member = account_create(username="hana", email="hana@example.com", password=PASSWORD)
    for _ in range(2):
        AnswerFactory(assessment=AssessmentFactory(owner=member))
    context = browser.new_context(locale=locale, viewport=PHONE)
    page = context.new_page()
    _log_in(page, live_server.url)
    widths = {}
    for path in ("/accounts/dashboard/", "/accounts/settings/"):
        page.goto(live_server.url + path)
        widths[path] = page.evaluate("() => document.documentElement.scrollWidth")
    context.close()
    assert widths == {path: PHONE["width"] for path in widths}
