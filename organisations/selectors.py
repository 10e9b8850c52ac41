"""Reads of the organisations app: who belongs where, and as what.

`membership_for` is the one door to an organisation's pages: it answers the request's
own membership, or 404 for anyone else (never 403, so nobody learns that an organisation
exists), and for an admin-only page 404 for a plain member too.
"""

from django.db.models import Case, CharField, Count, F, Value, When
from django.db.models.functions import Coalesce, Left, NullIf, StrIndex
from django.http import Http404
from django.utils import timezone

from assessments.models import Assessment
from assessments.tokens import hash_token
from organisations.models import Membership, OrganisationInvitation, Role, SharedAssessment


def member_name(user_path):
    """The member's display name, else their username, as a query expression."""
    return Coalesce(
        NullIf(F(f"{user_path}__profile__display_name"), Value("")), F(f"{user_path}__username")
    )


def member_label(user_path):
    """The name the team's views show: the display name, else the username; a username that
    is an email address (as sign-up makes it) shows only the part before "@" (readable in a
    narrow column, and no address spread over a team's screens)."""
    username = F(f"{user_path}__username")
    short = Case(
        When(
            **{f"{user_path}__username__contains": "@"},
            then=Left(username, StrIndex(username, Value("@")) - 1),
        ),
        default=username,
        output_field=CharField(),
    )
    return Coalesce(NullIf(F(f"{user_path}__profile__display_name"), Value("")), short)


def membership_for(user, organisation_id, *, admin=False):
    """The user's membership of the organisation (with it); Http404 otherwise."""
    if not user.is_authenticated:
        raise Http404("No such organisation")
    membership = (
        Membership.objects.select_related("organisation")
        .filter(user=user, organisation_id=organisation_id)
        .first()
    )
    if membership is None or (admin and not membership.is_admin):
        raise Http404("No such organisation")
    return membership


def memberships_of(user):
    """The user's memberships with each organisation's member count, by name."""
    return (
        Membership.objects.filter(user=user)
        .select_related("organisation")
        .annotate(members=Count("organisation__memberships", distinct=True))
        .order_by("organisation__name", "organisation_id")
    )


def open_invitation(token):
    """The open invitation a token names, with its organisation; None otherwise."""
    invitation = (
        OrganisationInvitation.objects.select_related("organisation")
        .filter(token_hash=hash_token(token))
        .first()
    )
    if invitation is None or not invitation.is_open(timezone.now()):
        return None
    return invitation


def open_invitations(organisation):
    now = timezone.now()
    return OrganisationInvitation.objects.filter(
        organisation=organisation,
        revoked_at__isnull=True,
        accepted_at__isnull=True,
        expires_at__gt=now,
    ).order_by("-created_at")


def members(organisation):
    """Every membership with the member's name and how many assessments they share."""
    return (
        Membership.objects.filter(organisation=organisation)
        .annotate(
            name=member_name("user"),
            shared=Count("shares"),
            rank=Case(
                When(role=Role.OWNER, then=Value(0)),
                When(role=Role.ADMIN, then=Value(1)),
                default=Value(2),
            ),
        )
        .order_by("rank", "name", "pk")
    )


def shareable_assessments(membership):
    """The member's completed assessments, each marked with whether it is shared here."""
    shared = set(
        SharedAssessment.objects.filter(membership=membership).values_list(
            "assessment_id", flat=True
        )
    )
    completed = (
        Assessment.objects.filter(owner_id=membership.user_id, status=Assessment.Status.COMPLETED)
        .select_related("current_stage", "target_stage", "company_kind")
        .order_by("-completed_at")
    )
    return [(assessment, assessment.pk in shared) for assessment in completed]
