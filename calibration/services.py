"""Writes of the knowledge check and interview practice: start, answer, delete."""

from django.db import IntegrityError, transaction
from django.utils import timezone

from assessments.reporting.snapshot import read_snapshot, score_snapshot
from calibration.models import CheckAnswer, CheckSitting, InterviewAttempt
from calibration.verdicts import Question, Rated, choose_questions
from content.models import Item, KnowledgeCheck


class AlreadyAnswered(Exception):
    """The question was answered before: the first answer stands."""


class NotAChoiceOfTheQuestion(Exception):
    """The choice sent belongs to another question, or to none."""


def offered_questions(assessment):
    """[(Rated, Question)] the check of this completed assessment asks (pure rules in
    calibration.verdicts), from its frozen ratings and the guide's active questions."""
    score = score_snapshot(read_snapshot(assessment.snapshot))
    rated = [Rated(s.item, s.rating, s.importance, s.position) for s in score.items]
    questions = [
        Question(slug, item, level, order)
        for slug, item, level, order in KnowledgeCheck.objects.filter(
            active=True, item__active=True
        ).values_list("slug", "item__slug", "level", "order")
    ]
    return choose_questions(rated, questions)


def sitting_start(*, assessment):
    """The sitting of a completed assessment, started now if it was not before."""
    existing = CheckSitting.objects.filter(assessment=assessment).first()
    if existing is not None:
        return existing
    pairs = offered_questions(assessment)
    checks = KnowledgeCheck.objects.in_bulk([q.slug for _, q in pairs], field_name="slug")
    items = Item.objects.in_bulk([r.item for r, _ in pairs], field_name="slug")
    try:
        with transaction.atomic():
            sitting = CheckSitting.objects.create(assessment=assessment)
            CheckAnswer.objects.bulk_create(
                CheckAnswer(
                    sitting=sitting,
                    position=position,
                    knowledge_check=checks[question.slug],
                    item=items[rated.item],
                    rating=rated.rating,
                    probed_level=question.level,
                )
                for position, (rated, question) in enumerate(pairs, start=1)
            )
    except IntegrityError:  # started at the same moment by another request: use that one
        return CheckSitting.objects.get(assessment=assessment)
    return sitting


def check_answer(*, answer, choice_id):
    """Record the choice for an offered question; the first answer stands."""
    with transaction.atomic():
        locked = CheckAnswer.objects.select_for_update().get(pk=answer.pk)
        if locked.is_answered:
            raise AlreadyAnswered
        choice = locked.knowledge_check.choices.filter(pk=choice_id).first()
        if choice is None:
            raise NotAChoiceOfTheQuestion
        locked.choice = choice
        locked.correct = choice.correct
        locked.answered_at = timezone.now()
        locked.save(update_fields=["choice", "correct", "answered_at"])
    return locked


def interview_attempt_save(*, owner, question, answer, covered, points):
    return InterviewAttempt.objects.create(
        owner=owner, question=question, answer=answer, covered=sorted(covered), points=points
    )


def calibration_delete(*, assessments):
    """Remove the knowledge checks of these assessments (they are being deleted)."""
    CheckAnswer.objects.filter(sitting__assessment__in=assessments).delete()
    CheckSitting.objects.filter(assessment__in=assessments).delete()


def interview_attempts_delete(*, owner):
    InterviewAttempt.objects.filter(owner=owner).delete()
