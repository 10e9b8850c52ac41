"""Whole journeys through an assessment in a real browser, in both languages."""

import re

import pytest

from assessments.models import Answer, Assessment
from tests import real_guide
from tests.e2e.conftest import axe_violations
from tests.real_guide import StageSlug

pytestmark = pytest.mark.usefixtures("live_guide")
COUNTS = real_guide.guide_counts()
STEPS, ITEMS = COUNTS.steps, COUNTS.active_items


def answer_current_step(page, level=2, skip=0):
    """Pick `level` for every item of the step shown, leaving the last `skip` unanswered."""
    questions = page.locator("fieldset.item-question")
    for index in range(questions.count() - skip):
        questions.nth(index).locator(f"input[type=radio][value='{level}']").check()


def go_on(page):
    # The button may wait for an autosave in flight before the form goes: wait for the
    # next page itself, not for the load state of the page still shown.
    with page.expect_navigation():
        page.locator("button[value=next], button[value=review]").first.click()
    page.wait_for_load_state()


def start(page, live_server, begin_label, current=StageSlug.TECH_LEAD):
    page.goto(live_server.url + "/")
    page.locator("main a[href='/assessments/start/']").first.click()
    page.select_option("#id_current_stage", current)
    page.get_by_role("button", name=begin_label).click()
    page.wait_for_load_state()


def test_a_visitor_takes_a_whole_assessment_in_japanese(live_server, page):
    start(page, live_server, "始める")
    assert page.locator("html").get_attribute("lang") == "ja"
    assert f"ステップ 1／{STEPS}" in page.locator(".assessment-progress").inner_text()
    assert page.locator("#resume-url").input_value().startswith(live_server.url)
    assert axe_violations(page) == []
    for _ in range(STEPS):
        answer_current_step(page, level=3)
        go_on(page)
    assert re.search(r"/review/$", page.url)
    assert f"{ITEMS} 項目中 {ITEMS} 項目に回答済み" in page.locator("main").inner_text()
    assert axe_violations(page) == []
    page.get_by_role("button", name="送信してレポートを見る").click()
    page.wait_for_load_state()
    assert page.locator("h1").inner_text().startswith("ギャップレポート")
    assert "クラウドコンピューティング" in page.locator("main").inner_text()
    assert axe_violations(page) == []
    assessment = Assessment.objects.get()
    assert assessment.is_completed
    assert set(Answer.objects.values_list("level", flat=True)) == {3}


def test_a_visitor_takes_a_whole_assessment_in_english_on_a_phone(live_server, english_page):
    page = english_page
    start(page, live_server, "Begin", current=StageSlug.JUNIOR_DEVELOPER)
    assert page.locator("html").get_attribute("lang") == "en"
    assert f"Step 1 of {STEPS}" in page.locator(".assessment-progress").inner_text()
    # Back keeps answers: answer step 2, go back to step 1, forward again.
    answer_current_step(page, level=1)
    go_on(page)
    answer_current_step(page, level=4)
    page.locator("button[value=back]").click()
    page.wait_for_load_state()
    assert f"Step 1 of {STEPS}" in page.locator(".assessment-progress").inner_text()
    assert page.locator("input[type=radio][value='1']:checked").count() == COUNTS.step_sizes[0]
    go_on(page)
    assert page.locator("input[type=radio][value='4']:checked").count() == COUNTS.step_sizes[1]
    for number in range(2, STEPS + 1):
        # Leave one item of step 3 unanswered: submit must name it.
        answer_current_step(page, level=4, skip=1 if number == 3 else 0)
        go_on(page)
        if number == 3:  # the step says what is open and offers to go on anyway
            assert (
                "1 item on this step has no answer yet" in page.locator("#unanswered").inner_text()
            )
            page.get_by_role("link", name="Go on to the next step anyway").click()
            page.wait_for_load_state()
    # The review names the item left and keeps Submit disabled until it is answered.
    assert page.get_by_role("button", name="Submit and see my report").is_disabled()
    missing = page.locator("#missing-items")
    assert "1 item is still unanswered" in missing.inner_text()
    missing.locator("a").click()
    page.wait_for_load_state()
    assert f"Step 3 of {STEPS}" in page.locator(".assessment-progress").inner_text()
    answer_current_step(page, level=2)
    go_on(page)
    page.goto(page.url.split("/step/")[0] + "/review/")
    page.get_by_role("button", name="Submit and see my report").click()
    page.wait_for_load_state()
    assert page.locator("h1").inner_text().startswith("Your gap report")
    assert axe_violations(page) == []


def test_a_visitor_resumes_through_the_link_in_a_new_browser(live_server, page, browser):
    start(page, live_server, "始める")
    resume_url = page.locator("#resume-url").input_value()
    answer_current_step(page, level=2)
    go_on(page)
    # Another browser, no session: the assessment is not theirs without the link.
    context = browser.new_context(locale="ja-JP")
    other = context.new_page()
    assessment = Assessment.objects.get()
    response = other.goto(f"{live_server.url}/assessments/{assessment.pk}/step/1/")
    assert response.status == 404
    other.goto(resume_url)
    # The first open step is the second one: step 1 was answered.
    progress = other.locator(".assessment-progress").inner_text()
    assert f"ステップ 2／{STEPS}" in progress
    assert f"{ITEMS} 項目中 {COUNTS.step_sizes[0]} 項目に回答済み" in progress
    other.goto(f"{live_server.url}/assessments/{assessment.pk}/step/1/")
    assert other.locator("input[type=radio][value='2']:checked").count() == COUNTS.step_sizes[0]
    context.close()


def test_member_pages_pass_the_accessibility_check(live_server, page, django_user_model):
    django_user_model.objects.create_user("hana", "hana@example.com", "a-long-Passw0rd!")
    for path in ("/accounts/login/", "/accounts/signup/", "/accounts/password_reset/"):
        page.goto(live_server.url + path)
        assert axe_violations(page) == [], path
    page.goto(live_server.url + "/accounts/login/")
    page.fill("#id_username", "hana")
    page.fill("#id_password", "a-long-Passw0rd!")
    page.locator("main button[type=submit]").click()
    page.wait_for_load_state()
    assert page.url.endswith("/accounts/dashboard/")
    assert axe_violations(page) == []
    page.goto(live_server.url + "/accounts/delete/")
    assert axe_violations(page) == []
