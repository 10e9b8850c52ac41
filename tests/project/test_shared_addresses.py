"""Rate limits a company can live with: the defaults let a whole office behind one NAT
address start, sign up and log in; a member is always counted by account; sign-up is
also counted per email address; the 429 page says when to come back."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.cache import cache
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from tests.real_guide import StageSlug

NAT = "203.0.113.80"


@pytest.fixture(autouse=True)
def _production_limits(settings):
    cache.clear()
    settings.RATE_LIMITS = dict(settings.RATE_LIMIT_DEFAULTS)
    yield
    cache.clear()


def colleague():
    return Client(HTTP_ACCEPT_LANGUAGE="en", REMOTE_ADDR=NAT)


def test_thirty_colleagues_behind_one_address_all_start(guide):
    data = {"current_stage": StageSlug.TECH_LEAD, "target_stage": StageSlug.CTO}
    started = [colleague().post(reverse("assessments:start"), data).status_code for _ in range(30)]
    assert started == [302] * 30


def test_thirty_colleagues_behind_one_address_all_sign_up(db):
    sent = [
        colleague().post(reverse("signup"), {"email": f"person{n}@example.com"}).status_code
        for n in range(30)
    ]
    assert sent == [302] * 30
    assert len(mail.outbox) == 30


def test_one_mailbox_is_not_flooded_from_many_addresses(db, settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "signup_email": "3/h"}
    for n in range(6):
        client = Client(HTTP_ACCEPT_LANGUAGE="en", REMOTE_ADDR=f"198.51.100.{n}")
        response = client.post(reverse("signup"), {"email": "Target@Example.com"})
        assert response.status_code == 302  # the same page: it tells nobody anything
    assert len(mail.outbox) == 3


def test_a_member_is_counted_by_account_not_by_the_shared_address(guide, member, settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "start": "2/h"}
    data = {"current_stage": StageSlug.TECH_LEAD, "target_stage": StageSlug.CTO}
    for _ in range(2):
        colleague().post(reverse("assessments:start"), data)
    assert colleague().post(reverse("assessments:start"), data).status_code == 429
    member_at_the_nat = colleague()
    member_at_the_nat.force_login(member)
    assert member_at_the_nat.post(reverse("assessments:start"), data).status_code == 302


def test_the_429_page_says_when_to_come_back(db, settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "resume": "1/h"}
    client = colleague()
    url = reverse("assessments:resume", args=["not-a-token"])
    client.get(url)
    response = client.get(url)
    assert response.status_code == 429
    wait = int(response["Retry-After"])
    back = timezone.localtime(timezone.now() + timedelta(seconds=wait))
    html = response.content.decode()
    assert f"{back:%H:%M}" in html or f"{back + timedelta(minutes=1):%H:%M}" in html
    assert back.tzname() in html  # the site's time zone, until the browser shows its own
    assert 'data-local-time datetime="' in html


def test_the_429_page_says_when_in_japanese_too(db, settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "resume": "1/h"}
    client = Client(REMOTE_ADDR=NAT)
    url = reverse("assessments:resume", args=["not-a-token"])
    client.get(url)
    html = client.get(url).content.decode()
    assert "分後" in html and "以降にもう一度お試しください" in html
