"""The example behind a rating of 3 or 4: kept with the answer, shown to the person only."""

import json

import pytest
from django.urls import reverse

from assessments.models import Answer
from tests.assessments.report_helpers import (
    create_share_link,
    detail_url,
    export_url,
    shared_url,
)
from tests.factories import CompletedAssessmentFactory
from tests.questionnaire import english_browser, post_step, step_data, step_url
from tests.real_guide import ItemSlug

pytestmark = pytest.mark.usefixtures("guide")
EXAMPLE = "In 2025 I moved billing to two regions; one failed in May and nothing was lost."


def test_an_example_is_kept_with_the_answer(member_draft):
    client, assessment = member_draft
    data = step_data(1, levels={ItemSlug.CLOUD_COMPUTING: 4})
    data["evidence-cloud-computing"] = EXAMPLE
    client.post(step_url(assessment, 1), data)
    answer = Answer.objects.get(assessment=assessment, item__slug=ItemSlug.CLOUD_COMPUTING)
    assert (answer.level, answer.evidence) == (4, EXAMPLE)
    assert EXAMPLE in client.get(step_url(assessment, 1)).content.decode()


def test_an_example_over_1000_characters_is_a_form_error_and_the_answers_stay(member_draft):
    client, assessment = member_draft
    post_step(client, assessment, 1, levels={ItemSlug.CLOUD_COMPUTING: 3}, go="stay")
    data = step_data(1, levels={ItemSlug.CLOUD_COMPUTING: 4}, go="stay")
    data["evidence-cloud-computing"] = "x" * 1001
    response = client.post(step_url(assessment, 1), data)
    assert response.status_code == 400
    assert "evidence-cloud-computing" in response.context["form"].errors
    assert Answer.objects.get(assessment=assessment, item__slug=ItemSlug.CLOUD_COMPUTING).level == 3


def test_an_example_without_a_level_asks_for_the_level(member_draft):
    client, assessment = member_draft
    data = step_data(1, levels={}, go="stay")
    data["evidence-cloud-computing"] = EXAMPLE
    response = client.post(step_url(assessment, 1), data)
    assert response.status_code == 400
    assert "level-cloud-computing" in response.context["form"].errors


def test_the_report_shows_the_example_to_the_person_never_to_share_viewers(member):
    assessment = CompletedAssessmentFactory(
        owner=member, default=3, evidence={ItemSlug.CLOUD_COMPUTING: EXAMPLE}
    )
    client = english_browser()
    client.force_login(member)
    assert EXAMPLE in client.get(detail_url(assessment)).content.decode()
    token = create_share_link(client, assessment)
    assert EXAMPLE not in english_browser().get(shared_url(token)).content.decode()
    data = json.loads(client.get(reverse("data_export")).content)
    kept = [a for a in data["assessments"] if a["id"] == str(assessment.pk)][0]
    assert EXAMPLE in [a["evidence"] for a in kept["answers"]]
    assert EXAMPLE not in client.get(export_url(assessment, "json")).content.decode()


def test_an_example_beside_a_lower_rating_is_kept_but_not_shown(member):
    assessment = CompletedAssessmentFactory(
        owner=member, default=2, evidence={ItemSlug.CLOUD_COMPUTING: EXAMPLE}
    )
    client = english_browser()
    client.force_login(member)
    assert EXAMPLE not in client.get(detail_url(assessment)).content.decode()
