"""A colleagues' round: invited colleagues rate the owner of a completed assessment.

Anonymity by construction. An Invitation knows its round, its relationship and whether
it was used, never what was answered through it. A ColleagueRating (with its
ItemRatings) knows its round, the relationship and the manager's consent, never the
invitation it came through: no foreign key, no shared timestamp, and random UUID keys,
so neither an arrival order nor a time can be matched between the two tables. A comment
is stored apart from the rating it came with (ColleagueComment has no link to it), so it
carries no relationship either. The link between a rater and their rating exists only
inside the one transaction that marks the invitation used and stores the rating
(services.rating_submit), which is all it takes to stop a second submission.

Nothing cascades: services delete these rows on purpose, with the assessment.
"""

import uuid

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from assessments.models import Assessment
from content.models import LEVEL_MAX, LEVEL_MIN, Item

COMMENT_MAX_LENGTH = 1000
DISPLAY_NAME_MAX_LENGTH = 80


class Relationship(models.TextChoices):
    MANAGER = "manager", _("Manager")
    PEER = "peer", _("Peer")
    DIRECT_REPORT = "direct_report", _("Direct report")
    OTHER = "other", _("Other")


class Round(models.Model):
    """One round of colleagues' ratings on a completed assessment (one per assessment)."""

    assessment = models.OneToOneField(
        Assessment,
        on_delete=models.PROTECT,
        related_name="colleagues_round",
        verbose_name=_("assessment"),
    )
    # How the owner chose to be named to their colleagues; never taken from the account.
    display_name = models.CharField(_("name shown to colleagues"), max_length=80, blank=True)
    opened_at = models.DateTimeField(_("opened"), auto_now_add=True)
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True)
    items = models.ManyToManyField(
        Item, through="RoundItem", related_name="+", verbose_name=_("items")
    )

    class Meta:
        verbose_name = _("colleagues' round")
        verbose_name_plural = _("colleagues' rounds")

    def __str__(self):
        return f"{self.assessment_id} · {self.opened_at:%Y-%m-%d}"

    @property
    def is_open(self):
        return self.closed_at is None


class RoundItem(models.Model):
    """An item colleagues rate in a round, with the owner's own level frozen beside it."""

    round = models.ForeignKey(
        Round, on_delete=models.PROTECT, related_name="round_items", verbose_name=_("round")
    )
    item = models.ForeignKey(
        Item, on_delete=models.PROTECT, related_name="+", verbose_name=_("item")
    )
    self_level = models.PositiveSmallIntegerField(_("own level"))
    order = models.PositiveSmallIntegerField(_("order"))

    class Meta:
        ordering = ["round", "order"]
        verbose_name = _("item rated")
        verbose_name_plural = _("items rated")
        constraints = [
            models.UniqueConstraint(fields=["round", "item"], name="round_item_once"),
            models.CheckConstraint(
                condition=Q(self_level__gte=LEVEL_MIN, self_level__lte=LEVEL_MAX),
                name="round_item_self_level_range",
            ),
        ]

    def __str__(self):
        return str(self.item)


class Invitation(models.Model):
    """A private link to rate the owner once; the token is stored only as a hash."""

    round = models.ForeignKey(
        Round, on_delete=models.PROTECT, related_name="invitations", verbose_name=_("round")
    )
    relationship = models.CharField(_("relationship"), max_length=20, choices=Relationship.choices)
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    expires_at = models.DateTimeField(_("expires"))
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)
    # Whether a rating came through it; not when (a time could be matched to a rating).
    used = models.BooleanField(_("used"), default=False)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        indexes = [models.Index(fields=["round", "created_at"], name="invitation_round_created")]

    def __str__(self):
        return f"{self.get_relationship_display()} · {self.created_at:%Y-%m-%d}"

    def is_live(self, now):
        return self.revoked_at is None and self.expires_at > now


class ColleagueRating(models.Model):
    """One colleague's submission, with no link to the invitation it came through."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    round = models.ForeignKey(
        Round, on_delete=models.PROTECT, related_name="ratings", verbose_name=_("round")
    )
    relationship = models.CharField(_("relationship"), max_length=20, choices=Relationship.choices)
    # The manager agreed that their ratings may be shown on their own.
    manager_consent = models.BooleanField(_("manager agreed to be shown alone"), default=False)

    class Meta:
        verbose_name = _("colleague's rating")
        verbose_name_plural = _("colleagues' ratings")
        constraints = [
            models.CheckConstraint(
                condition=Q(manager_consent=False) | Q(relationship="manager"),
                name="colleague_rating_consent_is_a_managers",
            ),
        ]

    def __str__(self):
        return str(self.get_relationship_display())


class ItemRating(models.Model):
    """A colleague's level for one item of the round; no level means "can't judge"."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    rating = models.ForeignKey(
        ColleagueRating,
        on_delete=models.PROTECT,
        related_name="item_ratings",
        verbose_name=_("rating"),
    )
    item = models.ForeignKey(
        Item, on_delete=models.PROTECT, related_name="+", verbose_name=_("item")
    )
    level = models.PositiveSmallIntegerField(
        _("level"),
        null=True,
        blank=True,
        validators=[MinValueValidator(LEVEL_MIN), MaxValueValidator(LEVEL_MAX)],
    )

    class Meta:
        verbose_name = _("item rating")
        verbose_name_plural = _("item ratings")
        constraints = [
            models.UniqueConstraint(fields=["rating", "item"], name="item_rating_once"),
            models.CheckConstraint(
                condition=Q(level__isnull=True) | Q(level__gte=LEVEL_MIN, level__lte=LEVEL_MAX),
                name="item_rating_level_range",
            ),
        ]

    def __str__(self):
        return f"{self.item}: {'-' if self.level is None else self.level}"


class ColleagueComment(models.Model):
    """A colleague's comment, kept apart from their rating: no relationship, no time."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    round = models.ForeignKey(
        Round, on_delete=models.PROTECT, related_name="comments", verbose_name=_("round")
    )
    text = models.TextField(_("comment"), max_length=COMMENT_MAX_LENGTH)

    class Meta:
        verbose_name = _("colleague's comment")
        verbose_name_plural = _("colleagues' comments")

    def __str__(self):
        return self.text[:40]
