"""Review every answer on one page, submit, and the frozen completed page."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils.html import escape
from pytest_django.asserts import assertContains, assertNotContains, assertRedirects

from assessments import services
from assessments.models import Answer, Assessment
from content.models import Category, Item, RubricLevel
from tests.factories import ItemFactory
from tests.questionnaire import answer_all, post_step, saved_answers, step_url
from tests.real_guide import ItemSlug, StageSlug

# Session, assessment, answers, categories, items, rubric levels; a member adds the user.
VISITOR_REVIEW_QUERIES = 6


def review_url(assessment):
    return reverse("assessments:review", args=[assessment.pk])


def submit_url(assessment):
    return reverse("assessments:submit", args=[assessment.pk])


def detail_url(assessment):
    return reverse("assessments:detail", args=[assessment.pk])


def _missing_block(response):
    """The alert that names the unanswered items."""
    found = re.search(r'id="missing-items">(.*?)</div>', response.content.decode(), re.S)
    assert found, "no list of missing items"
    return found.group(1)


def test_it_lists_every_item_with_its_answer_and_a_link_to_change_it(allowed, guide_counts):
    client, assessment = allowed
    post_step(
        client,
        assessment,
        1,
        levels={ItemSlug.CLOUD_COMPUTING: 3},
        notes={ItemSlug.CLOUD_COMPUTING: "AWS"},
    )

    response = client.get(review_url(assessment))

    assert response.status_code == 200
    assertContains(response, f"1 of {guide_counts.active_items} items answered.")
    for item in Item.objects.all():
        assertContains(response, f'<span class="fw-semibold">{escape(item.name_en)}</span>')
    assertContains(response, "3 · Leads it", count=1)
    rubric = RubricLevel.objects.get(item__slug=ItemSlug.CLOUD_COMPUTING, level=3)
    assertContains(response, escape(rubric.text_en), count=1)
    assertContains(response, "</span> AWS</p>")
    assertContains(response, "Not answered", count=guide_counts.active_items - 1)
    for number in range(1, guide_counts.steps + 1):
        assertContains(response, f'href="{step_url(assessment, number)}"')
    assertContains(response, f'href="{step_url(assessment, 1)}#item-cloud-computing"')
    last_step = step_url(assessment, guide_counts.steps)
    assertContains(response, f'href="{last_step}#item-{Item.objects.last().slug}"')


def test_it_refuses_to_submit_naming_the_unanswered_items(allowed):
    client, assessment = allowed
    answer_all(client, assessment)
    Answer.objects.filter(item__slug__in=[ItemSlug.CYBERSECURITY, ItemSlug.COMMUNICATION]).delete()
    before = saved_answers(assessment)

    response = client.post(submit_url(assessment))

    assert response.status_code == 400
    assertContains(response, "Not submitted: 2 items have no answer yet.", status_code=400)
    named = _missing_block(response)
    assert "Cybersecurity" in named and "Communication" in named
    assert "Cloud computing" not in named
    assessment.refresh_from_db()
    assert assessment.status == Assessment.Status.DRAFT
    assert saved_answers(assessment) == before


def test_it_refuses_to_submit_an_empty_assessment_naming_every_item(visitor_draft, guide_counts):
    client, assessment = visitor_draft
    response = client.post(submit_url(assessment))
    missing = f"Not submitted: {guide_counts.active_items} items have no answer yet."
    assertContains(response, missing, status_code=400)
    named = _missing_block(response)
    assert all(escape(item.name_en) in named for item in Item.objects.all())


def test_it_submits_a_complete_assessment_and_shows_it_frozen(allowed):
    client, assessment = allowed
    answer_all(client, assessment, level=4)

    response = client.post(submit_url(assessment))

    assertRedirects(response, detail_url(assessment), fetch_redirect_response=False)
    assessment.refresh_from_db()
    assert assessment.status == Assessment.Status.COMPLETED
    page = client.get(detail_url(assessment))
    assertContains(page, "Your assessment is complete.")
    assertContains(page, "CTO (Chief Technology Officer)")
    for item in Item.objects.all():
        assertContains(page, escape(item.name_en))
    assert page.context["assessment"].snapshot["target_stage"] == StageSlug.CTO


def test_a_completed_assessment_shows_its_report_and_accepts_nothing_more(visitor_draft):
    client, assessment = visitor_draft
    answer_all(client, assessment, level=1)
    client.post(submit_url(assessment))
    before = saved_answers(assessment)

    assertRedirects(client.get(review_url(assessment)), detail_url(assessment))
    again = client.post(submit_url(assessment))
    changed = post_step(client, assessment, 1, levels=4)

    for response in (again, changed):
        assertContains(response, "This assessment is completed", status_code=409)
        assertContains(response, "were not changed", status_code=409)
    assert saved_answers(assessment) == before


def test_the_completed_page_shows_item_names_from_the_snapshot_in_either_language(visitor_draft):
    client, assessment = visitor_draft
    answer_all(client, assessment, level=2)
    client.post(submit_url(assessment))
    item = Item.objects.get(slug=ItemSlug.CLOUD_COMPUTING)
    Item.objects.filter(pk=item.pk).update(name_ja="改名された項目", name_en="Renamed")

    page = client.get(detail_url(assessment), HTTP_ACCEPT_LANGUAGE="ja")

    assertContains(page, escape(item.name_ja))
    assertNotContains(page, "改名された項目")
    english = client.get(detail_url(assessment))
    assertContains(english, escape(item.name_en))
    assertNotContains(english, "Renamed")


def test_a_draft_opened_by_its_address_goes_to_the_first_open_step(visitor_draft):
    client, assessment = visitor_draft
    assertRedirects(client.get(detail_url(assessment)), step_url(assessment, 1))
    post_step(client, assessment, 1)
    post_step(client, assessment, 2, levels={ItemSlug.COMMUNICATION: 1})
    assertRedirects(client.get(detail_url(assessment)), step_url(assessment, 2))


def test_nobody_else_can_review_submit_or_see_an_assessment(someone_elses_draft, outsider):
    assessment = someone_elses_draft
    for item in Item.objects.filter(active=True):
        Answer.objects.create(assessment=assessment, item=item, level=2)

    assert outsider.get(review_url(assessment)).status_code == 404
    assert outsider.post(submit_url(assessment)).status_code == 404
    assert outsider.get(detail_url(assessment)).status_code == 404
    assessment.refresh_from_db()
    assert assessment.status == Assessment.Status.DRAFT

    services.assessment_complete(assessment=assessment)
    assert outsider.get(detail_url(assessment)).status_code == 404


def test_submit_takes_only_post(visitor_draft):
    client, assessment = visitor_draft
    assert client.get(submit_url(assessment)).status_code == 405


def _count_review_queries(client, assessment):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(review_url(assessment))
    assert response.status_code == 200
    return len(queries)


@pytest.mark.usefixtures("guide")
def test_the_review_page_runs_a_fixed_number_of_queries(visitor_draft, guide_counts):
    client, assessment = visitor_draft
    client.get(step_url(assessment, 1))  # the one-time resume link
    post_step(client, assessment, 1)
    with_the_guide = _count_review_queries(client, assessment)

    for _ in range(30):
        ItemFactory(category=Category.objects.get(slug="tools"))
    post_step(client, assessment, 3, levels=1)
    # Steps 1 and 3 (tools, with the 30 new items) are answered.
    answered = guide_counts.step_sizes[0] + guide_counts.step_sizes[2] + 30
    progress = f"{answered} of {guide_counts.active_items + 30} items answered."
    assertContains(client.get(review_url(assessment)), progress)
    with_30_more = _count_review_queries(client, assessment)

    assert with_the_guide == with_30_more == VISITOR_REVIEW_QUERIES <= 12


def _submit_button(response):
    return re.search(
        r'<button type="submit"[^>]*>Submit and see my report', response.content.decode()
    ).group(0)


def test_submit_is_enabled_only_when_every_item_is_answered_with_links_to_the_rest(
    visitor_draft, guide_counts
):
    client, assessment = visitor_draft
    post_step(client, assessment, 1, levels=2)

    partly = client.get(review_url(assessment))

    assert "disabled" in _submit_button(partly)
    left = _missing_block(partly)
    unanswered = guide_counts.active_items - guide_counts.step_sizes[0]
    assert left.count("<li>") == unanswered
    assert f"{unanswered} items are still unanswered" in left
    assert f'href="{step_url(assessment, 2)}#item-' in left  # each one a link to its step

    answer_all(client, assessment)
    complete = client.get(review_url(assessment))
    assert "disabled" not in _submit_button(complete)
    assert 'id="missing-items"' not in complete.content.decode()


def test_the_review_shows_the_examples_beside_the_notes(visitor_draft):
    client, assessment = visitor_draft
    answer_all(client, assessment)
    item = Item.objects.filter(active=True).order_by("category__order", "order").first()
    Answer.objects.filter(assessment=assessment, item=item).update(
        level=3, note="a private note", evidence="Led the 2025 cloud migration"
    )

    page = client.get(review_url(assessment))

    assertContains(page, "a private note")
    assertContains(page, "Led the 2025 cloud migration")
