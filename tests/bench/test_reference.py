"""The benchmark's reference pages: the layout alone, and a draft's data without a page."""

import pytest
from django.test import Client

from bench import seed

pytestmark = [pytest.mark.django_db, pytest.mark.urls("bench.reference")]


@pytest.fixture
def draft(guide):
    from assessments.selectors import questionnaire_steps

    return seed.visitor_draft(answered_steps_of=questionnaire_steps()[:2], seed=3)


def test_the_layout_only_page_is_the_site_layout_and_reads_nothing(
    client, django_assert_num_queries
):
    with django_assert_num_queries(0):
        response = client.get("/bench/layout-only/", HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    assert b'<header class="site-header' in response.content
    assert b"<footer" in response.content


def test_draft_data_reads_what_a_draft_page_reads_first_and_keeps_its_access_check(draft):
    owner = Client()
    owner.cookies["sessionid"] = seed.visitor_session([draft])
    response = owner.get(f"/bench/draft-data/{draft.pk}/")
    assert response.status_code == 200
    assert response.json() == {"answered": draft.answers.count()} != {"answered": 0}

    assert Client().get(f"/bench/draft-data/{draft.pk}/").status_code == 404


def test_the_real_pages_resolve_as_in_production(client):
    assert client.get("/healthz").status_code == 200
    assert client.get("/no-such-page/").status_code == 404
