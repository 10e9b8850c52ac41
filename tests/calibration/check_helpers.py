"""Helpers for the knowledge check's page tests: a small bank of factory-made questions
in place of the real one, and a person answering whatever the check puts next."""

from django.urls import reverse
from django.utils import timezone

from calibration.models import FIRST_EDITION, CheckAnswer, CheckSitting
from content.models import Item, KnowledgeCheck, KnowledgeChoice
from tests.factories import KnowledgeCheckFactory

BANK_ITEMS = 3


def factory_bank(levels=(2, 3, 4), items=BANK_ITEMS):
    """Retire the real questions and put questions at `levels` on the first `items` items
    (the key's order varies); return those items."""
    KnowledgeCheck.objects.update(active=False)
    chosen = list(Item.objects.filter(active=True).order_by("category__order", "order")[:items])
    key = 0
    for item in chosen:
        for level in levels:
            key += 1
            KnowledgeCheckFactory(item=item, level=level, key=1 + key % 4)
    return chosen


def check_url(assessment):
    return reverse("calibration:check", args=[assessment.pk])


def question_url(assessment, position):
    return reverse("calibration:question", args=[assessment.pk, position])


def start(client, assessment):
    response = client.post(check_url(assessment))
    assert response.status_code == 302
    return CheckSitting.objects.get(assessment=assessment)


def open_question(assessment):
    return CheckAnswer.objects.filter(
        sitting__assessment=assessment, answered_at__isnull=True
    ).first()


def choice_for(answer, *, right):
    return KnowledgeChoice.objects.filter(
        check_question=answer.knowledge_check_id, correct=right
    ).first()


def answer_all(client, assessment, *, right):
    """Answer every question the check puts, rightly or wrongly (right may be a function
    of the CheckAnswer); return the answers in the order they were put."""
    put = []
    while (answer := open_question(assessment)) is not None:
        is_right = right(answer) if callable(right) else right
        response = client.post(
            question_url(assessment, answer.position),
            {"choice": choice_for(answer, right=is_right).pk},
        )
        assert response.status_code == 302
        put.append(answer)
    return put


def first_edition_check(assessment, *, correct, answered=None):
    """A check as the first edition took it: one question per item at level 3, all put
    at the start; the first `answered` of them (all by default) answered."""
    sitting = CheckSitting.objects.create(assessment=assessment, edition=FIRST_EDITION)
    sitting.refresh_from_db()
    ratings = {a.item_id: a.level for a in assessment.answers.all()}
    questions = KnowledgeCheck.objects.filter(active=True, level=3).order_by(
        "item__category__order", "item__order"
    )
    for position, question in enumerate(questions, start=1):
        done = answered is None or position <= answered
        CheckAnswer.objects.create(
            sitting=sitting,
            position=position,
            knowledge_check=question,
            item=question.item,
            rating=ratings[question.item_id],
            probed_level=3,
            choice=question.choices.filter(correct=correct).first() if done else None,
            correct=correct if done else None,
            answered_at=timezone.now() if done else None,
        )
    return sitting
