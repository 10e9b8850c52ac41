"""Tables on a phone: the dashboard, an organisation's members and the API tokens become
one card per row (every action within the screen), and no page scrolls sideways."""

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse

from accounts.services import account_create
from api import services as api_services
from organisations import services as organisation_services
from tests.factories import CompletedAssessmentFactory
from tests.real_guide import StageSlug

pytestmark = pytest.mark.usefixtures("live_guide")

PASSWORD = "a-long-Passw0rd!"  # noqa: S105 (a test account's password)

# Buttons and links inside tables whose right edge is past the window (off-screen).
OFF_SCREEN = """() => [...document.querySelectorAll('main table a, main table button')]
  .filter(el => el.getClientRects().length && el.getBoundingClientRect().right > window.innerWidth + 1)
  .map(el => el.textContent.trim())"""


@pytest.fixture
def member_with_tables():
    member = account_create(
        username="owner@example.com", email="owner@example.com", password=PASSWORD
    )
    CompletedAssessmentFactory(owner=member)
    CompletedAssessmentFactory(owner=member, target=StageSlug.VP_ENGINEERING)
    organisation = organisation_services.organisation_create(user=member, name="Kaizen Labs")
    inviter = organisation.memberships.get()
    for n in range(3):
        name = f"engineer.with.a.long.name{n}@example-company.co.jp"
        user = account_create(username=name, email=name, password=PASSWORD)
        invitation, _ = organisation_services.invitation_create(membership=inviter)
        organisation_services.invitation_accept(invitation=invitation, user=user)
    api_services.token_create(user=member, name="A reporting script with a long name")
    client = Client()
    client.force_login(member)
    return client.cookies[settings.SESSION_COOKIE_NAME].value, [
        reverse("dashboard"),
        reverse("organisations:detail", args=[organisation.pk]),
        reverse("api_tokens"),
    ]


@pytest.mark.parametrize("width", [360, 390])
def test_tables_become_cards_with_every_action_on_screen(
    live_server, browser, member_with_tables, width
):
    cookie, paths = member_with_tables
    context = browser.new_context(locale="ja-JP", viewport={"width": width, "height": 800})
    host = live_server.url.split("//", 1)[1].split(":")[0]
    context.add_cookies(
        [{"name": settings.SESSION_COOKIE_NAME, "value": cookie, "domain": host, "path": "/"}]
    )
    problems = []
    try:
        page = context.new_page()
        for path in paths:
            page.goto(live_server.url + path)
            page.wait_for_load_state()
            scroll, window = page.evaluate(
                "() => [document.documentElement.scrollWidth, window.innerWidth]"
            )
            if scroll > window:
                problems.append(f"{path}: the page is {scroll} px wide in {window} px")
            off = page.evaluate(OFF_SCREEN)
            if off:
                problems.append(f"{path}: off-screen in a table: {off}")
            if page.locator("main table.table-stack").count() == 0:
                problems.append(f"{path}: no table stacks")
    finally:
        context.close()
    assert problems == []
