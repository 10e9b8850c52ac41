"""The API keeps HTTP's contract as outside clients expect it: every error JSON (405 too),
HEAD wherever GET, a 304 with no body type, If-None-Match: * honoured, and one cache
policy (private, revalidated with the ETag; never an ETag beside no-store)."""

import pytest
from django.test import Client

from tests.factories import CompletedAssessmentFactory

ASSESSMENTS = "/api/v1/assessments"


def _report(done):
    return f"/api/v1/assessments/{done.pk}/report"


@pytest.mark.django_db
@pytest.mark.parametrize("method", ["post", "put", "delete", "patch"])
def test_a_method_the_api_does_not_take_is_a_json_405_with_allow(
    english_client, owner, bearer, method
):
    response = getattr(english_client, method)(ASSESSMENTS, **bearer(owner))

    assert response.status_code == 405
    assert response["Content-Type"].startswith("application/json")
    assert response.json()["error"]["code"] == "method_not_allowed"
    assert "GET" in response["Allow"] and "HEAD" in response["Allow"]


@pytest.mark.django_db
def test_head_answers_wherever_get_does_with_no_body(english_client, owner, bearer):
    done = CompletedAssessmentFactory(owner=owner)
    auth = bearer(owner)
    for path in (ASSESSMENTS, _report(done), "/api/v1/organisations"):
        got = english_client.get(path, **auth)
        head = english_client.head(path, **auth)
        assert head.status_code == got.status_code == 200, path
        assert head.content == b"", path
        assert head["Content-Type"] == got["Content-Type"], path


@pytest.mark.django_db
def test_a_304_has_no_body_type_and_if_none_match_star_is_honoured(english_client, owner, bearer):
    done = CompletedAssessmentFactory(owner=owner)
    auth = bearer(owner)
    etag = english_client.get(_report(done), **auth)["ETag"]

    for condition in (etag, "*", f'"other", {etag}', f"W/{etag}"):
        again = english_client.get(_report(done), HTTP_IF_NONE_MATCH=condition, **auth)
        assert again.status_code == 304, condition
        assert again.content == b"" and "Content-Type" not in again, condition
        assert again["ETag"] == etag


@pytest.mark.django_db
def test_the_cache_policy_is_private_revalidation_never_an_etag_beside_no_store(
    english_client, owner, bearer
):
    done = CompletedAssessmentFactory(owner=owner)
    auth = bearer(owner)
    for response in (
        english_client.get(_report(done), **auth),
        english_client.get(_report(done), HTTP_IF_NONE_MATCH="*", **auth),
    ):
        policy = {part.strip() for part in response["Cache-Control"].split(",")}
        assert "private" in policy and "no-cache" in policy, policy
        assert "no-store" not in policy and "public" not in policy, policy
        assert response["ETag"]
    listing = english_client.get(ASSESSMENTS, **auth)
    assert "ETag" not in listing or "no-store" not in listing.get("Cache-Control", "")


@pytest.mark.django_db
def test_errors_are_json_in_every_state(english_client, owner, bearer):
    for response in (
        english_client.get("/api/v1/nowhere", **bearer(owner)),
        english_client.get(ASSESSMENTS),
        english_client.post(ASSESSMENTS, **bearer(owner)),
    ):
        assert response["Content-Type"].startswith("application/json"), response.status_code
        assert set(response.json()["error"]) == {"code", "message"}


@pytest.mark.django_db
@pytest.mark.parametrize("method", ["post", "put", "delete", "patch", "options"])
def test_the_root_and_the_description_refuse_other_methods_as_the_api_does(method):
    # A client of the API holds a token, never a CSRF cookie: no HTML 403 for it.
    client = Client(enforce_csrf_checks=True)
    for path in ("/api/v1/", "/api/v1/openapi.json"):
        response = getattr(client, method)(path)
        assert response.status_code == 405, path
        assert response["Content-Type"].startswith("application/json"), path
        assert response.json()["error"]["code"] == "method_not_allowed", path
        assert {m.strip() for m in response["Allow"].split(",")} == {"GET", "HEAD"}, path
    unknown = getattr(client, method)("/api/v1/nowhere")
    assert unknown.status_code == 404 and unknown.json()["error"]["code"] == "not_found"
