"""Every organisation page, and the API's lists, run the same small number of queries for
an organisation of a few members as for one of many (at most 12)."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from api.services import token_create
from bench.org_seed import seed_organisation

LIMIT = 12
# The CSV holds every view at once: the team's readiness, coverage, bench and the whole
# heatmap, each in its own few queries.
EXPORT_LIMIT = 13
PAGES = (
    "",
    "heatmap/",
    "heatmap/?sort=gap&stage=vp-engineering",
    "coverage/",
    "bench/?stage=engineering-manager",
    "team.csv",
)
API = ("shared-assessments", "shared-assessments?page=2", "coverage")


def _queries(client, url, **headers):
    cache.clear()  # rate-limit counters live there; each request counts from nothing
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url, **headers)
    assert response.status_code == 200, (url, response.status_code)
    return len(captured)


@pytest.mark.django_db
def test_organisation_pages_cost_the_same_for_few_and_many_members(
    english_client, make_member, guide
):
    owner = make_member("owner")
    small = seed_organisation(members=3, per_member=2, owner=owner, seed=1, name="Small")
    large = seed_organisation(members=60, per_member=3, owner=owner, seed=2, name="Large")
    english_client.force_login(owner)
    english_client.get("/organisations/")  # the session's first request writes its log-in time
    costs = {}
    for page in PAGES:
        few = _queries(english_client, f"/organisations/{small.pk}/{page}")
        many = _queries(english_client, f"/organisations/{large.pk}/{page}")
        costs[page] = (few, many)
    assert all(few == many for few, many in costs.values()), str(costs)
    assert all(few <= LIMIT for page, (few, _) in costs.items() if page != "team.csv"), costs
    assert costs["team.csv"][0] <= EXPORT_LIMIT


@pytest.mark.django_db
def test_the_api_lists_cost_the_same_for_few_and_many_members(english_client, make_member, guide):
    owner = make_member("owner")
    small = seed_organisation(members=3, per_member=20, owner=owner, seed=3, name="Small")
    large = seed_organisation(members=60, per_member=3, owner=owner, seed=4, name="Large")
    _row, token = token_create(user=owner, name="bench")
    auth = {"HTTP_AUTHORIZATION": f"Bearer {token}"}
    costs = {}
    for path in ("/api/v1/organisations", "/api/v1/assessments"):
        costs[path] = (_queries(english_client, path, **auth),) * 2
    for path in API:
        costs[path] = (
            _queries(english_client, f"/api/v1/organisations/{small.pk}/{path}", **auth),
            _queries(english_client, f"/api/v1/organisations/{large.pk}/{path}", **auth),
        )
    assert all(few == many <= LIMIT for few, many in costs.values()), str(costs)


@pytest.mark.django_db
def test_the_membership_pages_cost_few_queries(
    english_client, organisation, owner, team, make_member
):
    from organisations import services

    _invitation, token = services.invitation_create(
        membership=organisation.memberships.get(user=owner)
    )
    english_client.force_login(team[0].user)
    english_client.get("/organisations/")
    for url in (
        "/organisations/",
        f"/organisations/{organisation.pk}/",
        f"/organisations/{organisation.pk}/leave/",
        "/api/tokens/",
    ):
        assert _queries(english_client, url) <= LIMIT, url
    english_client.force_login(make_member("newbie"))
    english_client.get("/organisations/")
    assert _queries(english_client, f"/organisations/join/{token}/") <= LIMIT
