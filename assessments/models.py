"""A person's self-assessment and its answers.

Nothing here cascades: answers and assessments are only ever deleted on purpose, by
the services (a person deleting an assessment or their account). Content rows they
refer to are protected, so admin edits can never take a person's answers with them.
"""

import uuid

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from content.models import LEVEL_MAX, LEVEL_MIN, CompanyKind, Item, Stage

NOTE_MAX_LENGTH = 1000
EVIDENCE_MAX_LENGTH = 1000
# Evidence is asked for (and shown with) the ratings that claim the most: this level and up.
EVIDENCE_FROM_LEVEL = 3


class FrozenReport(models.Model):
    """What the report of a completed assessment needs, frozen at completion.

    A row of its own, not a column of the assessment: SQLite stores a row's columns in
    order, so every read of an assessment would walk through this large value. The
    database refuses to change it once written (see assessments/frozen.py).
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    data = models.JSONField(_("frozen report data"), editable=False)

    class Meta:
        verbose_name = _("frozen report")
        verbose_name_plural = _("frozen reports")

    def __str__(self):
        return str(self.pk)


class Assessment(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        COMPLETED = "completed", _("Completed")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="assessments",
        verbose_name=_("owner"),
    )
    current_stage = models.ForeignKey(
        Stage, on_delete=models.PROTECT, related_name="+", verbose_name=_("current stage")
    )
    target_stage = models.ForeignKey(
        Stage, on_delete=models.PROTECT, related_name="+", verbose_name=_("target stage")
    )
    # The kind of company aimed at; none means the base target profile.
    company_kind = models.ForeignKey(
        CompanyKind,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("kind of company"),
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    completed_at = models.DateTimeField(_("completed"), null=True, blank=True)
    # SHA-256 of the private resume token; the token itself is never stored.
    resume_token_hash = models.CharField(max_length=64, unique=True, editable=False)
    # What the report needs, frozen at completion (see services.assessment_complete).
    frozen_report = models.OneToOneField(
        FrozenReport,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        editable=False,
        related_name="assessment",
        verbose_name=_("frozen report"),
    )

    class Meta:
        ordering = ["-updated_at"]
        verbose_name = _("assessment")
        verbose_name_plural = _("assessments")
        indexes = [models.Index(fields=["status", "updated_at"], name="assessment_status_updated")]
        constraints = [
            models.CheckConstraint(
                condition=Q(status="draft", completed_at__isnull=True, frozen_report__isnull=True)
                | Q(status="completed", completed_at__isnull=False, frozen_report__isnull=False),
                name="assessment_completed_is_frozen",
            ),
        ]

    def __str__(self):
        return f"{self.target_stage} · {self.created_at:%Y-%m-%d}"

    def save(self, *args, **kwargs):
        # A report frozen through `snapshot` is written first: the assessment refers to it.
        frozen = self._state.fields_cache.get("frozen_report")
        if frozen is not None and frozen._state.adding:
            frozen.save()
        super().save(*args, **kwargs)

    @property
    def is_completed(self):
        return self.status == self.Status.COMPLETED

    @property
    def snapshot(self):
        """The frozen report's data (None for a draft), read from its row when first asked:
        select_related("frozen_report") where many are read."""
        return self.frozen_report.data if self.frozen_report_id else None

    @snapshot.setter
    def snapshot(self, data):
        """Freeze `data` as this assessment's report: saved with the assessment."""
        self.frozen_report = None if data is None else FrozenReport(data=data)


class Answer(models.Model):
    assessment = models.ForeignKey(
        Assessment, on_delete=models.PROTECT, related_name="answers", verbose_name=_("assessment")
    )
    item = models.ForeignKey(
        Item, on_delete=models.PROTECT, related_name="answers", verbose_name=_("item")
    )
    level = models.PositiveSmallIntegerField(
        _("level"), validators=[MinValueValidator(LEVEL_MIN), MaxValueValidator(LEVEL_MAX)]
    )
    note = models.CharField(_("note"), max_length=NOTE_MAX_LENGTH, blank=True)
    evidence = models.CharField(
        _("evidence"),
        max_length=EVIDENCE_MAX_LENGTH,
        blank=True,
        help_text=_("One concrete example behind a rating of 3 or 4: when, and what happened."),
    )
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        ordering = ["item__category__order", "item__order"]
        verbose_name = _("answer")
        verbose_name_plural = _("answers")
        constraints = [
            models.UniqueConstraint(fields=["assessment", "item"], name="answer_one_per_item"),
            models.CheckConstraint(
                condition=Q(level__gte=LEVEL_MIN, level__lte=LEVEL_MAX), name="answer_level_range"
            ),
        ]

    def __str__(self):
        return f"{self.item}: {self.level}"


class ShareLink(models.Model):
    """A read-only link to one completed report; the token is stored only as a hash."""

    assessment = models.ForeignKey(
        Assessment,
        on_delete=models.PROTECT,
        related_name="share_links",
        verbose_name=_("assessment"),
    )
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    expires_at = models.DateTimeField(_("expires"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)
    # The owner chose to show their colleagues' view (colleagues/) through this link.
    show_colleagues = models.BooleanField(_("shows the colleagues' view"), default=False)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("share link")
        verbose_name_plural = _("share links")

    def __str__(self):
        return f"{self.assessment_id} · {self.created_at:%Y-%m-%d}"

    def is_live(self, now):
        return self.revoked_at is None and (self.expires_at is None or self.expires_at > now)
