"""A colleague's whole journey in a real browser, in both languages, on desktop and phone:
the invitation link, the rating form without an account, the thank-you; then the owner
sees the colleagues' view in their report."""

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse

from colleagues import services
from colleagues.models import ColleagueComment, ColleagueRating, ItemRating
from tests.e2e.conftest import DESKTOP, PHONE, axe_violations
from tests.factories import CompletedAssessmentFactory

pytestmark = pytest.mark.usefixtures("live_guide")

JOURNEYS = {
    "ja-JP": (
        DESKTOP,
        {"send": "評価を送信", "thanks": "ありがとうございました", "section": "同僚からの評価"},
    ),
    "en-US": (
        PHONE,
        {"send": "Send my rating", "thanks": "Thank you", "section": "Colleagues' view"},
    ),
}


def _owner_with_round():
    owner = get_user_model().objects.create_user("mina", "mina@example.com", "x-Passw0rd-long")
    assessment = CompletedAssessmentFactory(owner=owner, default=2)
    round_ = services.round_open(
        assessment=assessment,
        item_slugs=services.default_item_slugs(assessment),
        display_name="Mina K.",
    )
    return owner, assessment, round_


def _fits(page):
    width, window = page.evaluate("() => [document.documentElement.scrollWidth, innerWidth]")
    return width <= window


def _rate(page, url, level, texts, *, consent=False, check_page=False):
    page.goto(url)
    assert "Mina K." in page.locator("h1").inner_text()
    questions = page.locator("fieldset.item-question")
    for index in range(questions.count()):
        value = "na" if index == 0 else str(level)
        questions.nth(index).locator(f"input[type=radio][value='{value}']").check()
    page.locator("textarea[name=comment]").fill(f"Keeps calm at level {level}.")
    if consent:
        page.locator("#manager-consent").check()
    if check_page:
        assert _fits(page)
        assert axe_violations(page) == []
    with page.expect_navigation():
        page.get_by_role("button", name=texts["send"]).click()
    assert texts["thanks"] in page.locator("h1").inner_text()


@pytest.mark.parametrize("locale", list(JOURNEYS))
def test_a_colleague_rates_without_an_account_and_the_owner_sees_the_view(
    live_server, browser, locale
):
    viewport, texts = JOURNEYS[locale]
    owner, assessment, round_ = _owner_with_round()
    raters = [("manager", 1), ("peer", 3), ("peer", 3), ("peer", 4)]
    tokens = [services.invitation_create(round_=round_, relationship=r)[1] for r, _ in raters]
    for n, ((relationship, level), token) in enumerate(zip(raters, tokens, strict=True)):
        context = browser.new_context(locale=locale, viewport=viewport)
        page = context.new_page()
        url = live_server.url + reverse("colleague_rate", args=[token])
        _rate(page, url, level, texts, consent=relationship == "manager", check_page=n == 0)
        if n == 0:  # the used link only says thank you, and takes nothing more
            page.goto(url)
            assert texts["thanks"] in page.locator("h1").inner_text()
            assert page.locator("form.rate-form").count() == 0
            assert _fits(page)
        context.close()
    assert ColleagueRating.objects.count() == 4
    assert ItemRating.objects.filter(level__isnull=True).count() == 4  # one "can't judge" each
    assert ColleagueComment.objects.count() == 4

    client = Client()
    client.force_login(owner)
    context = browser.new_context(locale=locale, viewport=viewport)
    host = live_server.url.split("//", 1)[1].split(":")[0]
    context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                "domain": host,
                "path": "/",
            }
        ]
    )
    page = context.new_page()
    page.goto(live_server.url + reverse("assessments:detail", args=[assessment.pk]))
    section = page.locator("#colleagues")
    assert texts["section"] in section.locator("h2").inner_text()
    # 1 manager (who agreed) + 3 peers: the manager alone, the peers, all four
    headers = section.locator("thead th").all_inner_texts()
    assert len(headers) == 2 + 3
    assert section.locator(".colleagues-comments li").count() == 4
    assert _fits(page)
    assert axe_violations(page) == []
    context.close()
