"""Responses that show a person's data are never cached; logging out clears the site's data."""

import pytest
from django.core.cache import cache
from django.urls import reverse

from colleagues import services as colleagues_services
from tests.assessments.report_helpers import (
    FORMATS,
    client_in,
    create_share_link,
    detail_url,
    shared_export_url,
    shared_url,
)
from tests.factories import CompletedAssessmentFactory
from tests.questionnaire import english_browser, step_url


@pytest.fixture(autouse=True)
def _empty_cache():
    cache.clear()


def assert_never_stored(response):
    assert response.status_code == 200, response.status_code
    directives = {part.strip() for part in response["Cache-Control"].split(",")}
    assert {"no-store", "private"} <= directives, response["Cache-Control"]


def test_a_visitors_step_and_review_pages_are_never_stored(visitor_draft):
    client, assessment = visitor_draft
    assert_never_stored(client.get(step_url(assessment, 1)))
    assert_never_stored(client.get(reverse("assessments:review", args=[assessment.pk])))


@pytest.mark.parametrize(
    "name", ["dashboard", "account_settings", "data_export", "account_delete", "password_change"]
)
def test_a_members_pages_are_never_stored(member_client, name):
    assert_never_stored(member_client.get(reverse(name)))


@pytest.fixture
def owner_report(guide, member, member_client):
    return CompletedAssessmentFactory(owner=member)


def test_the_report_and_every_export_are_never_stored(owner_report, member_client):
    assert_never_stored(member_client.get(detail_url(owner_report)))
    for fmt in FORMATS:
        url = reverse("assessments:export", args=[owner_report.pk, fmt])
        assert_never_stored(member_client.get(url))


def test_shared_reports_and_their_exports_are_never_stored(owner_report, member_client):
    token = create_share_link(member_client, owner_report)
    viewer = client_in("en")
    assert_never_stored(viewer.get(shared_url(token)))
    for fmt in FORMATS:
        assert_never_stored(viewer.get(shared_export_url(token, fmt)))


def test_the_colleagues_pages_are_never_stored(owner_report, member_client):
    round_ = colleagues_services.round_open(
        assessment=owner_report, item_slugs=colleagues_services.default_item_slugs(owner_report)
    )
    token = colleagues_services.invitation_create(round_=round_, relationship="peer")[1]
    assert_never_stored(member_client.get(reverse("colleagues:manage", args=[owner_report.pk])))
    colleague = english_browser()  # no account, no session of theirs
    assert_never_stored(colleague.get(reverse("colleague_rate", args=[token])))


def test_public_pages_stay_cacheable_for_a_stranger(guide):
    response = english_browser().get(reverse("home"))
    assert "no-store" not in response.get("Cache-Control", "")


def test_logging_out_clears_the_sites_data(member_client):
    response = member_client.post(reverse("logout"))
    assert response.status_code == 302
    assert response["Clear-Site-Data"] == '"cache", "cookies", "storage"'
