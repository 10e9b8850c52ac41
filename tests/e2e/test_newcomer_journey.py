"""The newcomer's path of issue 27 in a real browser, in Japanese on a phone (390 px) and in
English on a desktop (1280 px).

1. A visitor starts an assessment, opens the resume link in another browser, finishes it
   there, reads the report and creates an account from it: the dashboard lists it, the
   keep banner is gone, and the first browser no longer holds it.
2. An organisation's join link opened logged out says who invites, and the invitation
   survives log-in page, sign-up and the emailed link: the invitee ends in the organisation.

On the phone the emailed sign-up link opens in a browser of its own (a mail app's), on the
desktop in the same one: both keep what the browser that asked for it held.

Every page visited fits the width (no sideways scroll) and passes axe. With
E2E_SCREENSHOTS=DIR each step is saved there as a full-page PNG, to be looked at.
"""

import os
import re
from pathlib import Path

import pytest
from django.utils import translation

from accounts.services import account_create
from assessments.models import Assessment
from organisations.models import Membership
from reports.report import build_report
from tests import real_guide
from tests.e2e.conftest import PHONE, axe_violations
from tests.real_guide import StageSlug

pytestmark = pytest.mark.usefixtures("live_guide")

PASSWORD = "a-long-Passw0rd!"  # noqa: S105 (a test account's password)
STEPS = real_guide.guide_counts().steps
SIGNUP_LINK = re.compile(r"https?://\S+/accounts/signup/confirm/\S+/")
WAYS = [
    pytest.param("ja", "ja-JP", PHONE, id="ja-390"),
    pytest.param("en", "en-US", {"width": 1280, "height": 800}, id="en-1280"),
]


def say(language, message, **values):
    """The product's words in `language`; a Japanese page must not fall back to English."""
    with translation.override(language):
        text = translation.gettext(message)
    assert language == "en" or text != message, f"untranslated: {message}"
    return text % values if values else text


class Walk:
    """A journey's pages, each checked as it is reached (and saved when asked)."""

    def __init__(self, name):
        self.name = name
        self.number = 0
        folder = os.environ.get("E2E_SCREENSHOTS")
        self.folder = Path(folder) if folder else None
        if self.folder:
            self.folder.mkdir(parents=True, exist_ok=True)

    def look(self, page, step):
        page.wait_for_load_state()
        self.number += 1
        if self.folder:
            page.screenshot(
                path=self.folder / f"{self.name}-{self.number:02}-{step}.png", full_page=True
            )
        fits = page.evaluate("() => document.scrollingElement.scrollWidth <= window.innerWidth")
        assert fits, f"{step} scrolls sideways at {page.viewport_size['width']} px"
        assert axe_violations(page) == [], step


def edge_contrast(page, selector):
    """The contrast of a control's edge against the white page (WCAG 1.4.11 asks 3:1)."""
    colour = page.locator(selector).first.evaluate("e => getComputedStyle(e).borderTopColor")
    red, green, blue, *alpha = (float(v) for v in re.findall(r"[\d.]+", colour))
    opacity = alpha[0] if alpha else 1.0

    def luminance(channel):
        channel = (channel * opacity + 255 * (1 - opacity)) / 255
        return channel / 12.92 if channel <= 0.03928 else ((channel + 0.055) / 1.055) ** 2.4

    edge = 0.2126 * luminance(red) + 0.7152 * luminance(green) + 0.0722 * luminance(blue)
    return 1.05 / (edge + 0.05)


def new_page(browser, locale, viewport):
    context = browser.new_context(locale=locale, viewport=viewport)
    context.set_default_timeout(10_000)
    return context, context.new_page()


def click_and_wait(page, locator):
    with page.expect_navigation():
        locator.click()
    page.wait_for_load_state()


def menu_link(page, name):
    """Follow a link of the site's header, opening its menu first on a narrow screen."""
    toggler = page.locator("header .navbar-toggler")
    if toggler.is_visible():
        toggler.click()
    link = page.locator("header").get_by_role("link", name=name)
    link.wait_for(state="visible")
    click_and_wait(page, link)


def answer_step(page, level):
    questions = page.locator("fieldset.item-question")
    for index in range(questions.count()):
        questions.nth(index).locator(f"input[type=radio][value='{level}']").check()
    # The button may wait for an autosave in flight before the form goes.
    click_and_wait(page, page.locator("button[value=next], button[value=review]").first)


