"""Property-based: Schemathesis generates requests from the published OpenAPI description
and sends them to the app in-process (WSGI), as a member with completed assessments who
administers an organisation. Every answer keeps the description (a declared status,
content type and body: Schemathesis's checks, among them the token left out and methods
the API does not take); none is a 5xx; errors are {"error": {"code", "message"}}; HEAD
answers as GET does; a 304 has no body or body type; no ETag beside no-store.

Deterministic (derandomized) and bounded (25 generated examples an operation, with the
coverage phase's cases).
"""

import zlib
from urllib.parse import urlsplit

import pytest
import schemathesis
import werkzeug.test
from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.core.parameters import ParameterLocation

from organisations import services
from tests.factories import CompletedAssessmentFactory
from tests.organisations.conftest import join


class InTheTestsTransaction(WSGIHandler):
    """The project's WSGI handler, except that a request's start and end leave the test's
    database connection (and its transaction) open, as Django's test client does."""

    def __call__(self, environ, start_response):
        request_started.disconnect(close_old_connections)
        try:
            response = super().__call__(environ, start_response)
        finally:
            request_started.connect(close_old_connections)
        return _KeepingTheConnection(response)


class _KeepingTheConnection:
    def __init__(self, response):
        self.response = response

    def __iter__(self):
        return iter(self.response)

    def close(self):
        request_finished.disconnect(close_old_connections)
        try:
            self.response.close()  # fires request_finished
        finally:
            request_finished.connect(close_old_connections)


# Served by the app itself, as an outside client reads it (no database needed for it).
api = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", InTheTestsTransaction())

SET_BY_CLIENT = {"content-type", "content-length", "host"}


@pytest.fixture
def member_ids(owner, organisation, make_member):
    """The ids a request may name that the member sees: their own reports (one shared with
    their organisation), their organisation, and a colleague's shared assessment."""
    own = [CompletedAssessmentFactory(owner=owner, default=level) for level in (1, 3)]
    services.share_create(membership=organisation.memberships.get(user=owner), assessment=own[0])
    colleague = make_member("blake")
    theirs = CompletedAssessmentFactory(owner=colleague, default=4)
    services.share_create(membership=join(organisation, colleague), assessment=theirs)
    return {
        "assessment_id": [str(a.pk) for a in [*own, theirs]],
        "organisation_id": [str(organisation.pk)],
    }


@pytest.fixture
def auth(owner, bearer):
    return bearer(owner)["HTTP_AUTHORIZATION"]


@api.parametrize()
@settings(
    max_examples=25,
    derandomize=True,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
def test_every_answer_keeps_the_published_contract(case, member_ids, auth):
    _as_the_member(case, member_ids, auth)

    response = case.call()
    case.validate_response(response)

    assert response.status_code < 500
    headers = {name: values[0] for name, values in response.headers.items()}
    if response.status_code >= 400:
        assert headers["content-type"].startswith("application/json")
        error = response.json()["error"]
        assert set(error) == {"code", "message"} and all(error.values())
    assert not ("etag" in headers and "no-store" in headers.get("cache-control", ""))
    held = response.request.headers.get("If-None-Match")
    if response.status_code == 304:
        assert response.content == b"" and "content-type" not in headers
        assert held.strip() == "*" or headers["etag"] in held
    if "etag" in headers and held is not None:  # a report, asked for conditionally
        answered = response.status_code == 304
        assert answered == (held.strip() == "*" or headers["etag"] in held), held
    if response.request.method != "GET":
        assert response.status_code == 405 and "GET" in headers["allow"]
        return
    head = _head(response.request)
    assert head.status_code == response.status_code
    assert head.get_data() == b""
    assert head.headers.get("Content-Type") == headers.get("content-type")
    assert head.headers.get("ETag") == headers.get("etag")


def _as_the_member(case, member_ids, auth):
    """Where Schemathesis generated valid values: the member's token instead of a made-up
    one, mostly the member's own ids (so reports and pages are reached), and sometimes
    If-None-Match: *. Where it generated invalid ones, the request goes as generated."""
    if _valid(case, ParameterLocation.HEADER):
        headers = case.headers or {}
        if "Authorization" in headers:
            headers["Authorization"] = auth
        if "If-None-Match" in headers:
            headers["If-None-Match"] = _one_of(
                [headers["If-None-Match"], "*"], seed=headers["If-None-Match"]
            )
    if _valid(case, ParameterLocation.PATH):
        for name, generated in (case.path_parameters or {}).items():
            ids = member_ids[name]
            case.path_parameters[name] = _one_of([*ids, *ids, generated], seed=generated)


def _one_of(choices, *, seed):
    """One of `choices`, picked by `seed`: the same examples give the same requests."""
    return choices[zlib.crc32(str(seed).encode()) % len(choices)]


def _valid(case, location):
    component = case.meta.components.get(location)
    return component is None or not component.mode.is_negative


def _head(sent):
    """The request Schemathesis sent, again as HEAD, to the same app (not through Django's
    test client, which would drop a HEAD's body itself)."""
    url = urlsplit(sent.url)
    return werkzeug.test.Client(api.app).head(
        url.path,
        query_string=url.query,
        headers={k: v for k, v in sent.headers.items() if k.lower() not in SET_BY_CLIENT},
    )
