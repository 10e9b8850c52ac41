"""Autosave, the leave warning, switching language mid-step, the resume link after a reload."""

import re

import pytest

from assessments.models import Answer, Assessment
from tests import real_guide
from tests.e2e.conftest import axe_violations
from tests.real_guide import StageSlug

pytestmark = pytest.mark.usefixtures("live_guide")
COUNTS = real_guide.guide_counts()


def start(page, live_server):
    page.goto(live_server.url + "/assessments/start/")
    page.select_option("#id_current_stage", StageSlug.TECH_LEAD)
    page.locator("main form button[type=submit]").click()
    page.wait_for_load_state()
    assert re.search(r"/step/1/$", page.url)
    return Assessment.objects.get()


def pick(page, index, level):
    page.locator("fieldset.item-question").nth(index).locator(
        f"input[type=radio][value='{level}']"
    ).check()


def saved_levels():
    return dict(Answer.objects.values_list("item__slug", "level"))


def test_a_chosen_level_and_a_note_are_saved_in_the_background(live_server, english_page):
    page = english_page
    start(page, live_server)
    pick(page, 0, 3)
    status = page.locator(".autosave-status")
    page.wait_for_selector(".autosave-status[data-state=saved]", timeout=3000)
    assert status.inner_text() == "All changes saved"
    assert status.get_attribute("aria-live") == "polite"
    assert list(saved_levels().values()) == [3]
    assert (
        f"1 of {COUNTS.active_items} items answered" in page.locator("#answered-count").inner_text()
    )
    page.locator("textarea").first.fill("Runs our AWS accounts")
    page.wait_for_function(
        "() => document.querySelector('.autosave-status').dataset.state === 'saved'"
        " && document.querySelector('.autosave-status').textContent === 'All changes saved'"
    )
    page.wait_for_timeout(1500)
    assert Answer.objects.get().note == "Runs our AWS accounts"
    assert axe_violations(page) == []


def test_a_failed_save_says_so_retries_and_leaving_asks_first(live_server, page):
    start(page, live_server)
    page.route("**/autosave/", lambda route: route.abort())
    pick(page, 0, 2)
    page.wait_for_selector(".autosave-status[data-state=retrying]", timeout=3000)
    assert "保存できていません" in page.locator(".autosave-status").inner_text()
    dialogs = []

    def on_dialog(dialog):
        dialogs.append(dialog.type)
        dialog.dismiss()  # stay on the page

    page.on("dialog", on_dialog)
    page.locator("header a.navbar-brand").click()
    page.wait_for_timeout(500)
    assert dialogs == ["beforeunload"]
    assert re.search(r"/step/1/$", page.url)
    # The server comes back: the retry saves it, and leaving no longer asks.
    page.unroute("**/autosave/")
    page.wait_for_selector(".autosave-status[data-state=saved]", timeout=10_000)
    assert list(saved_levels().values()) == [2]
    page.locator("header a.navbar-brand").click()
    page.wait_for_load_state()
    assert dialogs == ["beforeunload"]
    assert page.url == live_server.url + "/"


def test_switching_language_keeps_what_was_just_chosen(live_server, english_page):
    page = english_page
    start(page, live_server)
    pick(page, 0, 4)
    pick(page, 1, 1)
    # At once, before the background save: the switch saves first.
    page.locator(".navbar-toggler").click()
    japanese = page.locator("form.language-switcher button[value=ja]")
    # The menu opens with a transition: click once it has come to rest.
    page.wait_for_function("() => document.getAnimations().every(a => a.playState !== 'running')")
    japanese.click()
    # The switch first waits for the save: wait for the Japanese page, not the same URL.
    # A loaded machine (CI, two workers and two browsers) can take more than the default.
    page.wait_for_function("() => document.documentElement.lang === 'ja'", timeout=30_000)
    page.wait_for_load_state()
    assert re.search(r"/step/1/$", page.url)
    assert page.locator("html").get_attribute("lang") == "ja"
    assert (
        f"{COUNTS.active_items} 項目中 2 項目に回答済み"
        in page.locator("#answered-count").inner_text()
    )
    questions = page.locator("fieldset.item-question")
    assert questions.nth(0).locator("input[value='4']").is_checked()
    assert questions.nth(1).locator("input[value='1']").is_checked()


def test_the_resume_link_is_at_hand_after_a_reload(live_server, page, browser):
    assessment = start(page, live_server)
    pick(page, 0, 2)
    page.wait_for_selector(".autosave-status[data-state=saved]", timeout=3000)
    page.reload()
    assert page.locator("#resume-url").count() == 0  # shown once after starting
    page.locator(".resume-link summary").click()
    page.get_by_role("button", name="再開用リンクをコピー").click()
    link = page.locator("#resume-url")
    link.wait_for()
    url = link.input_value()
    assert url.startswith(live_server.url + "/assessments/resume/")
    elsewhere = browser.new_context(locale="ja-JP")
    try:
        other = elsewhere.new_page()
        other.goto(url)
        other.wait_for_load_state()
        assert str(assessment.pk) in other.url
        assert other.locator("fieldset.item-question input[value='2']").first.is_checked()
    finally:
        elsewhere.close()


OVERLAPS = """() => {
  const status = document.querySelector('.autosave-status').getBoundingClientRect();
  return [...document.querySelectorAll('fieldset.item-question')].filter(box => {
    const r = box.getBoundingClientRect();
    return status.top < r.bottom && status.bottom > r.top && status.left < r.right && status.right > r.left;
  }).length;
}"""


@pytest.mark.parametrize("scroll", [0, 0.3, 0.6])
def test_the_autosave_status_never_sits_over_the_questions(live_server, browser, scroll):
    context = browser.new_context(locale="ja-JP", viewport={"width": 390, "height": 844})
    try:
        page = context.new_page()
        start(page, live_server)
        pick(page, 0, 2)
        page.wait_for_selector(".autosave-status[data-state=saved]", timeout=3000)
        page.evaluate(f"() => window.scrollTo(0, document.body.scrollHeight * {scroll})")
        assert page.evaluate(OVERLAPS) == 0
        # The two text boxes say what each is for.
        first = page.locator("fieldset.item-question").first
        note_help = first.locator("[id$='_helptext']").inner_text()
        example_help = first.locator("[id^='id_evidence-'][id$='_help']").inner_text()
        assert note_help and example_help and note_help != example_help
    finally:
        context.close()
