"""Never losing an answer: the background save, partial steps, the emailed resume link."""

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains, assertRedirects

from assessments import services
from tests.questionnaire import (
    answer_all,
    english_browser,
    items_of_step,
    post_step,
    resume_url_in,
    saved_answers,
    step_count,
    step_url,
)


def autosave_url(assessment, number=1):
    return reverse("assessments:autosave", args=[assessment.pk, number])


def email_url(assessment):
    return reverse("assessments:email_resume_link", args=[assessment.pk])


def test_it_saves_a_level_and_a_note_in_the_background(allowed, guide_counts):
    client, assessment = allowed
    slug = items_of_step(1)[0].slug

    response = client.post(autosave_url(assessment), {f"level-{slug}": "3", f"note-{slug}": "AWS"})

    assert response.status_code == 200
    assert response.json() == {"saved": True, "answered": 1}
    assert saved_answers(assessment) == {slug: (3, "AWS")}


def test_it_runs_a_fixed_number_of_queries(visitor_draft):
    client, assessment = visitor_draft
    data = {f"level-{item.slug}": "2" for item in items_of_step(1)}
    with CaptureQueriesContext(connection) as queries:
        assert client.post(autosave_url(assessment), data).status_code == 200
    assert len(queries) <= 12


def test_a_note_without_a_level_is_refused_with_a_400_and_keeps_the_rest(visitor_draft):
    client, assessment = visitor_draft
    first, second = (item.slug for item in items_of_step(1)[:2])

    response = client.post(
        autosave_url(assessment), {f"level-{first}": "1", f"note-{second}": "later"}
    )

    assert response.status_code == 400
    assert response.json()["saved"] is False
    assert f"level-{second}" in response.json()["errors"]
    assert saved_answers(assessment) == {first: (1, "")}


@pytest.mark.parametrize(
    "data",
    [{"level-no-such-item": "1"}, {"level-communication": "2"}, {"level-cloud-computing": "9"}],
)
def test_bad_input_is_a_4xx_and_changes_nothing(visitor_draft, data):
    client, assessment = visitor_draft
    response = client.post(autosave_url(assessment), data)
    assert response.status_code == 400
    assert saved_answers(assessment) == {}


def test_a_step_that_does_not_exist_is_404(visitor_draft):
    client, assessment = visitor_draft
    assert client.post(autosave_url(assessment, step_count() + 1)).status_code == 404


def test_it_is_post_only_csrf_protected_and_private(visitor_draft, outsider):
    client, assessment = visitor_draft
    assert client.get(autosave_url(assessment)).status_code == 405
    no_token = english_browser(enforce_csrf_checks=True)
    no_token.cookies = client.cookies
    assert no_token.post(autosave_url(assessment), {"level-ai-ml": "1"}).status_code == 403
    assert outsider.post(autosave_url(assessment), {"level-ai-ml": "1"}).status_code == 404
    assert saved_answers(assessment) == {}


def test_a_completed_assessment_is_409(visitor_draft):
    client, assessment = visitor_draft
    answer_all(client, assessment)
    services.assessment_complete(assessment=assessment)
    before = saved_answers(assessment)
    response = client.post(autosave_url(assessment), {"level-ai-ml": "0"})
    assert response.status_code == 409
    assert saved_answers(assessment) == before


# --- an empty or partial step -------------------------------------------------------------


def test_a_partial_step_is_saved_and_says_how_many_are_open(visitor_draft):
    client, assessment = visitor_draft
    items = items_of_step(1)
    response = post_step(client, assessment, 1, levels={items[0].slug: 2})

    assert response.status_code == 302
    assert response["Location"].startswith(step_url(assessment, 1) + "?unanswered=")
    assert saved_answers(assessment) == {items[0].slug: (2, "")}
    page = client.get(response["Location"])
    open_count = len(items) - 1
    assertContains(page, f"{open_count} items on this step have no answer yet")
    assertContains(page, f'href="{step_url(assessment, 2)}"')  # go on anyway
    assertContains(page, f'href="#item-{items[1].slug}"')  # stay


