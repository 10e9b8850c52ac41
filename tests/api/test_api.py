"""The read API: tokens, lists, reports with ETags, organisations, errors as JSON."""

import pytest
from django.core.cache import cache

from accounts.services import account_delete
from api.models import ApiToken
from organisations import services
from tests.assessments.report_helpers import SECRET_NOTE
from tests.factories import CompletedAssessmentFactory
from tests.organisations.conftest import join

ASSESSMENTS = "/api/v1/assessments"
REPORT = "/api/v1/assessments/{assessment_id}/report"
SHARED = "/api/v1/organisations/{organisation_id}/shared-assessments"
SHARED_REPORT = "/api/v1/organisations/{organisation_id}/shared-assessments/{assessment_id}/report"
COVERAGE = "/api/v1/organisations/{organisation_id}/coverage"


def _error_code(response):
    assert response["Content-Type"].startswith("application/json")
    return response.json()["error"]["code"]


@pytest.mark.django_db
def test_without_a_live_token_every_endpoint_answers_401(
    english_client, owner, bearer, organisation
):
    auth = bearer(owner)
    for headers in (
        {},
        {"HTTP_AUTHORIZATION": "Bearer cta_nope"},
        {"HTTP_AUTHORIZATION": "Basic x"},
    ):
        response = english_client.get(ASSESSMENTS, **headers)
        assert response.status_code == 401 and _error_code(response) == "unauthenticated"
        assert response["WWW-Authenticate"] == "Bearer"
    ApiToken.objects.update(revoked_at="2026-01-01T00:00:00Z")
    assert english_client.get(ASSESSMENTS, **auth).status_code == 401


@pytest.mark.django_db
def test_a_token_of_a_deleted_account_answers_401(english_client, make_member, bearer, guide):
    leaver = make_member("leaver")
    auth = bearer(leaver)
    assert english_client.get(ASSESSMENTS, **auth).status_code == 200
    account_delete(user=leaver)
    assert not ApiToken.objects.exists()
    assert english_client.get(ASSESSMENTS, **auth).status_code == 401


@pytest.mark.django_db
def test_the_member_lists_their_assessments_page_by_page(english_client, owner, bearer, conforms):
    done = CompletedAssessmentFactory(owner=owner)
    auth = bearer(owner)
    body = conforms(english_client.get(ASSESSMENTS, **auth), ASSESSMENTS)
    assert body["count"] == 1 and body["pages"] == 1 and body["next"] is None
    assert body["results"][0]["id"] == str(done.pk)
    assert body["results"][0]["report_url"].endswith(f"/api/v1/assessments/{done.pk}/report")
    past = english_client.get(f"{ASSESSMENTS}?page=2", **auth)
    assert past.status_code == 404 and _error_code(past) == "page_out_of_range"
    conforms(past, ASSESSMENTS)
    for bad in ("0", "x", "-1"):
        response = english_client.get(f"{ASSESSMENTS}?page={bad}", **auth)
        assert response.status_code == 400 and _error_code(response) == "bad_request"
        conforms(response, ASSESSMENTS)


@pytest.mark.django_db
def test_the_report_is_the_json_export_with_an_etag(english_client, owner, bearer, conforms):
    done = CompletedAssessmentFactory(owner=owner)
    auth = bearer(owner)
    response = english_client.get(f"/api/v1/assessments/{done.pk}/report", **auth)
    body = conforms(response, REPORT)
    english_client.force_login(owner)
    export = english_client.get(f"/assessments/{done.pk}/report.json")
    assert response.content == export.content
    assert body["schema"] == "cto-assess/report/v2"
    etag = response["ETag"]
    again = english_client.get(
        f"/api/v1/assessments/{done.pk}/report", HTTP_IF_NONE_MATCH=etag, **auth
    )
    assert again.status_code == 304 and again["ETag"] == etag and again.content == b""
    other = english_client.get(
        f"/api/v1/assessments/{done.pk}/report", HTTP_IF_NONE_MATCH='"stale"', **auth
    )
    assert other.status_code == 200