def sign_up_by_email(page, walk, mailoutbox, language, email, mailbox):
    """From the sign-up page shown: the address, then the emailed link opened in `mailbox`
    (this browser, or the one a phone's mail app opens), a password. Returns the page
    the new member lands on, logged in."""
    page.fill("#id_email", email)
    click_and_wait(page, page.get_by_role("button", name=say(language, "Send me the link")))
    assert say(language, "Check your email") in page.locator("h1").inner_text()
    walk.look(page, "signup-sent")
    (message,) = [m for m in mailoutbox if email in m.to]
    mailbox.goto(SIGNUP_LINK.search(message.body).group(0))
    walk.look(mailbox, "signup-password")
    mailbox.fill("#id_new_password1", PASSWORD)
    mailbox.fill("#id_new_password2", PASSWORD)
    click_and_wait(mailbox, mailbox.get_by_role("button", name=say(language, "Create my account")))
    welcome = say(language, "Welcome! Your account is ready.")
    assert welcome in mailbox.locator("main").inner_text()
    return mailbox


def mail_browser(browser, language, locale, viewport, page):
    """Where the emailed link opens: on the phone (ja), the mail app's own browser; on the
    desktop (en), the same browser."""
    if language == "ja":
        return new_page(browser, locale, viewport)
    return None, page


@pytest.mark.parametrize(("language", "locale", "viewport"), WAYS)
def test_a_report_finished_through_the_resume_link_is_kept_at_sign_up(
    live_server, browser, mailoutbox, language, locale, viewport
):
    walk = Walk(f"report-{language}-{viewport['width']}")
    first_context, first = new_page(browser, locale, viewport)
    other_context, other = new_page(browser, locale, viewport)
    mail_context = None
    try:
        # Start logged out and take the resume link.
        first.goto(live_server.url + "/")
        walk.look(first, "home")
        click_and_wait(first, first.locator("main a[href='/assessments/start/']").first)
        first.select_option("#id_current_stage", StageSlug.TECH_LEAD)
        walk.look(first, "start")
        click_and_wait(first, first.get_by_role("button", name=say(language, "Begin")))
        resume_url = first.locator("#resume-url").input_value()
        assert resume_url.startswith(live_server.url + "/assessments/resume/")
        walk.look(first, "step-1-first-browser")
        # The rating's radio buttons are seen before one is chosen.
        assert edge_contrast(first, "fieldset.item-question input[type=radio]") >= 3

        # Another browser, with nothing but the link: every step, the review, the report.
        other.goto(resume_url)
        for number in range(1, STEPS + 1):
            if number == STEPS:
                walk.look(other, f"step-{number}")
            answer_step(other, level=1 + number % 4)
        assert other.url.endswith("/review/")
        walk.look(other, "review")
        click_and_wait(
            other, other.get_by_role("button", name=say(language, "Submit and see my report"))
        )
        report_url = other.url
        assessment = Assessment.objects.get()
        assert assessment.is_completed and assessment.owner is None
        keep = other.locator(".keep-report")
        assert keep.count() == 1
        walk.look(other, "report-visitor")

        # "Create an account to keep it", in the browser that finished it.
        click_and_wait(
            other, keep.get_by_role("link", name=say(language, "Create an account to keep it"))
        )
        walk.look(other, "signup")
        email = f"newcomer-{language}@example.com"
        mail_context, mailbox = mail_browser(browser, language, locale, viewport, other)
        member = sign_up_by_email(other, walk, mailoutbox, language, email, mailbox)
        assert member.url == report_url
        saved = say(language, "The assessment you were taking is now saved to your account.")
        assert saved in member.locator("main").inner_text()
        assert member.locator(".keep-report").count() == 0
        assert member.locator("form[action$='/claim/']").count() == 0
        walk.look(member, "report-member")
        assessment.refresh_from_db()
        assert assessment.owner.email == email

        # The dashboard lists it, completed, with its readiness.
        menu_link(member, say(language, "My assessments"))
        rows = member.locator("main table tbody tr")
        assert rows.count() == 1
        assert say(language, "Completed") in rows.first.inner_text()
        readiness = build_report(assessment, language=language).target_readiness
        assert f"{readiness:.1f}%" in rows.first.inner_text()
        walk.look(member, "dashboard")

        # The browsers that held it as a visitor's: a member's now, nothing there to claim.
        for page in {first, other} - {member}:
            response = page.goto(report_url)
            assert response.status == 404
            assert page.locator(".keep-report, form[action$='/claim/']").count() == 0
            # ...but they are told where it went, and how to get to it.
            assert page.locator("main a[href^='/accounts/login/?next=']").count() == 1
        walk.look(first, "first-browser-after")
        assert first.goto(resume_url).status == 404
    finally:
        first_context.close()
        other_context.close()
        if mail_context:
            mail_context.close()


