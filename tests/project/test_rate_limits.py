"""Rate limits on starting, signing up, logging in, resuming, sharing and PDFs: a 429 page
in both languages with Retry-After, counted per member or per client address."""

import pytest
from django.core.cache import cache
from django.test import Client
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from cto_assess.ratelimit import parse_rate
from tests.assessments.report_helpers import export_url
from tests.factories import CompletedAssessmentFactory
from tests.questionnaire import PASSWORD
from tests.real_guide import StageSlug

LIMIT = 2


@pytest.fixture(autouse=True)
def _low_limits(settings):
    cache.clear()
    settings.RATE_LIMITS = dict.fromkeys(settings.RATE_LIMITS, f"{LIMIT}/h")
    yield
    cache.clear()


def english(address="203.0.113.5"):
    return Client(HTTP_ACCEPT_LANGUAGE="en", REMOTE_ADDR=address)


def statuses(send, times=LIMIT + 1):
    return [send().status_code for _ in range(times)]


def assert_limited(response):
    assert response.status_code == 429
    assert int(response["Retry-After"]) > 0
    assert "Too many requests" in response.content.decode()


def test_the_rates_read_as_count_per_period():
    assert parse_rate("20/h") == (20, 3600)
    assert parse_rate("5/10m") == (5, 600)
    with pytest.raises(ValueError):
        parse_rate("often")


def test_starting_assessments_is_limited_per_address(guide):
    client = english()
    data = {"current_stage": StageSlug.TECH_LEAD, "target_stage": StageSlug.CTO}
    assert statuses(lambda: client.post(reverse("assessments:start"), data)) == [302, 302, 429]
    assert_limited(client.post(reverse("assessments:start"), data))
    assert english("198.51.100.1").post(reverse("assessments:start"), data).status_code == 302
    # Reading the form is not limited.
    assert client.get(reverse("assessments:start")).status_code == 200


def test_sign_up_is_limited(db, mailoutbox):
    client = english()
    data = {"email": "someone@example.com"}
    assert statuses(lambda: client.post(reverse("signup"), data)) == [302, 302, 429]
    assert len(mailoutbox) == LIMIT  # nobody's mailbox is flooded


def test_codes_of_two_step_verification_are_limited(member, settings):
    settings.RATE_LIMITS["login"] = "100/h"
    TOTPDevice.objects.create(user=member, name="authenticator", confirmed=True)
    client = english()
    client.post(reverse("login"), {"username": "mina", "password": PASSWORD})
    assert statuses(lambda: client.post(reverse("login_code"), {"code": "000000"})) == [
        400,
        400,
        429,
    ]


def test_log_in_is_limited(db):
    client = english()
    data = {"username": "nobody", "password": "x"}
    assert statuses(lambda: client.post(reverse("login"), data))[-1] == 429


def test_resume_links_are_limited(db):
    client = english()
    url = reverse("assessments:resume", args=["not-a-token"])
    assert statuses(lambda: client.get(url)) == [404, 404, 429]


@pytest.fixture
def report_of(guide, member, member_client):
    return CompletedAssessmentFactory(owner=member)


def test_share_links_are_limited_per_member(report_of, member_client):
    url = reverse("assessments:share_create", args=[report_of.pk])
    sent = statuses(lambda: member_client.post(url, {"expires_in_days": "7"}))
    assert sent == [302, 302, 429]


def test_drawing_pdfs_is_limited_and_other_files_are_not(report_of, member, member_client):
    """Each drawing counts (here each language of each report is one); other files not."""
    other = CompletedAssessmentFactory(owner=member)
    drawings = [(report_of, "en"), (report_of, "ja"), (other, "en")]
    sent = [
        member_client.get(export_url(assessment, "pdf"), HTTP_ACCEPT_LANGUAGE=language)
        for assessment, language in drawings
    ]
    assert [r.status_code for r in sent] == [200, 200, 429]
    assert_limited(sent[-1])
    assert member_client.get(export_url(report_of, "csv")).status_code == 200


def test_a_drawn_pdf_is_served_again_and_again_without_spending_the_limit(report_of, member_client):
    sent = statuses(lambda: member_client.get(export_url(report_of, "pdf")), times=LIMIT + 5)
    assert sent == [200] * (LIMIT + 5)


def test_waiting_for_a_pdf_never_spends_the_limit(report_of, member_client, settings):
    """The audit's reproduction: worker stopped, 35 reloads of the "being prepared" page."""
    from django_tasks import default_task_backend

    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    default_task_backend.clear()
    waits = statuses(lambda: member_client.get(export_url(report_of, "pdf")), times=35)
    assert waits == [202] * 35
    assert len(default_task_backend.results) == 1
    for result in list(default_task_backend.results):  # the worker draws it at last
        result.task.call(*result.args, **result.kwargs)
    assert member_client.get(export_url(report_of, "pdf")).status_code == 200


def test_the_429_page_speaks_japanese(db):
    client = Client(REMOTE_ADDR="203.0.113.6")
    url = reverse("assessments:resume", args=["not-a-token"])
    response = [client.get(url) for _ in range(LIMIT + 1)][-1]
    assert response.status_code == 429
    assert "リクエストが多すぎます" in response.content.decode()
