"""The knowledge check in a real browser: a member rates everything 4, answers wrongly,
and the report says "possibly overrated"; in Japanese on a desktop, English on a phone.
Also the example field beside a high rating, and interview practice that answers back."""

import pytest

from accounts.services import account_create
from tests.assessments.report_helpers import complete_assessment
from tests.e2e.conftest import axe_violations

PASSWORD = "a-long-Passw0rd!"  # noqa: S105 (a test account's password)


def _document_fits(page):
    return page.evaluate(
        "() => document.documentElement.scrollWidth <= document.documentElement.clientWidth"
    )


def _log_in(page, url, username):
    page.goto(url + "/accounts/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.locator("main button[type=submit]").click()
    page.wait_for_load_state()


def _take_the_check_wrongly(page, url, assessment):
    page.goto(f"{url}/assessments/{assessment.pk}/check/")
    assert axe_violations(page) == []
    with page.expect_navigation():
        page.locator("main form button[type=submit]").click()
    answered = 0
    while page.locator("input[name=choice]").count():
        assert _document_fits(page)
        # The best answer's place varies: choose one the feedback then says is not it.
        page.locator("input[name=choice]").first.check()
        with page.expect_navigation():
            page.locator("main form button[type=submit]").click()
        if answered == 0:
            assert axe_violations(page) == []
        answered += 1
        following = page.locator("main a.btn-primary")
        with page.expect_navigation():
            following.click()
    return answered


@pytest.mark.parametrize("which", ["page", "english_page"])
def test_a_member_who_rates_everything_4_and_answers_wrongly_sees_possibly_overrated(
    live_server, live_guide, request, which
):
    browser_page = request.getfixturevalue(which)
    member = account_create(username="ken", email="ken@example.com", password=PASSWORD)
    assessment, _ = complete_assessment(owner=member, default=4)
    _log_in(browser_page, live_server.url, "ken")
    answered = _take_the_check_wrongly(browser_page, live_server.url, assessment)
    assert answered == 15
    section = browser_page.locator("#calibration")
    overrated = section.locator("tr.verdict-overrated").count()
    consistent = section.locator("tr.verdict-consistent").count()
    assert overrated + consistent == 15
    # The first choice is the best answer for some questions; every other one is flagged.
    assert overrated >= 10
    label = "過大評価の可能性" if which == "page" else "possibly overrated"
    assert label in section.inner_text()
    assert axe_violations(browser_page) == []
    assert _document_fits(browser_page)


def test_the_example_field_shows_beside_a_high_rating(live_server, live_guide, english_page):
    account_create(username="rin", email="rin@example.com", password=PASSWORD)
    _log_in(english_page, live_server.url, "rin")
    english_page.goto(live_server.url + "/assessments/start/")
    english_page.select_option("#id_current_stage", "tech-lead")
    with english_page.expect_navigation():
        english_page.locator("main form button[type=submit]").click()
    card = english_page.locator("#item-cloud-computing")
    example = card.locator(".evidence-field")
    assert example.is_hidden()
    card.locator("input[value='3']").check()
    assert example.is_visible()
    card.locator("input[value='1']").check()
    assert example.is_hidden()


def test_interview_practice_counts_the_points_covered(live_server, live_guide, english_page):
    english_page.goto(live_server.url + "/interview/microservices-challenges/")
    english_page.fill("textarea[name=answer]", "Sagas, retries and tracing.")
    with english_page.expect_navigation():
        english_page.locator("main form button[type=submit]").click()
    boxes = english_page.locator("input[name=covered]")
    assert boxes.count() == 4
    boxes.nth(0).check()
    boxes.nth(2).check()
    with english_page.expect_navigation():
        english_page.locator("main form button[type=submit]").click()
    assert "You covered 2 of 4 points." in english_page.locator("main").inner_text()
    assert axe_violations(english_page) == []
    assert _document_fits(english_page)
