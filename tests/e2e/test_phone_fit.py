"""Every public and personal page fits a phone: nothing scrolls sideways at 360 or 390 px,
and no text is drawn under 12 px (the radar's labels included)."""

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse

from assessments import services
from content.models import Item, Stage
from tests.real_guide import StageSlug

pytestmark = pytest.mark.usefixtures("live_guide")

PUBLIC_PAGES = [
    "/",
    "/career-ladder/",
    "/career-ladder/?kind=startups",
    "/skills/",
    "/learning-path/",
    "/interview/",
    "/trends/",
    "/assessments/start/",
    "/accounts/login/",
    "/accounts/signup/",
    "/accounts/password_reset/",
]

# Text drawn smaller than 12 px, as the reader sees it (SVG text scaled with its chart).
SMALL_TEXT = """() => {
  const found = [];
  for (const el of document.querySelectorAll('body *')) {
    const own = [...el.childNodes].some(n => n.nodeType === 3 && n.textContent.trim());
    if (!own || !el.getClientRects().length) continue;
    let size = parseFloat(getComputedStyle(el).fontSize);
    const svg = el.closest('svg');
    if (svg && svg.viewBox.baseVal && svg.viewBox.baseVal.width) {
      size *= svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
    }
    const name = el.className.baseVal ?? el.className;
    if (size < 11.95) found.push(`${el.tagName}.${name} ${size.toFixed(1)}px`);
  }
  return [...new Set(found)].slice(0, 5);
}"""


@pytest.fixture
def member_pages(django_user_model):
    """A member with a completed assessment, a draft and a share link: their pages' paths,
    and the session cookie that opens them."""
    member = django_user_model.objects.create_user("phone", "p@example.com", "x-Passw0rd-long")
    stages = list(Stage.objects.order_by("order"))
    items = list(Item.objects.filter(active=True))
    done, _ = services.assessment_start(
        owner=member, current_stage=stages[2], target_stage=stages[-1]
    )
    services.answers_save(assessment=done, answers={item: (2, "a note") for item in items})
    done = services.assessment_complete(assessment=done)
    _, share_token = services.share_link_create(assessment=done)
    draft, _ = services.assessment_start(
        owner=member, current_stage=stages[0], target_stage=stages[-1]
    )
    client = Client()
    client.force_login(member)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME].value
    paths = [
        reverse("dashboard"),
        reverse("account_settings"),
        reverse("account_delete"),
        reverse("password_change"),
        reverse("assessments:step", args=[draft.pk, 1]),
        reverse("assessments:step", args=[draft.pk, 3]),
        reverse("assessments:review", args=[draft.pk]),
        reverse("assessments:delete", args=[draft.pk]),
        reverse("assessments:detail", args=[done.pk]),
    ]
    return cookie, paths, reverse("shared_report", args=[share_token])


def check(page, url):
    page.goto(url)
    page.wait_for_load_state()
    width, window = page.evaluate("() => [document.documentElement.scrollWidth, window.innerWidth]")
    problems = []
    if width > window:
        problems.append(f"{url}: {width} px wide in a {window} px window")
    small = page.evaluate(SMALL_TEXT)
    if small:
        problems.append(f"{url}: text under 12 px: {small}")
    return problems


@pytest.mark.parametrize("width", [360, 390])
@pytest.mark.parametrize("locale", ["ja-JP", "en-US"])
def test_no_page_scrolls_sideways_on_a_phone(live_server, browser, member_pages, width, locale):
    cookie, personal, shared = member_pages
    problems = []
    # A visitor: the public pages, a shared report, and a draft of their own.
    visitor = browser.new_context(locale=locale, viewport={"width": width, "height": 800})
    try:
        page = visitor.new_page()
        for path in [*PUBLIC_PAGES, shared]:
            problems += check(page, live_server.url + path)
        page.goto(live_server.url + "/assessments/start/")
        page.select_option("#id_current_stage", StageSlug.TECH_LEAD)
        page.locator("main form button[type=submit]").click()
        page.wait_for_load_state()
        with page.expect_navigation():
            page.locator("button[value=next]").click()  # an empty step: the notice shows
        page.wait_for_load_state()
        problems += check(page, page.url)
    finally:
        visitor.close()
    member = browser.new_context(locale=locale, viewport={"width": width, "height": 800})
    try:
        host = live_server.url.split("//", 1)[1].split(":")[0]
        member.add_cookies(
            [{"name": settings.SESSION_COOKIE_NAME, "value": cookie, "domain": host, "path": "/"}]
        )
        page = member.new_page()
        for path in personal:
            problems += check(page, live_server.url + path)
    finally:
        member.close()
    assert problems == []
