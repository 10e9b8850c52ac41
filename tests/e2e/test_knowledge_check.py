"""The knowledge check in a real browser: a member rates everything 4, misses both
questions of one item, and the report says "possibly overrated, two answers agree"; in
Japanese on a desktop, English on a phone.
Also the example field beside a high rating, and interview practice that answers back."""

import pytest

from accounts.services import account_create
from tests.calibration.check_helpers import BANK_ITEMS, choice_for, factory_bank, open_question
from tests.e2e.conftest import axe_violations
from tests.factories import CompletedAssessmentFactory
from tests.real_guide import StageSlug

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


def _choose(page, assessment, *, right):
    """Choose the best answer of the open question, or another one, by its label."""
    answer = open_question(assessment)
    choice = choice_for(answer, right=right)
    page.get_by_label(choice.text_ja if _is_japanese(page) else choice.text_en).check()
    with page.expect_navigation():
        page.locator("main form button[type=submit]").click()
    return answer


def _is_japanese(page):
    return page.evaluate("() => document.documentElement.lang") == "ja"


def _take_the_check(page, url, assessment):
    """Start the check; miss both questions of the first item, answer the rest rightly."""
    page.goto(f"{url}/assessments/{assessment.pk}/check/")
    assert axe_violations(page) == []
    with page.expect_navigation():
        page.locator("main form button[type=submit]").click()
    put = []
    while page.locator("input[name=choice]").count():
        assert _document_fits(page)
        first_item = put[0].item_id if put else None
        missing = not put or (len(put) == 1 and open_question(assessment).item_id == first_item)
        put.append(_choose(page, assessment, right=not missing))
        if len(put) == 1:
            assert axe_violations(page) == []
        with page.expect_navigation():
            page.locator("main a.btn-primary").first.click()
    return put


@pytest.mark.parametrize("which", ["page", "english_page"])
def test_a_member_who_rates_everything_4_and_misses_two_questions_of_an_item_is_told_so(
    live_server, live_guide, request, which
):
    browser_page = request.getfixturevalue(which)
    factory_bank()  # three items, questions at levels 2, 3 and 4 made for the test
    member = account_create(username="ken", email="ken@example.com", password=PASSWORD)
    assessment = CompletedAssessmentFactory(owner=member, default=4)
    _log_in(browser_page, live_server.url, "ken")
    put = _take_the_check(browser_page, live_server.url, assessment)
    # A miss at level 4 brings a level-3 question on that item; right at 4 is enough.
    assert [a.probed_level for a in put] == [4, 3] + [4] * (BANK_ITEMS - 1)
    section = browser_page.locator("#calibration")
    missed = section.locator("tr.verdict-overrated")
    assert missed.count() == 1
    assert section.locator("tr.verdict-consistent.confidence-hint").count() == BANK_ITEMS - 1
    row = " ".join(missed.inner_text().split())
    if which == "page":
        assert "過大評価の可能性" in row and "2問の回答が一致" in row
        assert "4回に1回は正解" in section.inner_text()
    else:
        assert "possibly overrated" in row and "two answers agree" in row
        assert "guessed right one time in 4" in section.inner_text()
    assert axe_violations(browser_page) == []
    assert _document_fits(browser_page)


def test_the_example_field_shows_beside_a_high_rating(live_server, live_guide, english_page):
    account_create(username="rin", email="rin@example.com", password=PASSWORD)
    _log_in(english_page, live_server.url, "rin")
    english_page.goto(live_server.url + "/assessments/start/")
    english_page.select_option("#id_current_stage", StageSlug.TECH_LEAD)
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
