from tests.e2e.conftest import axe_violations


def test_the_home_page_speaks_japanese_to_a_japanese_browser(live_server, page):
    page.goto(live_server.url + "/")
    assert page.locator("html").get_attribute("lang") == "ja"
    assert "CTOまでの距離" in page.locator("h1").inner_text()
    # Bootstrap came from our own static files: the navbar is laid out, not raw.
    assert page.locator(".navbar").evaluate("el => getComputedStyle(el).display") == "flex"


def test_the_home_page_speaks_english_to_an_english_browser(live_server, english_page):
    english_page.goto(live_server.url + "/")
    assert english_page.locator("html").get_attribute("lang") == "en"
    assert english_page.locator("h1").inner_text() == "How far are you from CTO?"


def test_the_language_switcher_changes_the_language_and_keeps_it(live_server, page):
    page.goto(live_server.url + "/")
    page.get_by_role("button", name="English").click()
    page.wait_for_load_state()
    assert page.locator("html").get_attribute("lang") == "en"
    page.goto(live_server.url + "/")
    assert page.locator("html").get_attribute("lang") == "en"
    page.get_by_role("button", name="日本語").click()
    page.wait_for_load_state()
    assert page.locator("html").get_attribute("lang") == "ja"


def test_the_home_page_has_no_serious_accessibility_violation(live_server, page, english_page):
    for browser_page in (page, english_page):
        browser_page.goto(live_server.url + "/")
        assert axe_violations(browser_page) == []
