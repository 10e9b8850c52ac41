"""The public guide pages in a real browser: language, the answer points, accessibility."""

import pytest
from django.urls import reverse

from content.models import InterviewQuestion
from tests.e2e.conftest import axe_violations

PAGES = {
    "home": ("CTOまでの距離は、あとどれくらい？", "How far are you from CTO?"),
    "career_ladder": ("CTOへのキャリアラダー", "The career ladder to CTO"),
    "skill_catalogue": ("スキル一覧", "Skill catalogue"),
    "learning_path": ("学習パス", "The learning path"),
    "interview_practice": ("面接対策", "Interview practice"),
    "future_trends": ("CTOの役割はどこへ向かうのか", "Where the CTO role is heading"),
}


@pytest.mark.parametrize("name", PAGES)
def test_each_guide_page_speaks_the_browsers_language_and_passes_axe(
    live_guide, live_server, page, english_page, name
):
    url = live_server.url + reverse(name)
    for browser_page, lang, heading in (
        (page, "ja", PAGES[name][0]),
        (english_page, "en", PAGES[name][1]),
    ):
        browser_page.goto(url)
        assert browser_page.locator("html").get_attribute("lang") == lang
        assert browser_page.locator("h1").inner_text().strip() == heading
        assert axe_violations(browser_page) == [], (name, lang)


def test_opening_a_question_shows_its_answer_points(live_guide, live_server, page, english_page):
    question = InterviewQuestion.objects.get(slug="tech-debt-strategy")
    for browser_page, answer, summary in (
        (page, question.answer_points_ja, "回答のポイントを表示"),
        (english_page, question.answer_points_en, "Show the answer points"),
    ):
        browser_page.goto(live_server.url + reverse("interview_practice"))
        entry = browser_page.locator(f"#question-{question.slug}")
        points = entry.locator("details p")
        assert not points.is_visible()
        entry.locator("summary").get_by_text(summary).click()
        assert entry.locator("details").get_attribute("open") is not None
        assert points.is_visible()
        assert points.inner_text() == answer
        # The other questions stay closed.
        assert browser_page.locator("details[open]").count() == 1
