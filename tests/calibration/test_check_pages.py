"""The knowledge check's pages: the person only, one answer per question, clear 4xx."""

import csv
import io
import json

import pytest
from django.urls import reverse
from django.utils.html import escape

from calibration.models import CheckAnswer, CheckSitting
from content.models import KnowledgeChoice
from tests.assessments.report_helpers import (
    complete_assessment,
    create_share_link,
    detail_url,
    export_url,
    pdf_text,
    shared_export_url,
    shared_url,
    visitor_client,
)
from tests.questionnaire import english_client

pytestmark = pytest.mark.usefixtures("guide")


@pytest.fixture
def all_fours(member):
    assessment, _ = complete_assessment(owner=member, default=4)
    return assessment


@pytest.fixture
def own(member):
    client = english_client()
    client.force_login(member)
    return client


def check_url(assessment):
    return reverse("calibration:check", args=[assessment.pk])


def question_url(assessment, position):
    return reverse("calibration:question", args=[assessment.pk, position])


def start(client, assessment):
    response = client.post(check_url(assessment))
    assert response.status_code == 302
    return CheckSitting.objects.get(assessment=assessment)


def answer_all(client, assessment, *, right):
    for answer in CheckAnswer.objects.filter(sitting__assessment=assessment).order_by("position"):
        choice = KnowledgeChoice.objects.filter(
            check_question=answer.knowledge_check_id, correct=right
        ).first()
        response = client.post(question_url(assessment, answer.position), {"choice": choice.pk})
        assert response.status_code == 302


def test_the_introduction_says_how_many_questions_and_how_long(own, all_fours):
    response = own.get(check_url(all_fours))
    assert response.status_code == 200
    assert response.context["offered"] == 15  # every item rated 4: capped at fifteen
    assert response.context["minutes"] == 10
    assert b"Start the check" in response.content


def test_rating_everything_4_and_answering_wrongly_reads_possibly_overrated(own, all_fours):
    sitting = start(own, all_fours)
    assert sitting.answers.count() == 15
    answer_all(own, all_fours, right=False)

    page = own.get(detail_url(all_fours)).content.decode()
    assert page.count('class="verdict-overrated"') == 15
    assert "possibly overrated" in page
    assert "Readiness on checked items" in page

    data = json.loads(own.get(export_url(all_fours, "json")).content)
    assert data["calibration"]["checked"] == 15
    assert {i["verdict"] for i in data["calibration"]["items"]} == {"overrated"}
    assert all(i["rating"] == 4 and not i["correct"] for i in data["calibration"]["items"])
    # Readiness stays the self-rated figure; the checked one sits beside it.
    assert data["readiness"]["target"] == 100.0
    assert data["calibration"]["readiness_checked"] < 100.0
    assert data["calibration"]["readiness_checked_self_rated"] == 100.0

    rows = list(csv.reader(io.StringIO(own.get(export_url(all_fours, "csv")).content.decode())))
    assert rows[0][-1] == "calibration"
    assert sum(1 for row in rows[1:] if row and row[-1] == "possibly overrated") == 15

    assert "possibly overrated" in pdf_text(own.get(export_url(all_fours, "pdf")).content)


def test_answering_rightly_at_the_rated_level_is_consistent(own, member):
    assessment, _ = complete_assessment(owner=member, default=3)
    start(own, assessment)
    answer_all(own, assessment, right=True)
    data = json.loads(own.get(export_url(assessment, "json")).content)
    assert {i["verdict"] for i in data["calibration"]["items"]} == {"consistent"}


def test_after_each_answer_the_explanations_show(own, all_fours):
    start(own, all_fours)
    answer = CheckAnswer.objects.filter(sitting__assessment=all_fours).order_by("position")[0]
    best = KnowledgeChoice.objects.get(check_question=answer.knowledge_check_id, correct=True)
    own.post(question_url(all_fours, 1), {"choice": best.pk})
    response = own.get(question_url(all_fours, 1))
    assert response.context["verdict"] == "consistent"
    for choice in KnowledgeChoice.objects.filter(check_question=answer.knowledge_check_id):
        assert escape(choice.explanation_en) in response.content.decode()
    assert response.context["next_position"] == 2


