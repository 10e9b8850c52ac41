"""A member's organisations, for their data download (accounts.member_data)."""

from django.db.models import Prefetch

from organisations.models import Membership, SharedAssessment


def _when(moment):
    return moment.isoformat() if moment else None


def organisations_data(user):
    """Each organisation the member belongs to: role, consent to be named, what is shared."""
    memberships = (
        Membership.objects.filter(user=user)
        .select_related("organisation")
        .prefetch_related(
            Prefetch("shares", queryset=SharedAssessment.objects.order_by("completed_at"))
        )
        .order_by("joined_at")
    )
    return [
        {
            "organisation": membership.organisation.name,
            "organisation_id": str(membership.organisation_id),
            "role": membership.role,
            "joined_at": _when(membership.joined_at),
            "named_in_small_groups": membership.named_in_small_groups,
            "shared_assessments": [
                {"assessment": str(share.assessment_id), "shared_at": _when(share.shared_at)}
                for share in membership.shares.all()
            ],
        }
        for membership in memberships
    ]
