"""A person's knowledge check and interview practice, kept beside their assessment.

A sitting is the check of one completed assessment: the questions put and the answers
given, each with the rating, the probed level and the order its choices were shown in as
they stood, so later edits to the guide never change a verdict. A first-edition sitting
put one question per item, all at the start; a second-edition one puts each question
after the answer before it (calibration.adaptive) and records when it has finished.
Nothing here cascades from the guide: questions and choices are protected, and rows go
only when the person deletes the assessment or their account (see services).
"""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from assessments.models import Assessment
from content.models import (
    LEVEL_MAX,
    LEVEL_MIN,
    InterviewQuestion,
    Item,
    KnowledgeCheck,
    KnowledgeChoice,
)

ANSWER_MAX_LENGTH = 4000
FIRST_EDITION, CURRENT_EDITION = 1, 2


def _level(label):
    return models.PositiveSmallIntegerField(
        label, validators=[MinValueValidator(LEVEL_MIN), MaxValueValidator(LEVEL_MAX)]
    )


class CheckSitting(models.Model):
    assessment = models.OneToOneField(
        Assessment,
        on_delete=models.PROTECT,
        related_name="check_sitting",
        verbose_name=_("assessment"),
    )
    started_at = models.DateTimeField(_("started"), auto_now_add=True)
    # 1: one question per item, as the first edition asked; 2: adaptive, one or two.
    edition = models.PositiveSmallIntegerField(_("edition"), default=CURRENT_EDITION)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)

    class Meta:
        verbose_name = _("knowledge check taken")
        verbose_name_plural = _("knowledge checks taken")

    def __str__(self):
        return f"{self.assessment_id} ({self.started_at:%Y-%m-%d})"


class CheckAnswer(models.Model):
    """One question offered in a sitting and, once answered, the choice and its verdict."""

    sitting = models.ForeignKey(
        CheckSitting, on_delete=models.PROTECT, related_name="answers", verbose_name=_("sitting")
    )
    position = models.PositiveSmallIntegerField(_("position"))
    knowledge_check = models.ForeignKey(
        KnowledgeCheck, on_delete=models.PROTECT, related_name="+", verbose_name=_("question")
    )
    item = models.ForeignKey(Item, on_delete=models.PROTECT, related_name="+")
    rating = _level(_("self-rating"))
    probed_level = _level(_("probed level"))
    choice = models.ForeignKey(
        KnowledgeChoice,
        on_delete=models.PROTECT,
        related_name="+",
        null=True,
        blank=True,
        verbose_name=_("choice"),
    )
    correct = models.BooleanField(_("best answer chosen"), null=True, blank=True)
    # The choices' `order` values as shown; empty for a first-edition answer (shown 1-4).
    choice_order = models.JSONField(_("order the choices were shown in"), default=list)
    answered_at = models.DateTimeField(_("answered"), null=True, blank=True)

    class Meta:
        ordering = ["sitting", "position"]
        verbose_name = _("check answer")
        verbose_name_plural = _("check answers")
        constraints = [
            models.UniqueConstraint(fields=["sitting", "position"], name="check_answer_position"),
            models.UniqueConstraint(
                fields=["sitting", "knowledge_check"], name="check_answer_question_once"
            ),
            models.CheckConstraint(
                condition=Q(choice__isnull=True, correct__isnull=True, answered_at__isnull=True)
                | Q(choice__isnull=False, correct__isnull=False, answered_at__isnull=False),
                name="check_answer_whole_or_open",
            ),
        ]

    def __str__(self):
        return f"{self.sitting_id} #{self.position}"

    @property
    def is_answered(self):
        return self.answered_at is not None


class CheckQuality(models.Model):
    """How a question performs: refreshed as answers arrive once it has enough of them
    (calibration.retirement), and for every question by `manage.py check_question_quality`."""

    knowledge_check = models.OneToOneField(
        KnowledgeCheck, on_delete=models.CASCADE, related_name="quality"
    )
    responses = models.PositiveIntegerField(_("responses"))
    difficulty = models.FloatField(_("share answered right"), null=True)
    discrimination = models.FloatField(_("discrimination"), null=True)
    flags = models.CharField(_("flags"), max_length=120, blank=True)  # comma-separated
    computed_at = models.DateTimeField(_("computed"))
    # Withdrawn from selection when judged flagged; the flags that withdrew it stay as the
    # reason. An admin's restore puts it back and starts its count again from that moment.
    withdrawn_at = models.DateTimeField(_("withdrawn from selection"), null=True, blank=True)
    withdrawn_for = models.CharField(_("withdrawn for"), max_length=120, blank=True)
    restored_at = models.DateTimeField(_("restored by an admin"), null=True, blank=True)

    class Meta:
        verbose_name = _("question quality")
        verbose_name_plural = _("question quality")

    def __str__(self):
        return str(self.knowledge_check)


class InterviewAttempt(models.Model):
    """A member's written answer to an interview question, and the points they covered."""

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="interview_attempts",
        verbose_name=_("member"),
    )
    question = models.ForeignKey(
        InterviewQuestion,
        on_delete=models.PROTECT,
        related_name="attempts",
        verbose_name=_("question"),
    )
    answer = models.TextField(_("answer"), max_length=ANSWER_MAX_LENGTH)
    covered = models.JSONField(_("answer points covered"), default=list)
    points = models.PositiveSmallIntegerField(_("answer points"))
    created_at = models.DateTimeField(_("written"), auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("interview practice attempt")
        verbose_name_plural = _("interview practice attempts")
        indexes = [models.Index(fields=["owner", "question"], name="attempt_owner_question")]

    def __str__(self):
        return f"{self.question.slug} ({self.created_at:%Y-%m-%d})"
