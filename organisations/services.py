"""Writes of the organisations app: organisations, invitations, membership and consent.

Every change goes through here, so that the rules hold in one place: an invitation is
single-use and never makes an owner; an organisation always keeps an owner while it has
members; a share is a member's own completed assessment; exactly one share per membership
is flagged latest; withdrawing or deleting an assessment removes it from every
organisation at once.
"""

from datetime import timedelta

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from assessments.reporting.snapshot import read_snapshot, score_snapshot
from assessments.tokens import new_token
from organisations.models import (
    Membership,
    Organisation,
    OrganisationInvitation,
    Role,
    SharedAssessment,
    ShareReadiness,
)

INVITATION_DAYS = 7


class AlreadyMember(Exception):
    """The person is a member of the organisation already."""


@transaction.atomic
def organisation_create(*, user, name):
    """A new organisation, with its creator as owner."""
    organisation = Organisation(name=name.strip())
    organisation.full_clean()
    organisation.save()
    Membership.objects.create(organisation=organisation, user=user, role=Role.OWNER)
    return organisation


def _require_admin(membership):
    if membership is None or not membership.is_admin:
        raise PermissionDenied("Only an organisation's owners and admins invite.")


@transaction.atomic
def invitation_create(*, membership, role=Role.MEMBER, email="", days=INVITATION_DAYS):
    """A single-use link to join `membership`'s organisation; returns (invitation, token).

    Owners invite admins and members, admins invite members."""
    _require_admin(membership)
    if role not in (Role.ADMIN, Role.MEMBER):
        raise ValidationError({"role": _("Invite as an admin or a member.")})
    if role == Role.ADMIN and membership.role != Role.OWNER:
        raise PermissionDenied("Only an owner invites admins.")
    token, token_hash = new_token()
    invitation = OrganisationInvitation(
        organisation_id=membership.organisation_id,
        token_hash=token_hash,
        role=role,
        email=email,
        created_by_id=membership.user_id,
        expires_at=timezone.now() + timedelta(days=days),
    )
    invitation.full_clean()
    invitation.save()
    return invitation, token


@transaction.atomic
def invitation_revoke(*, membership, invitation):
    _require_admin(membership)
    if invitation.organisation_id != membership.organisation_id:
        raise PermissionDenied("Not this organisation's invitation.")
    if invitation.revoked_at is None and invitation.accepted_at is None:
        invitation.revoked_at = timezone.now()
        invitation.save(update_fields=["revoked_at"])


@transaction.atomic
def invitation_accept(*, invitation, user):
    """Join the invitation's organisation; the invitation is used up. AlreadyMember if the
    person belongs to it already (the invitation stays open for someone else)."""
    invitation = OrganisationInvitation.objects.select_for_update().get(pk=invitation.pk)
    if not invitation.is_open(timezone.now()):
        raise ValidationError(_("This invitation is no longer open."))
    if Membership.objects.filter(organisation_id=invitation.organisation_id, user=user).exists():
        raise AlreadyMember()
    membership = Membership.objects.create(
        organisation_id=invitation.organisation_id, user=user, role=invitation.role
    )
    invitation.accepted_at, invitation.accepted_by = timezone.now(), user
    invitation.save(update_fields=["accepted_at", "accepted_by"])
    return membership


@transaction.atomic
def membership_leave(*, membership):
    """The member leaves: their shares go with the membership. An organisation is never
    left without an owner: the longest-standing admin (else member) becomes one, and an
    organisation nobody belongs to any more is deleted with its invitations."""
    organisation = membership.organisation
    membership.delete()  # its shares and their readiness go with it
    others = Membership.objects.filter(organisation=organisation)
    if not others.exists():
        organisation.delete()
        return
    if not others.filter(role=Role.OWNER).exists():
        heir = (
            others.filter(role=Role.ADMIN).order_by("joined_at").first()
            or others.order_by("joined_at").first()
        )
        heir.role = Role.OWNER
        heir.save(update_fields=["role"])


@transaction.atomic
def memberships_delete_of_user(*, user):
    """Leave every organisation (account deletion)."""
    for membership in Membership.objects.filter(user=user).select_related("organisation"):
        membership_leave(membership=membership)


@transaction.atomic
def membership_remove(*, by, membership):
    """An owner or admin removes a member (an admin removes members only; owners stay)."""
    if not by.is_admin or by.organisation_id != membership.organisation_id:
        raise PermissionDenied("Only owners and admins remove members.")
    if membership.role == Role.OWNER or (membership.role == Role.ADMIN and by.role != Role.OWNER):
        raise PermissionDenied("This member cannot be removed by you.")
    membership.delete()


@transaction.atomic
def membership_naming_set(*, membership, named):
    """Whether the member may be named in aggregates over fewer than three people."""
    membership.named_in_small_groups = bool(named)
    membership.save(update_fields=["named_in_small_groups"])


# --- consent ------------------------------------------------------------------------------


def _lock(membership):
    """One change to a member's shares at a time (two at once could both flag a latest)."""
    list(Membership.objects.select_for_update().filter(pk=membership.pk).values_list("pk"))


def refresh_latest(*, membership_ids):
    """Flag each membership's most recently completed share as its latest, and only that."""
    membership_ids = list(membership_ids)
    if not membership_ids:
        return
    shares = SharedAssessment.objects.filter(membership_id__in=membership_ids)
    shares.filter(is_latest=True).update(is_latest=False)
    newest = shares.values("membership_id").annotate(newest=Max("completed_at"))
    for row in newest:
        latest = (
            shares.filter(membership_id=row["membership_id"], completed_at=row["newest"])
            .order_by("-shared_at", "-pk")
            .values_list("pk", flat=True)[:1]
        )
        SharedAssessment.objects.filter(pk__in=list(latest)).update(is_latest=True)


@transaction.atomic
def share_create(*, membership, assessment):
    """Let the organisation see the report of one of the member's completed assessments."""
    if assessment.owner_id != membership.user_id or not assessment.is_completed:
        raise PermissionDenied("Only one's own completed assessment can be shared.")
    _lock(membership)
    existing = SharedAssessment.objects.filter(
        organisation_id=membership.organisation_id, assessment=assessment
    ).first()
    if existing is not None:
        return existing
    snapshot = read_snapshot(assessment.snapshot)
    share = SharedAssessment.objects.create(
        organisation_id=membership.organisation_id,
        membership=membership,
        assessment=assessment,
        completed_at=assessment.completed_at,
        target_stage=snapshot.target_stage,
    )
    ShareReadiness.objects.bulk_create(
        ShareReadiness(share=share, stage=stage.stage, readiness=stage.percent)
        for stage in score_snapshot(snapshot).by_stage
    )
    refresh_latest(membership_ids=[membership.pk])
    return share


@transaction.atomic
def share_withdraw(*, membership, assessment_id):
    """The organisation no longer sees this assessment, from the next request on."""
    _lock(membership)
    deleted, _rows = SharedAssessment.objects.filter(
        membership=membership, assessment_id=assessment_id
    ).delete()
    refresh_latest(membership_ids=[membership.pk])
    return bool(deleted)


@transaction.atomic
def shares_delete(*, assessments):
    """Remove these assessments from every organisation (before they are deleted)."""
    shares = SharedAssessment.objects.filter(assessment__in=assessments)
    membership_ids = set(shares.values_list("membership_id", flat=True))
    shares.delete()
    refresh_latest(membership_ids=membership_ids)