def test_a_choice_of_another_question_is_refused_and_nothing_saved(own, all_fours):
    start(own, all_fours)
    first, second = CheckAnswer.objects.filter(sitting__assessment=all_fours).order_by("position")[
        :2
    ]
    foreign = KnowledgeChoice.objects.filter(check_question=second.knowledge_check_id).first()
    response = own.post(question_url(all_fours, 1), {"choice": foreign.pk})
    assert response.status_code == 400
    assert b"not one of this question" in response.content
    for bad in ("x", "-1", "99999999"):
        assert own.post(question_url(all_fours, 1), {"choice": bad}).status_code == 400
    first.refresh_from_db()
    assert not first.is_answered


def test_no_choice_is_a_form_error(own, all_fours):
    start(own, all_fours)
    response = own.post(question_url(all_fours, 1), {})
    assert response.status_code == 200
    assert response.context["error"] == "Choose one answer."


def test_answering_twice_keeps_the_first_answer(own, all_fours):
    start(own, all_fours)
    answer = CheckAnswer.objects.get(sitting__assessment=all_fours, position=1)
    right, wrong = (
        KnowledgeChoice.objects.get(check_question=answer.knowledge_check_id, correct=True),
        KnowledgeChoice.objects.filter(check_question=answer.knowledge_check_id, correct=False)[0],
    )
    own.post(question_url(all_fours, 1), {"choice": wrong.pk})
    response = own.post(question_url(all_fours, 1), {"choice": right.pk})
    assert response.status_code == 409
    answer.refresh_from_db()
    assert answer.choice_id == wrong.pk and answer.correct is False


def test_a_question_not_offered_is_404(own, all_fours):
    start(own, all_fours)
    assert own.get(question_url(all_fours, 16)).status_code == 404
    assert own.get(question_url(all_fours, 0)).status_code == 404


def test_starting_twice_keeps_one_sitting(own, all_fours):
    start(own, all_fours)
    own.post(check_url(all_fours))
    assert CheckSitting.objects.filter(assessment=all_fours).count() == 1


def test_a_draft_has_no_check(member_draft):
    client, assessment = member_draft
    assert client.get(check_url(assessment)).status_code == 404
    assert client.post(check_url(assessment)).status_code == 404


def test_outsiders_and_share_viewers_get_404_and_never_see_verdicts(own, all_fours, other_member):
    start(own, all_fours)
    answer_all(own, all_fours, right=False)
    outsider = english_client()
    outsider.force_login(other_member)
    for client in (outsider, english_client()):
        assert client.get(check_url(all_fours)).status_code == 404
        assert client.post(check_url(all_fours)).status_code == 404
        assert client.get(question_url(all_fours, 1)).status_code == 404
        assert client.post(question_url(all_fours, 1), {"choice": 1}).status_code == 404
    token = create_share_link(own, all_fours)
    shared = english_client().get(shared_url(token)).content.decode()
    assert "Calibration" not in shared and "overrated" not in shared
    data = json.loads(english_client().get(shared_export_url(token, "json")).content)
    assert data["calibration"] is None


def test_a_visitor_takes_the_check_in_their_session():
    assessment, _ = complete_assessment(default=3)
    client = visitor_client(assessment)
    assert client.post(check_url(assessment)).status_code == 302
    assert client.get(question_url(assessment, 1)).status_code == 200


def test_the_pages_work_in_japanese(all_fours, member):
    client = english_client()
    client.force_login(member)
    client.cookies["django_language"] = "ja"
    start(client, all_fours)
    response = client.get(question_url(all_fours, 1), HTTP_ACCEPT_LANGUAGE="ja")
    answer = CheckAnswer.objects.get(sitting__assessment=all_fours, position=1)
    assert answer.knowledge_check.situation_ja in response.content.decode()


def test_query_counts_stay_flat(own, all_fours, django_assert_max_num_queries):
    with django_assert_max_num_queries(12):
        own.get(check_url(all_fours))
    start(own, all_fours)
    with django_assert_max_num_queries(10):
        own.get(question_url(all_fours, 1))
    answer_all(own, all_fours, right=True)
    with django_assert_max_num_queries(11):
        own.get(question_url(all_fours, 15))
