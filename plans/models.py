"""A person's working data on the development plan of a completed assessment.

The plan itself (which actions, their goals, resources and hours) is computed from the
frozen report (plans.plan); what is stored here is what the person
decides: the hours they give it each week, each action's status, target date and note,
and when to assess again. Nothing cascades: services delete these rows on purpose.
"""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from assessments.models import Assessment
from content.models import Item
from plans.plan import (
    DEFAULT_HOURS_PER_WEEK,
    HOURS_PER_WEEK_MAX,
    HOURS_PER_WEEK_MIN,
)

NOTE_MAX_LENGTH = 500


class Plan(models.Model):
    assessment = models.OneToOneField(
        Assessment,
        on_delete=models.PROTECT,
        primary_key=True,
        related_name="plan",
        verbose_name=_("assessment"),
    )
    hours_per_week = models.PositiveSmallIntegerField(
        _("hours per week"),
        default=DEFAULT_HOURS_PER_WEEK,
        validators=[MinValueValidator(HOURS_PER_WEEK_MIN), MaxValueValidator(HOURS_PER_WEEK_MAX)],
    )
    started_on = models.DateField(_("started on"))
    reassess_on = models.DateField(_("assess again on"), null=True, blank=True)
    reminder_sent_at = models.DateTimeField(_("reminder sent"), null=True, blank=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("development plan")
        verbose_name_plural = _("development plans")
        constraints = [
            models.CheckConstraint(
                condition=Q(hours_per_week__gte=HOURS_PER_WEEK_MIN)
                & Q(hours_per_week__lte=HOURS_PER_WEEK_MAX),
                name="plan_hours_per_week_range",
            )
        ]
        indexes = [
            models.Index(fields=["reassess_on", "reminder_sent_at"], name="plan_reminders_due")
        ]

    def __str__(self):
        return f"{self.assessment} · {self.hours_per_week} h/week"


class ActionStatus(models.TextChoices):
    TODO = "todo", _("To do")
    DOING = "doing", _("Doing")
    DONE = "done", _("Done")


class ActionProgress(models.Model):
    """Where the person stands on one action of their plan (one item of it)."""

    Status = ActionStatus

    plan = models.ForeignKey(
        Plan, on_delete=models.PROTECT, related_name="progress", verbose_name=_("plan")
    )
    item = models.ForeignKey(
        Item, on_delete=models.PROTECT, related_name="+", verbose_name=_("item")
    )
    status = models.CharField(
        _("status"), max_length=10, choices=ActionStatus.choices, default=ActionStatus.TODO
    )
    target_date = models.DateField(_("target date"), null=True, blank=True)
    note = models.CharField(_("note"), max_length=NOTE_MAX_LENGTH, blank=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("action progress")
        verbose_name_plural = _("action progress")
        constraints = [
            models.UniqueConstraint(fields=["plan", "item"], name="progress_one_per_action"),
            models.CheckConstraint(
                condition=Q(status__in=ActionStatus.values), name="progress_status_known"
            ),
        ]

    def __str__(self):
        return f"{self.item}: {self.get_status_display()}"
