"""A member's API tokens page: shown once, stored hashed, named, revocable."""

import pytest
from django.test import Client

from api.models import ApiToken


@pytest.mark.django_db
def test_a_token_is_shown_once_and_stored_only_hashed(make_member, guide):
    user = make_member("tokenholder")
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    client.force_login(user)
    assert client.post("/api/tokens/", {"name": "BI export"}).status_code == 302
    page = client.get("/api/tokens/").content.decode()
    start = page.index("cta_")
    token = page[start : page.index('"', start)]
    row = ApiToken.objects.get()
    assert row.name == "BI export" and token.startswith(row.prefix)
    assert token not in row.token_hash and len(token) > 40
    assert token not in client.get("/api/tokens/").content.decode()
    assert (
        client.get("/api/v1/assessments", HTTP_AUTHORIZATION=f"Bearer {token}").status_code == 200
    )
    assert client.post("/api/tokens/", {"name": ""}).status_code == 400


@pytest.mark.django_db
def test_a_revoked_token_stops_working_and_only_its_owner_revokes_it(make_member, guide):
    user, other = make_member("holder"), make_member("other")
    client = Client()
    client.force_login(user)
    client.post("/api/tokens/", {"name": "HR"})
    page = client.get("/api/tokens/").content.decode()
    token = page[page.index("cta_") :].split('"')[0]
    row = ApiToken.objects.get()
    client.force_login(other)
    assert client.post(f"/api/tokens/{row.pk}/revoke/").status_code == 404
    assert (
        client.get("/api/v1/assessments", HTTP_AUTHORIZATION=f"Bearer {token}").status_code == 200
    )
    client.force_login(user)
    assert client.post(f"/api/tokens/{row.pk}/revoke/").status_code == 302
    assert (
        client.get("/api/v1/assessments", HTTP_AUTHORIZATION=f"Bearer {token}").status_code == 401
    )
