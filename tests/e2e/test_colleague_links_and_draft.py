"""In a real browser: the owner copies each of several invitation links from the list,
and a colleague's rating form at phone width counts, keeps and folds their answers as
they go."""

from importlib import import_module

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse

from colleagues import drafts, services
from colleagues.models import ColleagueRating, Invitation
from tests.e2e.conftest import DESKTOP, PHONE, axe_violations
from tests.factories import CompletedAssessmentFactory

pytestmark = pytest.mark.usefixtures("live_guide")


def _owner_with_round():
    owner = get_user_model().objects.create_user("mina", "mina@example.com", "x-Passw0rd-long")
    assessment = CompletedAssessmentFactory(owner=owner, default=2)
    round_ = services.round_open(
        assessment=assessment,
        item_slugs=services.default_item_slugs(assessment),
        display_name="Mina K.",
    )
    return owner, assessment, round_


def _logged_in(browser, live_server, user, locale, viewport):
    client = Client()
    client.force_login(user)
    context = browser.new_context(locale=locale, viewport=viewport)
    context.set_default_timeout(10_000)
    host = live_server.url.split("//", 1)[1].split(":")[0]
    cookie = client.cookies[settings.SESSION_COOKIE_NAME].value
    context.add_cookies(
        [{"name": settings.SESSION_COOKIE_NAME, "value": cookie, "domain": host, "path": "/"}]
    )
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=live_server.url)
    return context


def _fits(page):
    width, window = page.evaluate("() => [document.documentElement.scrollWidth, innerWidth]")
    return width <= window


@pytest.mark.parametrize(
    ("locale", "viewport", "copy", "reissue"),
    [("en-US", DESKTOP, "Copy", "Re-issue"), ("ja-JP", PHONE, "コピー", "再発行")],
)
def test_the_owner_copies_each_of_three_links_from_the_list(
    live_server, browser, locale, viewport, copy, reissue
):
    owner, assessment, _round = _owner_with_round()
    context = _logged_in(browser, live_server, owner, locale, viewport)
    page = context.new_page()
    page.goto(live_server.url + reverse("colleagues:manage", args=[assessment.pk]))
    for relationship in ("manager", "peer", "direct_report"):
        page.select_option("#relationship", relationship)
        with page.expect_navigation():
            page.locator("form.invite-form button[type=submit]").click()
    rows = page.locator("ul.invitation-list > li")
    assert rows.count() == 3
    newest = Invitation.objects.order_by("-pk")
    assert [row.get_attribute("id") for row in rows.all()] == [f"invitation-{i.pk}" for i in newest]
    assert page.locator("button[data-copy-target]:visible").count() == 3
    assert _fits(page)
    assert axe_violations(page) == []

    second = rows.nth(1)
    link = second.locator("input.invitation-url").input_value()
    second.get_by_role("button", name=copy).click()
    # The note says the link is no longer kept once the server has forgotten it.
    page.wait_for_function(
        "(note) => note.textContent === note.dataset.copiedText",
        arg=second.locator("[data-copied-text]").element_handle(),
    )
    assert page.evaluate("() => navigator.clipboard.readText()") == link
    page.reload()
    rows = page.locator("ul.invitation-list > li")
    assert rows.nth(1).locator("input.invitation-url").count() == 0
    assert rows.nth(1).get_by_role("button", name=reissue).is_visible()
    assert rows.nth(0).locator("input.invitation-url").count() == 1
    assert rows.nth(2).locator("input.invitation-url").count() == 1
    assert axe_violations(page) == []
    context.close()


def test_the_rating_form_counts_and_keeps_answers_as_they_go_on_a_phone(live_server, browser):
    _owner, _assessment, round_ = _owner_with_round()
    _invitation, token = services.invitation_create(round_=round_, relationship="peer")
    total = round_.round_items.count()
    context = browser.new_context(locale="en-US", viewport=PHONE)
    context.set_default_timeout(10_000)
    page = context.new_page()
    url = live_server.url + reverse("colleague_rate", args=[token])
    page.goto(url)
    count = page.locator("#answered-count")
    assert count.inner_text() == f"0 of {total} answered"
    questions = page.locator("fieldset.item-question")
    for index in range(5):
        questions.nth(index).locator("input[type=radio][value='3']").check()
    page.wait_for_function(
        "() => document.getElementById('answered-count').textContent.startsWith('5 of')"
    )
    page.wait_for_selector(".autosave-status[data-state=saved]")
    assert page.locator(".rate-progress [role=progressbar]").get_attribute("aria-valuenow") == "5"
    assert page.locator("a.rate-next").get_attribute("href") == "#" + questions.nth(
        5
    ).get_attribute("id")
    # The count stays in sight while the colleague scrolls down the long form.
    questions.nth(8).scroll_into_view_if_needed()
    assert page.locator(".rate-progress").bounding_box()["y"] == pytest.approx(0, abs=1)
    assert _fits(page)
    assert axe_violations(page) == []

    # Answered with a tap, an item folds to its answer; the page gets shorter as it goes.
    page.wait_for_function("() => document.querySelectorAll('.is-folded').length === 5")
    assert questions.nth(0).locator(".item-answer-text").inner_text() == "3 · Leads it"

    page.reload()
    assert count.inner_text() == f"5 of {total} answered"
    assert page.locator("input[type=radio]:checked").count() == 5
    assert page.locator("fieldset.is-folded").count() == 5
    assert ColleagueRating.objects.count() == 0
    first = questions.nth(0)
    first.get_by_role("button", name="Change").click()
    assert first.locator("input[type=radio][value='3']").is_checked()
    # Chosen with the keyboard, an item stays open (arrow keys choose as they move).
    first.locator("input[type=radio][value='3']").focus()
    page.keyboard.press("ArrowDown")
    page.wait_for_timeout(400)
    assert first.locator("input[type=radio][value='4']").is_checked()
    assert "is-folded" not in first.get_attribute("class")
    assert axe_violations(page) == []

    for index in range(5, total):
        questions.nth(index).locator("input[type=radio][value='na']").check()
    page.locator("textarea[name=comment]").fill("Calm in a crisis.")
    with page.expect_navigation():
        page.get_by_role("button", name="Send my rating").click()
    assert "Thank you" in page.locator("h1").inner_text()
    levels = list(ColleagueRating.objects.get().item_ratings.values_list("level", flat=True))
    assert sorted(level for level in levels if level is not None) == [3, 3, 3, 3, 4]
    cookie = next(c for c in context.cookies() if c["name"] == settings.SESSION_COOKIE_NAME)
    store = import_module(settings.SESSION_ENGINE).SessionStore(session_key=cookie["value"])
    assert drafts.draft_of(store, token) is None
    context.close()
