"""The second edition's pages in a real browser: accessible, and no wider than a phone.

The career ladder with its branching path and a kind's targets, and a member's plan page
with its progress forms, each in Japanese on a desktop and in English on a phone.
"""

import pytest

from accounts.services import account_create
from tests.e2e.conftest import axe_violations
from tests.factories import CompletedAssessmentFactory

PASSWORD = "a-long-Passw0rd!"  # noqa: S105 (a test account's password)


def _document_fits(page):
    return page.evaluate(
        "() => document.documentElement.scrollWidth <= document.documentElement.clientWidth"
    )


@pytest.mark.parametrize("path", ["/career-ladder/", "/career-ladder/?kind=startups"])
def test_the_career_path_is_accessible_and_fits_a_phone(
    live_server, live_guide, page, english_page, path
):
    for browser_page in (page, english_page):
        browser_page.goto(live_server.url + path)
        assert browser_page.locator(".path-branches .path-branch").count() == 2
        assert axe_violations(browser_page) == []
        assert _document_fits(browser_page)


def test_a_member_tracks_an_action_on_the_plan_page(live_server, live_guide, page, english_page):
    member = account_create(username="hana", email="hana@example.com", password=PASSWORD)
    assessment = CompletedAssessmentFactory(owner=member, default=1)
    for browser_page in (page, english_page):
        browser_page.goto(live_server.url + "/accounts/login/")
        browser_page.fill("#id_username", "hana")
        browser_page.fill("#id_password", PASSWORD)
        browser_page.locator("main button[type=submit]").click()
        browser_page.wait_for_load_state()
        browser_page.goto(f"{live_server.url}/assessments/{assessment.pk}/plan/")
        assert axe_violations(browser_page) == []
        assert _document_fits(browser_page)

    first = english_page.locator(".plan-actions > li").first
    first.get_by_label("Status").select_option("doing")
    first.get_by_role("button", name="Save progress").click()
    english_page.wait_for_load_state()
    assert "Saved." in english_page.locator("main").inner_text()
    assert english_page.locator(".plan-actions > li").first.get_by_label(
        "Status"
    ).input_value() == ("doing")
