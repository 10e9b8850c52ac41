"""assessments.models: what the database itself refuses, whatever the code above it does."""

import pytest
from django.db import IntegrityError, transaction
from django.db.models import ProtectedError

from assessments.models import Answer, Assessment
from content.models import Item
from tests.factories import AnswerFactory, AssessmentFactory, ItemFactory


def test_the_database_refuses_a_second_answer_to_the_same_item(db):
    answer = AnswerFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        Answer.objects.create(assessment=answer.assessment, item=answer.item, level=1)
    assert Answer.objects.count() == 1


@pytest.mark.parametrize("level", [5, 99])
def test_the_database_refuses_a_level_out_of_range(db, level):
    answer = AnswerFactory(level=2)
    with pytest.raises(IntegrityError), transaction.atomic():
        Answer.objects.filter(pk=answer.pk).update(level=level)
    answer.refresh_from_db()
    assert answer.level == 2


def test_the_database_refuses_a_completed_assessment_without_a_snapshot(db):
    assessment = AssessmentFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        Assessment.objects.filter(pk=assessment.pk).update(status="completed")


def test_an_answered_item_cannot_be_deleted(db):
    answer = AnswerFactory(item=ItemFactory(rubric=False))  # only the answer protects it
    with pytest.raises(ProtectedError) as refused:
        answer.item.delete()
    assert set(refused.value.protected_objects) == {answer}
    assert Item.objects.filter(pk=answer.item_id).exists()


def test_an_assessment_with_answers_and_a_member_with_assessments_cannot_be_deleted(db, member):
    answer = AnswerFactory(assessment=AssessmentFactory(owner=member))
    with pytest.raises(ProtectedError):
        answer.assessment.delete()
    with pytest.raises(ProtectedError):
        member.delete()
    assert Answer.objects.count() == 1