@pytest.mark.parametrize(("language", "locale", "viewport"), WAYS)
def test_an_invitee_signs_up_from_the_join_link_into_the_organisation(
    live_server, browser, mailoutbox, language, locale, viewport
):
    walk = Walk(f"join-{language}-{viewport['width']}")
    name = {"ja": "カイゼン技術部", "en": "Kaizen Labs"}[language]
    account_create(username="chief", email="chief@example.com", password=PASSWORD)
    owner_context, chief = new_page(browser, locale, viewport)
    owner_context.grant_permissions(["clipboard-read", "clipboard-write"], origin=live_server.url)
    invitee_context, invitee = new_page(browser, locale, viewport)
    mail_context = None
    try:
        # The owner makes the organisation and a join link.
        chief.goto(live_server.url + "/accounts/login/")
        chief.fill("#id_username", "chief")
        chief.fill("#id_password", PASSWORD)
        click_and_wait(chief, chief.locator("main button[type=submit]"))
        chief.goto(live_server.url + "/organisations/")
        chief.fill("#id_name", name)
        click_and_wait(chief, chief.locator("main form button[type=submit]"))
        detail_url = chief.url
        click_and_wait(
            chief, chief.get_by_role("button", name=say(language, "Create an invitation link"))
        )
        join_url = chief.locator("#invitation-link").input_value()
        copy = chief.locator("button[data-copy-target=invitation-link]")
        assert copy.inner_text() == say(language, "Copy")
        copy.click()
        assert chief.evaluate("() => navigator.clipboard.readText()") == join_url
        assert copy.inner_text() == say(language, "Copied")
        walk.look(chief, "owner-link")

        # The invitee, logged out: the link says who invites them.
        invitee.goto(join_url)
        assert name in invitee.locator("h1").inner_text()
        walk.look(invitee, "join-logged-out")
        click_and_wait(
            invitee, invitee.locator("main").get_by_role("link", name=say(language, "Log in"))
        )
        invited = say(
            language,
            "You are invited to %(name)s. After you log in or create your account, you can "
            "accept the invitation.",
            name=name,
        )
        assert invitee.locator(".invited-note").inner_text() == invited
        walk.look(invitee, "login-invited")
        click_and_wait(
            invitee,
            invitee.locator("main").get_by_role("link", name=say(language, "Create an account")),
        )
        assert invitee.locator(".invited-note").inner_text() == invited
        walk.look(invitee, "signup-invited")
        mail_context, mailbox = mail_browser(browser, language, locale, viewport, invitee)
        email = f"invitee-{language}@example.com"
        invitee = sign_up_by_email(invitee, walk, mailoutbox, language, email, mailbox)

        # Back at the invitation, logged in: one click and they are in.
        assert invitee.url == join_url
        walk.look(invitee, "join-logged-in")
        click_and_wait(invitee, invitee.get_by_role("button", name=say(language, "Join")))
        assert invitee.url == detail_url
        assert invitee.locator("h1").inner_text() == name
        welcome = say(language, "Welcome to %(name)s.", name=name)
        assert welcome in invitee.locator("main").inner_text()
        # A member has this one page: no tabs of the admins' pages, nor a lone one.
        assert invitee.locator("main nav, main .nav-pills").count() == 0
        walk.look(invitee, "organisation")
        membership = Membership.objects.get(user__email=email)
        assert membership.organisation.name == name
        assert membership.role == "member"
    finally:
        owner_context.close()
        invitee_context.close()
        if mail_context:
            mail_context.close()
