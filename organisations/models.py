"""Organisations: a team whose owners and admins see what members chose to share.

A member belongs to an organisation through a Membership (owner, admin or member). An
invitation is a single-use link whose token is stored only as a hash. A SharedAssessment
is a member's consent that the organisation may see the report of one completed
assessment; withdrawing deletes it. Each share keeps the readiness for every stage as the
frozen report states it (ShareReadiness), so that the organisation's views aggregate in
the database, and exactly one share per membership is flagged `is_latest` (services keep
it so). Nothing here points at answers with a cascade: the assessment is PROTECTed and
the services delete shares on purpose before an assessment goes.
"""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from assessments.models import Assessment

NAME_MAX_LENGTH = 100


class Role(models.TextChoices):
    OWNER = "owner", _("Owner")
    ADMIN = "admin", _("Admin")
    MEMBER = "member", _("Member")


ADMIN_ROLES = (Role.OWNER, Role.ADMIN)


class Organisation(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    name = models.CharField(_("name"), max_length=NAME_MAX_LENGTH)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")

    def __str__(self):
        return self.name


class Membership(models.Model):
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.CASCADE,
        related_name="memberships",
        verbose_name=_("organisation"),
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,  # account deletion removes memberships on purpose
        related_name="memberships",
        verbose_name=_("user"),
    )
    role = models.CharField(_("role"), max_length=10, choices=Role.choices, default=Role.MEMBER)
    # The member agrees to be named where an aggregate covers fewer than three people.
    named_in_small_groups = models.BooleanField(_("may be named in small groups"), default=False)
    joined_at = models.DateTimeField(_("joined"), auto_now_add=True)

    class Meta:
        ordering = ["joined_at"]
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [
            models.UniqueConstraint(fields=["organisation", "user"], name="membership_once"),
            models.CheckConstraint(
                condition=Q(role__in=[r.value for r in Role]), name="membership_role_known"
            ),
        ]

    def __str__(self):
        return f"{self.user} · {self.organisation} ({self.role})"

    @property
    def is_admin(self):
        return self.role in ADMIN_ROLES


class OrganisationInvitation(models.Model):
    """A single-use, expiring, revocable link to join; the token is stored only hashed."""

    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.CASCADE,
        related_name="invitations",
        verbose_name=_("organisation"),
    )
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    role = models.CharField(_("role"), max_length=10, choices=Role.choices, default=Role.MEMBER)
    email = models.EmailField(_("sent to"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("created by"),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    expires_at = models.DateTimeField(_("expires"))
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)
    accepted_at = models.DateTimeField(_("accepted"), null=True, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("accepted by"),
    )

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        constraints = [
            models.CheckConstraint(
                condition=~Q(role="owner"), name="invitation_never_makes_an_owner"
            ),
        ]

    def __str__(self):
        return f"{self.organisation} · {self.created_at:%Y-%m-%d}"

    def is_open(self, now):
        return self.revoked_at is None and self.accepted_at is None and self.expires_at > now


class SharedAssessment(models.Model):
    """A member's consent that an organisation may see one completed assessment's report."""

    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.CASCADE,
        related_name="shares",
        verbose_name=_("organisation"),
    )
    membership = models.ForeignKey(
        Membership, on_delete=models.CASCADE, related_name="shares", verbose_name=_("membership")
    )
    assessment = models.ForeignKey(
        Assessment,
        on_delete=models.PROTECT,  # services delete shares before the assessment goes
        related_name="organisation_shares",
        verbose_name=_("assessment"),
    )
    completed_at = models.DateTimeField(_("completed"))  # the assessment's, for ordering
    target_stage = models.CharField(_("target stage"), max_length=80)  # frozen slug
    shared_at = models.DateTimeField(_("shared"), auto_now_add=True)
    # The membership's most recently completed share (services.refresh_latest keeps it).
    is_latest = models.BooleanField(_("latest"), default=False)

    class Meta:
        ordering = ["-completed_at"]
        verbose_name = _("shared assessment")
        verbose_name_plural = _("shared assessments")
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "assessment"], name="share_once_per_organisation"
            ),
            models.UniqueConstraint(
                fields=["membership"], condition=Q(is_latest=True), name="share_one_latest"
            ),
        ]
        indexes = [
            models.Index(fields=["organisation", "is_latest"], name="share_org_latest"),
            models.Index(fields=["membership", "completed_at"], name="share_member_completed"),
        ]

    def __str__(self):
        return f"{self.assessment_id} → {self.organisation}"


class ShareReadiness(models.Model):
    """A shared assessment's readiness for one stage, as its frozen report states it."""

    share = models.ForeignKey(
        SharedAssessment,
        on_delete=models.CASCADE,
        related_name="stage_readiness",
        verbose_name=_("shared assessment"),
    )
    stage = models.CharField(_("stage"), max_length=80)  # the frozen stage's slug
    readiness = models.FloatField(_("readiness"))

    class Meta:
        verbose_name = _("readiness of a shared assessment")
        verbose_name_plural = _("readiness of shared assessments")
        constraints = [
            models.UniqueConstraint(fields=["share", "stage"], name="share_readiness_once"),
            models.CheckConstraint(
                condition=Q(readiness__gte=0, readiness__lte=100), name="share_readiness_range"
            ),
        ]
        indexes = [models.Index(fields=["stage", "readiness"], name="share_stage_readiness")]

    def __str__(self):
        return f"{self.stage}: {self.readiness}"
