"""Questions that misbehave retire themselves once they have enough answers; an admin
restores one, sees why it was withdrawn, and it is judged afresh."""

import pytest
from django.urls import reverse

from calibration.models import CheckAnswer, CheckQuality, CheckSitting
from calibration.quality import MIN_RESPONSES
from calibration.retirement import question_quality_refresh
from calibration.services import askable_questions
from content.models import KnowledgeCheck, Stage
from tests.calibration.check_helpers import answer_all, start
from tests.factories import AssessmentFactory, CompletedAssessmentFactory

pytestmark = pytest.mark.usefixtures("guide")


def given_answers(check, count, *, right):
    """`count` answers to `check`, each in a sitting of its own, by people who rated the
    item at the question's level."""
    stage = Stage.objects.order_by("order").first()
    choice = check.choices.filter(correct=right).first()
    for _ in range(count):
        sitting = CheckSitting.objects.create(
            assessment=AssessmentFactory(current_stage=stage, target_stage=stage)
        )
        CheckAnswer.objects.create(
            sitting=sitting,
            position=1,
            knowledge_check=check,
            item=check.item,
            rating=check.level,
            probed_level=check.level,
            choice=choice,
            correct=right,
            answered_at=sitting.started_at,
        )


@pytest.fixture
def level_4_question(bank):
    return KnowledgeCheck.objects.filter(item=bank[0], level=4, active=True).get()


def test_nothing_is_judged_or_withdrawn_before_enough_answers(level_4_question):
    given_answers(level_4_question, MIN_RESPONSES - 1, right=True)
    question_quality_refresh(knowledge_check_id=level_4_question.pk)
    assert not CheckQuality.objects.filter(knowledge_check=level_4_question).exists()
    assert level_4_question.slug in {q.slug for q in askable_questions()}


def test_the_answer_that_makes_a_question_all_right_withdraws_it(own, member, level_4_question):
    given_answers(level_4_question, MIN_RESPONSES - 1, right=True)
    assessment = CompletedAssessmentFactory(owner=member, default=4)
    start(own, assessment)
    # The bank's first item weighs most or not: answer until this question has been put.
    answer_all(own, assessment, right=True)
    assert CheckAnswer.objects.filter(knowledge_check=level_4_question).count() == MIN_RESPONSES
    quality = CheckQuality.objects.get(knowledge_check=level_4_question)
    assert quality.withdrawn_at is not None and quality.withdrawn_for == "all-right"
    assert level_4_question.slug not in {q.slug for q in askable_questions()}

    # The next person rated 4 on that item is asked the nearest question it still has.
    other = CompletedAssessmentFactory(owner=member, default=4)
    start(own, other)
    put = answer_all(own, other, right=True)
    assert level_4_question.pk not in {a.knowledge_check_id for a in put}
    assert {a.probed_level for a in put if a.item_id == level_4_question.item_id} == {3}


def test_a_question_people_answer_well_stays(level_4_question):
    given_answers(level_4_question, MIN_RESPONSES, right=True)
    CheckAnswer.objects.filter(knowledge_check=level_4_question).filter(
        pk__in=CheckAnswer.objects.filter(knowledge_check=level_4_question).values("pk")[:10]
    ).update(correct=False)
    quality = question_quality_refresh(knowledge_check_id=level_4_question.pk)
    assert quality.flags == "" and quality.withdrawn_at is None
    assert round(quality.difficulty, 2) == round(20 / 30, 2)


def test_an_admin_sees_why_restores_it_and_it_is_judged_afresh(admin_client, level_4_question):
    given_answers(level_4_question, MIN_RESPONSES, right=False)
    question_quality_refresh(knowledge_check_id=level_4_question.pk)
    listing = reverse("admin:calibration_checkquality_changelist")
    page = admin_client.get(listing + "?withdrawn=yes")
    text = page.content.decode()
    assert level_4_question.slug in text
    assert "ほぼ全員が不正解" in text  # why, in words (admin speaks Japanese by default)

    quality = CheckQuality.objects.get(knowledge_check=level_4_question)
    response = admin_client.post(
        listing, {"action": "restore_to_selection", "_selected_action": [quality.pk]}
    )
    assert response.status_code == 302
    quality.refresh_from_db()
    assert quality.withdrawn_at is None and quality.restored_at is not None
    assert quality.withdrawn_for == "all-wrong"  # why it was withdrawn stays on record
    assert level_4_question.slug in {q.slug for q in askable_questions()}
    # Only answers after the restore count: the old thirty no longer withdraw it.
    question_quality_refresh(knowledge_check_id=level_4_question.pk)
    quality.refresh_from_db()
    assert quality.withdrawn_at is None
