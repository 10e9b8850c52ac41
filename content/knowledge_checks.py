"""Knowledge checks: scenario questions that test a self-rating against the rubric.

Each check belongs to one item and probes one rubric level: a situation at work, four
choices, one best answer and an explanation for every choice. They are guide content
(loaded from the data file, edited in admin) and are retired with `active`, never
deleted, because people's answers refer to them.
"""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

PROBED_MIN, PROBED_MAX = 1, 4
CHOICES_PER_CHECK = 4


class KnowledgeCheck(models.Model):
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    item = models.ForeignKey(
        "content.Item",
        on_delete=models.PROTECT,
        related_name="knowledge_checks",
        verbose_name=_("item"),
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    level = models.PositiveSmallIntegerField(
        _("probed level"),
        validators=[MinValueValidator(PROBED_MIN), MaxValueValidator(PROBED_MAX)],
        help_text=_("The rubric level a right answer shows."),
    )
    situation = models.TextField(_("situation"))
    active = models.BooleanField(
        _("active"), default=True, help_text=_("Retire a question by unticking this.")
    )

    class Meta:
        ordering = ["item__category__order", "item__order", "order", "slug"]
        verbose_name = _("knowledge check")
        verbose_name_plural = _("knowledge checks")
        constraints = [
            models.CheckConstraint(
                condition=Q(level__gte=PROBED_MIN, level__lte=PROBED_MAX),
                name="knowledge_check_level_range",
            ),
        ]

    def __str__(self):
        return self.slug


class KnowledgeChoice(models.Model):
    check_question = models.ForeignKey(
        KnowledgeCheck,
        on_delete=models.PROTECT,
        related_name="choices",
        verbose_name=_("knowledge check"),
    )
    order = models.PositiveSmallIntegerField(
        _("order"), validators=[MinValueValidator(1), MaxValueValidator(CHOICES_PER_CHECK)]
    )
    text = models.TextField(_("choice"))
    explanation = models.TextField(_("explanation"))
    correct = models.BooleanField(_("best answer"), default=False)

    class Meta:
        ordering = ["check_question", "order"]
        verbose_name = _("choice")
        verbose_name_plural = _("choices")
        constraints = [
            models.UniqueConstraint(
                fields=["check_question", "order"], name="knowledge_choice_one_per_order"
            ),
            models.UniqueConstraint(
                fields=["check_question"],
                condition=Q(correct=True),
                name="knowledge_choice_one_best_answer",
            ),
            models.CheckConstraint(
                condition=Q(order__gte=1, order__lte=CHOICES_PER_CHECK),
                name="knowledge_choice_order_range",
            ),
        ]

    def __str__(self):
        return f"{self.check_question} #{self.order}"
