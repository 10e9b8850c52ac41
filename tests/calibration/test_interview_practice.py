"""Interview practice that answers back: write, tick the points covered; members keep it."""

import json

import pytest
from django.urls import reverse

from calibration.models import InterviewAttempt
from calibration.practice import answer_points
from content.models import InterviewQuestion
from tests.assessments.report_helpers import detail_url, export_url
from tests.factories import CompletedAssessmentFactory
from tests.questionnaire import english_browser

pytestmark = pytest.mark.usefixtures("guide")


def practise_url(slug):
    return reverse("practice:practise", args=[slug])


def test_every_question_splits_into_the_same_points_in_both_languages():
    for question in InterviewQuestion.objects.all():
        ja, en = answer_points(question.answer_points_ja), answer_points(question.answer_points_en)
        assert len(ja) == len(en) >= 2, question.slug


def test_a_visitor_writes_an_answer_ticks_points_and_sees_the_count_kept_nowhere(english_client):
    question = InterviewQuestion.objects.order_by("order").first()
    points = answer_points(question.answer_points_en)
    written = english_client.post(
        practise_url(question.slug), {"step": "write", "answer": "Sagas."}
    )
    assert written.status_code == 200
    for point in points:
        assert point.split(" ")[0] in written.content.decode()
    counted = english_client.post(
        practise_url(question.slug), {"step": "covered", "answer": "Sagas.", "covered": ["0", "2"]}
    )
    assert counted.context["result"] == {"covered": 2, "points": len(points)}
    assert InterviewAttempt.objects.count() == 0


def test_a_member_keeps_attempts_and_the_report_lists_the_practised_question(member):
    assessment = CompletedAssessmentFactory(owner=member, default=1)
    client = english_browser()
    client.force_login(member)
    report = client.get(detail_url(assessment)).context
    question = InterviewQuestion.objects.get(slug=_first_recommended(client, assessment))
    response = client.post(
        practise_url(question.slug),
        {"step": "covered", "answer": "My answer", "covered": ["1"]},
    )
    assert response.status_code == 302
    attempt = InterviewAttempt.objects.get(owner=member)
    assert (attempt.covered, attempt.answer) == ([1], "My answer")
    assert "My answer" in client.get(practise_url(question.slug)).content.decode()
    assert report is not None
    page = client.get(detail_url(assessment)).content.decode()
    assert "Practised" in page
    data = json.loads(client.get(export_url(assessment, "json")).content)
    practised = [
        q for q in data["recommendations"]["interview_questions"] if q["question"] == question.slug
    ]
    assert practised[0]["practice"]["attempts"] == 1
    assert practised[0]["practice"]["covered"] == 1


def _first_recommended(client, assessment):
    data = json.loads(client.get(export_url(assessment, "json")).content)
    return data["recommendations"]["interview_questions"][0]["question"]


def test_bad_input_is_a_clear_400_and_nothing_is_kept(member):
    client = english_browser()
    client.force_login(member)
    slug = InterviewQuestion.objects.order_by("order").first().slug
    assert client.post(practise_url(slug), {"step": "write", "answer": ""}).status_code == 400
    assert (
        client.post(practise_url(slug), {"step": "write", "answer": "x" * 4001}).status_code == 400
    )
    refused = client.post(practise_url(slug), {"step": "covered", "answer": "a", "covered": ["99"]})
    assert refused.status_code == 400
    assert InterviewAttempt.objects.count() == 0
    assert client.get(practise_url("no-such-question")).status_code == 404


def test_the_practice_page_keeps_its_queries_few(member, django_assert_max_num_queries):
    client = english_browser()
    client.force_login(member)
    slug = InterviewQuestion.objects.order_by("order").first().slug
    with django_assert_max_num_queries(6):
        assert client.get(practise_url(slug)).status_code == 200