def test_an_empty_last_step_offers_the_review(visitor_draft):
    client, assessment = visitor_draft
    last = step_count()
    response = client.post(step_url(assessment, last), {"go": "review"}, follow=True)
    assertContains(response, "Go on to the review anyway")
    assertContains(response, reverse("assessments:review", args=[assessment.pk]))


def test_a_full_step_or_going_back_moves_on_silently(visitor_draft):
    client, assessment = visitor_draft
    assertRedirects(post_step(client, assessment, 1), step_url(assessment, 2))
    response = post_step(client, assessment, 3, levels={}, go="back")
    assertRedirects(response, step_url(assessment, 2))


def test_the_progress_chips_link_to_their_steps(visitor_draft):
    client, assessment = visitor_draft
    page = client.get(step_url(assessment, 2))
    assertContains(page, f'href="{step_url(assessment, 1)}"')
    assertNotContains(page, f'href="{step_url(assessment, 2)}"')  # the current step


# --- the way back ------------------------------------------------------------------------


@pytest.mark.parametrize("page", ["step", "review"])
def test_every_step_and_the_review_offer_the_resume_link(visitor_draft, page):
    client, assessment = visitor_draft
    client.get(step_url(assessment, 1))  # the link shown once after starting
    url = (
        step_url(assessment, 2)
        if page == "step"
        else reverse("assessments:review", args=[assessment.pk])
    )
    html = client.get(url)
    assertContains(html, "Copy my resume link")
    assertContains(html, "Email it to me")
    response = client.post(
        reverse("assessments:new_resume_link", args=[assessment.pk]), {"page": page, "step": "2"}
    )
    assertRedirects(response, url, fetch_redirect_response=False)
    assert resume_url_in(client.get(url))


def test_copying_the_link_with_javascript_answers_json(visitor_draft):
    client, assessment = visitor_draft
    response = client.post(
        reverse("assessments:new_resume_link", args=[assessment.pk]),
        HTTP_ACCEPT="application/json",
    )
    url = response.json()["url"]
    assert english_browser().get(url).status_code == 302


def test_the_link_is_emailed_and_the_address_is_not_kept(visitor_draft):
    client, assessment = visitor_draft
    response = client.post(
        email_url(assessment), {"email": "me@example.com", "page": "step", "step": "1"}
    )
    assertRedirects(response, step_url(assessment, 1))
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["me@example.com"]
    link = next(word for word in message.body.split() if "/assessments/resume/" in word)
    assert english_browser().get(link).status_code == 302
    assessment.refresh_from_db()
    assert "me@example.com" not in str(assessment.__dict__)


@pytest.mark.parametrize("email", ["", "not-an-address", "a@" + "b" * 300 + ".com"])
def test_a_bad_address_is_400_and_sends_nothing(visitor_draft, email):
    client, assessment = visitor_draft
    response = client.post(email_url(assessment), {"email": email, "page": "step"})
    assertContains(response, "Not sent: please give a valid email address.", status_code=400)
    assert mail.outbox == []


def test_nobody_else_can_have_the_link_emailed(visitor_draft, outsider):
    _, assessment = visitor_draft
    assert outsider.post(email_url(assessment), {"email": "x@example.com"}).status_code == 404
    assert mail.outbox == []


@pytest.mark.parametrize(
    ("content_type", "body"),
    [
        ("application/json", '{"level-ai-ml": 3'),  # malformed
        ("application/json", '{"level-ai-ml": "3"}'),  # JSON is not what the page sends
        ("text/plain", "level-ai-ml=3"),
    ],
)
def test_a_body_that_is_not_the_steps_form_is_a_400_and_saves_nothing(
    visitor_draft, content_type, body
):
    client, assessment = visitor_draft
    response = client.post(autosave_url(assessment), body, content_type=content_type)
    assert response.status_code == 400
    assert response.json()["saved"] is False
    assert not saved_answers(assessment)
