"""Writes of the knowledge check and interview practice: start, answer (and put the next
question), delete."""

from django.db import IntegrityError, transaction
from django.utils import timezone

from assessments.reporting.snapshot import read_snapshot, score_snapshot
from calibration import adaptive
from calibration.models import FIRST_EDITION, CheckAnswer, CheckSitting, InterviewAttempt
from calibration.retirement import question_quality_refresh
from calibration.verdicts import Question, Rated
from content.models import KnowledgeCheck, KnowledgeChoice


class AlreadyAnswered(Exception):
    """The question was answered before: the first answer stands."""


class NotAChoiceOfTheQuestion(Exception):
    """The choice sent belongs to another question, or to none."""


def askable_questions():
    """[Question] the check may put: active, of an active item, not withdrawn."""
    return [
        Question(slug, item, level, order)
        for slug, item, level, order in KnowledgeCheck.objects.filter(
            active=True, item__active=True
        )
        .exclude(quality__withdrawn_at__isnull=False)
        .values_list("slug", "item__slug", "level", "order")
    ]


def check_plan(assessment):
    """(plan, questions): the items the check of this completed assessment may ask, in
    the order it asks them (calibration.adaptive), from its frozen ratings."""
    score = score_snapshot(read_snapshot(assessment.snapshot))
    rated = [Rated(s.item, s.rating, s.importance, s.position) for s in score.items]
    questions = askable_questions()
    return adaptive.items_to_ask(rated, questions), questions


def _put_next(sitting, asked, plan, questions):
    """Put the next question in the sitting, or mark it finished when there is none."""
    found = adaptive.next_question(plan, questions, asked)
    if found is None:
        sitting.finished_at = timezone.now()
        sitting.save(update_fields=["finished_at"])
        return None
    rated, question = found
    check = KnowledgeCheck.objects.select_related("item").get(slug=question.slug)
    orders = KnowledgeChoice.objects.filter(check_question=check).values_list("order", flat=True)
    return CheckAnswer.objects.create(
        sitting=sitting,
        position=len(asked) + 1,
        knowledge_check=check,
        item=check.item,
        rating=rated.rating,
        probed_level=question.level,
        choice_order=adaptive.shuffled(
            orders, assessment=sitting.assessment_id, question=question.slug
        ),
    )


def sitting_start(*, assessment):
    """The sitting of a completed assessment, started now (with its first question put)
    if it was not before."""
    existing = CheckSitting.objects.filter(assessment=assessment).first()
    if existing is not None:
        return existing
    plan, questions = check_plan(assessment)
    try:
        with transaction.atomic():
            sitting = CheckSitting.objects.create(assessment=assessment)
            _put_next(sitting, [], plan, questions)
    except IntegrityError:  # started at the same moment by another request: use that one
        return CheckSitting.objects.get(assessment=assessment)
    return sitting


def check_answer(*, answer, choice_id):
    """Record the choice for a question put; the first answer stands. In a second-edition
    sitting the next question is put at once (or the sitting is marked finished)."""
    with transaction.atomic():
        sitting = CheckSitting.objects.select_for_update().get(pk=answer.sitting_id)
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
        if sitting.edition != FIRST_EDITION and sitting.finished_at is None:
            asked = [
                adaptive.Asked(item, slug, level, correct)
                for item, slug, level, correct in CheckAnswer.objects.filter(sitting=sitting)
                .order_by("position")
                .values_list("item__slug", "knowledge_check__slug", "probed_level", "correct")
            ]
            if all(a.correct is not None for a in asked):
                _put_next(sitting, asked, *check_plan(sitting.assessment))
    question_quality_refresh(knowledge_check_id=locked.knowledge_check_id)
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
