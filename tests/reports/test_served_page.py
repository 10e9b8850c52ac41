"""The report page served whole (reports/page.py): a repeated view is a few small queries
and one cache read; whatever the page shows that changed is a new drawing, never a stale
page; one audience's page never reaches another; the CSRF token is the request's own."""

import re

import pytest
from django.core.cache import cache, caches
from django.test import Client
from django.urls import reverse

from assessments import services
from plans import services as plan_services
from reports.page import _described
from tests.assessments.report_helpers import (
    client_in,
    detail_url,
    shared_url,
    visitor_client,
)
from tests.calibration.check_helpers import answer_all, start
from tests.colleagues.helpers import invite, open_round, rate
from tests.factories import CompletedAssessmentFactory

pytestmark = pytest.mark.usefixtures("guide")
TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


@pytest.fixture(autouse=True)
def _empty_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def own(member):
    CompletedAssessmentFactory(owner=member, default=1)  # the one it is compared with
    return CompletedAssessmentFactory(owner=member, default=2)


@pytest.fixture
def owner(member):
    client = client_in("en")
    client.force_login(member)
    return client


@pytest.fixture
def cache_reads(monkeypatch):
    """The keys the default cache is asked for, in order."""
    default, keys = caches["default"], []
    read = default.get

    def get(key, *args, **kwargs):
        keys.append(key)
        return read(key, *args, **kwargs)

    monkeypatch.setattr(default, "get", get)
    return keys


def masked(response):
    assert response.status_code == 200
    return TOKEN.sub('name="csrfmiddlewaretoken" value="…"', response.content.decode())


def drawn_afresh(client, url, **headers):
    """The page drawn for this request with nothing kept: what a served page must equal."""
    cache.clear()
    return masked(client.get(url, **headers))


def test_a_repeated_view_is_a_few_queries_one_cache_read_and_the_same_page(
    owner, own, cache_reads, django_assert_max_num_queries
):
    url = detail_url(own)
    first = owner.get(url)
    assert first.templates, "the first view draws the page"
    cache_reads.clear()
    # The session, the member, the assessment and the one before it, the plan's budget,
    # the colleagues' round, the check (two), the share links, the previous plan's actions.
    with django_assert_max_num_queries(10):
        again = owner.get(url)
    assert not again.templates, "a repeated view draws nothing"
    assert [key for key in cache_reads if key.startswith("report:")] == [
        key for key in cache_reads if ":whole-page:" in key
    ]
    assert len([key for key in cache_reads if ":whole-page:" in key]) == 1
    assert masked(again) == masked(first) == drawn_afresh(owner, url)


@pytest.mark.parametrize("language", ["en", "ja"])
def test_a_share_viewer_and_a_visitor_are_served_the_page_drawn_for_them(
    own, language, django_assert_max_num_queries
):
    _link, token = services.share_link_create(assessment=own)
    viewer, url = client_in(language), shared_url(token)
    first = masked(viewer.get(url))
    with django_assert_max_num_queries(5):  # the link, the owner's name, budget, round
        again = viewer.get(url)
    assert not again.templates
    assert masked(again) == first == drawn_afresh(viewer, url)
    visitors = CompletedAssessmentFactory(default=3)
    browser = visitor_client(visitors, language=language)
    first = masked(browser.get(detail_url(visitors)))
    again = browser.get(detail_url(visitors))
    assert not again.templates
    assert masked(again) == first == drawn_afresh(browser, detail_url(visitors))


def test_the_served_page_carries_this_requests_csrf_token(owner, own):
    owner.get(detail_url(own))
    strict = Client(enforce_csrf_checks=True, HTTP_ACCEPT_LANGUAGE="en")
    strict.cookies = owner.cookies
    page = strict.get(detail_url(own))
    assert not page.templates
    token = TOKEN.search(page.content.decode()).group(1)
    assert "csrf-token" not in page.content.decode()
    response = strict.post(
        reverse("assessments:share_create", args=[own.pk]),
        {"expires_in_days": "30", "csrfmiddlewaretoken": token},
    )
    assert response.status_code == 302, "the token in a kept page is accepted"


def _change_budget(owner, assessment):
    plan_services.plan_hours_set(plan=plan_services.plan_for(assessment), hours_per_week=9)


def _take_check(owner, assessment):
    start(owner, assessment)
    answer_all(owner, assessment, right=True)


def _colleagues_rate(owner, assessment):
    round_ = open_round(assessment)
    for relationship in ("peer", "peer", "direct_report"):
        rate(invite(owner, assessment, relationship), round_, level=3)


def _share(owner, assessment):
    services.share_link_create(assessment=assessment, show_colleagues=True)


@pytest.mark.parametrize(
    ("change", "shows"),
    [
        (_change_budget, "fitted to 9 hours a week"),
        (_take_check, 'id="calibration"'),
        (_colleagues_rate, 'id="colleagues"'),
        (_share, "with your colleagues"),
    ],
)
def test_a_change_after_completion_is_a_new_drawing_never_a_stale_page(owner, own, change, shows):
    url = detail_url(own)
    before = masked(owner.get(url))
    change(owner, own)
    after = owner.get(url)
    assert after.templates, "drawn again"
    assert masked(after) != before
    assert masked(after) == drawn_afresh(owner, url)
    assert shows in masked(after)


def test_each_language_is_its_own_drawing(owner, own):
    english = masked(owner.get(detail_url(own)))
    japanese = owner.get(detail_url(own), HTTP_ACCEPT_LANGUAGE="ja")
    assert japanese.templates
    assert masked(japanese) != english
    assert 'lang="ja"' in masked(japanese)


def test_one_audiences_page_never_reaches_another(owner, own, member):
    """The owner's page kept, then the same assessment's share viewer, a logged-out
    browser and another assessment: each is drawn for itself."""
    own_page = masked(owner.get(detail_url(own)))
    _link, token = services.share_link_create(assessment=own)
    shared = client_in("en").get(shared_url(token))
    assert shared.templates
    assert "Share this report" in own_page and "Share this report" not in masked(shared)
    stranger = client_in("en").get(detail_url(own))
    assert stranger.status_code == 404
    other = CompletedAssessmentFactory(owner=member, default=3)
    assert owner.get(detail_url(other)).templates


def test_a_page_that_shows_something_once_is_not_kept(owner, own):
    response = owner.post(
        reverse("assessments:share_create", args=[own.pk]), {"expires_in_days": "7"}
    )
    first = masked(owner.get(response.url))
    assert 'id="share-url"' in first and "Your share link is ready" in first
    again = masked(owner.get(detail_url(own)))
    assert 'id="share-url"' not in again and "Your share link is ready" not in again


def test_the_key_refuses_what_it_cannot_describe():
    with pytest.raises(TypeError):
        _described({"thing": object()})
