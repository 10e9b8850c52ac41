"""A member's colleagues' rounds in their data download: what they set up and what they
may see, never who rated what (no token, no per-link answer, no single rating)."""

from django.db.models import Prefetch

from colleagues.models import Invitation, Round, RoundItem
from colleagues.reporting import disclosure_data
from colleagues.selectors import comments_by_round, disclosure_of, submissions_by_round


def _when(moment):
    return moment.isoformat() if moment else None


def rounds_of(user):
    """{assessment id: the round's data} for every round of the member's assessments."""
    rounds = list(
        Round.objects.filter(assessment__owner=user).prefetch_related(
            Prefetch(
                "round_items", queryset=RoundItem.objects.select_related("item").order_by("order")
            ),
            Prefetch("invitations", queryset=Invitation.objects.order_by("created_at", "pk")),
        )
    )
    rated = submissions_by_round(rounds)
    comments = comments_by_round(rounds)
    result = {}
    for round_ in rounds:
        lines = list(round_.round_items.all())
        invitations = list(round_.invitations.all())
        disclosure = disclosure_of(
            round_,
            lines,
            invited=len(invitations),
            rated=rated.get(round_.pk, []),
            comments=comments.get(round_.pk, []),
        )
        result[round_.assessment_id] = {
            "display_name": round_.display_name,
            "opened_at": _when(round_.opened_at),
            "closed_at": _when(round_.closed_at),
            "items": [{"item": line.item.slug, "own_level": line.self_level} for line in lines],
            "invitations": [
                {
                    "relationship": i.relationship,
                    "created_at": _when(i.created_at),
                    "expires_at": _when(i.expires_at),
                    "revoked_at": _when(i.revoked_at),
                }
                for i in invitations
            ],
            "view": {**disclosure_data(disclosure), "comments": list(disclosure.comments)},
        }
    return result