@pytest.mark.django_db
def test_anything_the_token_may_not_see_is_404(
    english_client, owner, bearer, team, organisation, outsider
):
    someone_elses = team[0].shares.get().assessment
    for user in (outsider, team[1].user):
        auth = bearer(user)
        paths = [
            f"/api/v1/assessments/{someone_elses.pk}/report",
            f"/api/v1/organisations/{organisation.pk}/shared-assessments",
            f"/api/v1/organisations/{organisation.pk}/shared-assessments/{someone_elses.pk}/report",
            f"/api/v1/organisations/{organisation.pk}/coverage",
            "/api/v1/no-such-thing",
        ]
        for path in paths:
            response = english_client.get(path, **auth)
            assert response.status_code == 404, path
            assert _error_code(response) == "not_found"
            assert b"avery" not in response.content


@pytest.mark.django_db
def test_an_admin_reads_shared_assessments_their_reports_and_coverage(
    english_client, owner, bearer, team, organisation, conforms
):
    auth = bearer(owner)
    ids = {"organisation_id": organisation.pk}
    body = conforms(english_client.get(SHARED.format(**ids), **auth), SHARED)
    assert body["count"] == 3
    assert {row["member"] for row in body["results"]} == {"avery", "blake", "casey"}
    shared = body["results"][0]
    report = english_client.get(shared["report_url"], **auth)
    document = conforms(report, SHARED_REPORT)
    assert document["assessment"]["id"] == shared["assessment_id"]
    assert SECRET_NOTE.encode() not in report.content
    coverage = conforms(english_client.get(COVERAGE.format(**ids), **auth), COVERAGE)
    assert coverage["people"] == 3 and all(i["holders"] == 2 for i in coverage["items"])
    assert all(i["names"] is None for i in coverage["items"])  # two people, not named


@pytest.mark.django_db
def test_a_withdrawn_assessment_leaves_the_api_at_once(
    english_client, owner, bearer, team, organisation
):
    auth = bearer(owner)
    avery = team[0]
    assessment = avery.shares.get().assessment
    url = f"/api/v1/organisations/{organisation.pk}/shared-assessments/{assessment.pk}/report"
    assert english_client.get(url, **auth).status_code == 200
    services.share_withdraw(membership=avery, assessment_id=assessment.pk)
    assert english_client.get(url, **auth).status_code == 404
    listed = english_client.get(
        f"/api/v1/organisations/{organisation.pk}/shared-assessments", **auth
    )
    assert listed.json()["count"] == 2


@pytest.mark.django_db
def test_the_api_only_reads(english_client, owner, bearer):
    auth = bearer(owner)
    for method in ("post", "put", "delete", "patch"):
        assert getattr(english_client, method)(ASSESSMENTS, **auth).status_code == 405


@pytest.mark.django_db
def test_the_member_lists_their_organisations(
    english_client, owner, bearer, organisation, make_member
):
    member = make_member("member")
    join(organisation, member)
    body = english_client.get("/api/v1/organisations", **bearer(member)).json()
    assert body["results"] == [
        {"id": str(organisation.pk), "name": "Acme Engineering", "role": "member", "members": 2}
    ]


@pytest.mark.django_db
def test_last_used_is_recorded(english_client, owner, bearer):
    auth = bearer(owner)
    assert ApiToken.objects.get().last_used_at is None
    english_client.get(ASSESSMENTS, **auth)
    assert ApiToken.objects.get().last_used_at is not None


@pytest.mark.django_db
def test_past_the_rate_limit_the_api_answers_429(english_client, owner, bearer, settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "api": "2/h"}
    cache.clear()
    auth = bearer(owner)
    statuses = [english_client.get(ASSESSMENTS, **auth).status_code for _ in range(3)]
    assert statuses == [200, 200, 429]
    response = english_client.get(ASSESSMENTS, **auth)
    assert _error_code(response) == "rate_limited" and int(response["Retry-After"]) > 0


@pytest.mark.django_db
def test_the_openapi_description_is_public_and_names_every_endpoint(english_client, openapi):
    assert openapi["openapi"].startswith("3.")
    assert {ASSESSMENTS, REPORT, SHARED, SHARED_REPORT, COVERAGE, "/api/v1/organisations"} <= set(
        openapi["paths"]
    )
    assert "bearer" in str(openapi["components"]["securitySchemes"]).lower()


@pytest.mark.django_db
def test_the_api_root_points_at_its_description(english_client):
    body = english_client.get("/api/v1/").json()
    assert body["openapi"].endswith("/api/v1/openapi.json")
