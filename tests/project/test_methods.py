"""Pages answer the methods they serve: GET (and HEAD) to read, POST to act. Any other
method (PUT, DELETE, PATCH, WebDAV's PROPFIND, OPTIONS) is a 405 with Allow, never a
page rendered as if it were a GET. The API answers for itself under /api/v1/."""

import pytest
from django.urls import get_resolver

from tests.assessments.report_helpers import detail_url, export_url
from tests.factories import CompletedAssessmentFactory
from tests.project.test_access_control import walk

METHODS = ("PUT", "DELETE", "PATCH", "PROPFIND", "OPTIONS")


def _plain_routes():
    for route, _name in walk(get_resolver().url_patterns):
        if "<" not in route and "(" not in route and not route.startswith(("api/v1/", "admin/")):
            yield "/" + route.lstrip("^").rstrip("$")


@pytest.mark.django_db
def test_no_page_serves_another_method_as_if_it_were_a_get(member_client, member, guide):
    report = CompletedAssessmentFactory(owner=member)
    paths = [*_plain_routes(), detail_url(report), export_url(report, "csv")]
    served = []
    for path in paths:
        for method in METHODS:
            response = member_client.generic(method, path)
            if response.status_code not in (301, 302, 404, 405):
                served.append(f"{method} {path}: {response.status_code}")
            if response.status_code == 405:
                assert "GET" in response["Allow"] or "POST" in response["Allow"], path
    assert served == []
